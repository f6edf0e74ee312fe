import BPDocument

/// The writers, one per format, as pandoc's writers list: a new format is one file and one line.
public enum Writers {
    public static let table: [OutputFormat: Writer] = [
        .markdown: { document, _ in MarkdownWriter.output(document) },
        .html: { document, context in WriterOutput(text: context.page.write(document)) },
        .ipynb: { document, _ in NotebookWriter.output(document) },
    ]

    /// The writer for `format`.
    public static func writer(for format: OutputFormat) -> Writer {
        // Every case of OutputFormat has an entry; a test checks it.
        table[format]!
    }
}

/// A writer: a plain function of the document and the context.
public typealias Writer = @Sendable (Document, WriterContext) -> WriterOutput
