import BPDocument

/// Everything a writer may need besides the document, prepared once for every page: the HTML
/// options and the parsed page template.
public struct WriterContext: Sendable {
    public let html: HTMLOptions
    public let page: PageWriter

    /// Parses the page template once; a broken template is an error here, before any page.
    public init(html: HTMLOptions = HTMLOptions(), templates: PageTemplates = .builtIn) throws(TemplateError) {
        self.html = html
        self.page = try PageWriter(templates: templates, options: html)
    }
}

/// A writer: a plain function of the document and the context.
public typealias Writer = @Sendable (Document, WriterContext) -> WriterOutput

/// The writers, one per format, as pandoc's writers list: a new format is one file and one line.
public enum Writers {
    public static let table: [OutputFormat: Writer] = [
        .markdown: { document, _ in MarkdownWriter.output(document) },
        .html: { document, context in WriterOutput(text: context.page.write(document)) },
    ]

    /// The writer for `format`.
    public static func writer(for format: OutputFormat) -> Writer {
        // Every case of OutputFormat has an entry; a test checks it.
        table[format]!
    }
}
