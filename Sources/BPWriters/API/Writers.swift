import BPDocument

/// The writers, one per format, as pandoc's writers list: a new format is one file and one line.
public enum Writers {
    /// Every format's writer.
    public static let table: [OutputFormat: Writer] = Dictionary(
        uniqueKeysWithValues: OutputFormat.allCases.filter { $0.written == $0 }.map { ($0, writer(for: $0)) })

    /// The writer for `format`; for PDF, the LaTeX writer, whose output a TeX engine compiles.
    public static func writer(for format: OutputFormat) -> Writer {
        // A switch, not a look-up in `table`: a dictionary keyed by an enum costs a fresh process
        // a conformance search when its type is first made.
        switch format.written {
        case .markdown: return { document, _ in MarkdownWriter.output(document) }
        case .html: return { document, context in WriterOutput(text: context.page.write(document)) }
        case .ipynb: return { document, _ in NotebookWriter.output(document) }
        case .tex, .pdf: return { document, context in WriterOutput(text: context.latex.write(document)) }
        }
    }
}

/// A writer: a plain function of the document and the context.
public typealias Writer = @Sendable (Document, WriterContext) -> WriterOutput
