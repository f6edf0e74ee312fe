import BPDocument

/// Writes a whole HTML page: the document's body inside the page template.
public struct PageWriter: Sendable {
    /// The page template and stylesheet it writes with.
    public let templates: PageTemplates
    /// How the body shows math.
    public let options: HTMLOptions
    /// A user's template, parsed; nil for the built-in one.
    private let template: MustacheTemplate?

    /// Parses a user's template once, for every page it will write (a broken one fails here).
    public init(templates: PageTemplates = .builtIn, options: HTMLOptions = HTMLOptions()) throws(TemplateError) {
        self.templates = templates
        self.options = options
        template = templates.page == DefaultTemplates.page ? nil : try MustacheTemplate(templates.page, path: templates.pagePath, escaping: .html)
    }

    /// The built-in page template, parsed once a process; a test parses it, so it cannot fail.
    private static let builtInTemplate = try! MustacheTemplate(DefaultTemplates.page, path: PageTemplates.builtIn.pagePath, escaping: .html)

    /// A whole page: the document's body, title and language in the template.
    public func write(_ document: Document) -> String {
        var context: [String: MustacheValue] = [
            "title": .text(document.displayTitle ?? "bpreport"),
            "lang": .text(document.language),
            "stylesheet": .text(templates.stylesheet),
            "body": .text(HTMLWriter.body(document, options: options)),
        ]
        if case let .katex(assets) = options.math {
            var katex: [String: MustacheValue] = [
                "katexStylesheet": .text(assets.stylesheet),
                "katexScript": .text(assets.script),
                "katexAutoRender": .text(assets.autoRender),
            ]
            // Only a known hash: a section the template leaves out when it is missing.
            katex["katexStylesheetIntegrity"] = assets.stylesheetIntegrity.map(MustacheValue.text)
            katex["katexScriptIntegrity"] = assets.scriptIntegrity.map(MustacheValue.text)
            katex["katexAutoRenderIntegrity"] = assets.autoRenderIntegrity.map(MustacheValue.text)
            context["katex"] = .map(katex)
        }
        return (template ?? Self.builtInTemplate).render(.map(context))
    }
}
