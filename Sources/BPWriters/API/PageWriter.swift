import BPDocument
import Mustache

/// Writes a whole HTML page: the document's body inside the page template.
public struct PageWriter: Sendable {
    public let templates: PageTemplates
    public let options: HTMLOptions
    private let template: MustacheTemplate

    /// Parses the template once, for every page it will write.
    public init(templates: PageTemplates = .builtIn, options: HTMLOptions = HTMLOptions()) throws {
        self.templates = templates
        self.options = options
        do {
            template = try MustacheTemplate(string: templates.page)
        } catch {
            throw TemplateError(message: "\(PageTemplates.pageFile): not a valid Mustache template (\(error))")
        }
    }

    public func write(_ document: Document) -> String {
        var context: [String: Any] = [
            "title": document.title ?? "bpreport",
            "lang": document.language,
            "stylesheet": templates.stylesheet,
            "body": HTMLWriter.body(document, options: options),
        ]
        if case let .katex(assets) = options.math {
            context["katex"] = [
                "katexStylesheet": assets.stylesheet,
                "katexScript": assets.script,
                "katexAutoRender": assets.autoRender,
            ]
        }
        return template.render(context)
    }
}
