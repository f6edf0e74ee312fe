import BPDocument

/// The writers, one per format, as pandoc's writers list: a new format is one file and one line.
public enum Writers {
    /// Every format's writer.
    public static let table: [OutputFormat: Writer] = [
        .markdown: { document, _ in MarkdownWriter.output(document) },
        .html: { document, context in WriterOutput(text: context.page.write(document)) },
        .ipynb: { document, _ in NotebookWriter.output(document) },
        .tex: { document, context in WriterOutput(text: context.latex.write(document)) },
    ]

    /// The writer for `format`; for PDF, the LaTeX writer, whose output a TeX engine compiles.
    public static func writer(for format: OutputFormat) -> Writer {
        // Every written format has an entry; a test checks it.
        table[format.written]!
    }
}

/// A writer: a plain function of the document and the context.
public typealias Writer = @Sendable (Document, WriterContext) -> WriterOutput
