/// Everything a writer may need besides the document, prepared once for every page: the HTML
/// options and the parsed page and LaTeX templates.
public struct WriterContext: Sendable {
    /// How HTML shows math.
    public let html: HTMLOptions
    /// The page template, parsed.
    public let page: PageWriter
    /// The LaTeX template, parsed.
    public let latex: LaTeXWriter

    /// Parses the templates once; a broken template is an error here, before any page.
    public init(html: HTMLOptions = HTMLOptions(), templates: PageTemplates = .builtIn) throws(TemplateError) {
        self.html = html
        self.page = try PageWriter(templates: templates, options: html)
        self.latex = try LaTeXWriter(templates: templates)
    }
}
