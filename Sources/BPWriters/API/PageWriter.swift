import BPDocument
import Dispatch
import Mustache

/// Writes a whole HTML page: the document's body inside the page template.
public struct PageWriter: Sendable {
    /// The page template and stylesheet it writes with.
    public let templates: PageTemplates
    /// How the body shows math.
    public let options: HTMLOptions
    /// A user's template, parsed; nil for the built-in one, which the first page takes.
    private let template: MustacheTemplate?

    /// Parses a user's template once, for every page it will write (a broken one fails here);
    /// the built-in one is parsed once a process, when the first page is written, so a render
    /// need not wait for it before it starts.
    public init(templates: PageTemplates = .builtIn, options: HTMLOptions = HTMLOptions()) throws(TemplateError) {
        self.templates = templates
        self.options = options
        template = templates.page == DefaultTemplates.page ? nil : try Self.parse(templates.page, path: templates.pagePath)
    }

    /// The built-in page template, parsed on first use; a test parses it, so it cannot fail.
    private static let builtInTemplate: MustacheTemplate = try! parse(DefaultTemplates.page, path: PageTemplates.builtIn.pagePath)

    /// Starts parsing the built-in page template on another thread. The parse takes about a
    /// millisecond and a half, which a command that calls this first spends reading its
    /// arguments and its inputs' reports instead; a page written before the parse ends waits
    /// for it.
    public static func prepareBuiltInTemplate() {
        DispatchQueue.global(qos: .userInitiated).async { _ = builtInTemplate }
    }

    /// A Mustache template parsed, or an error naming `path`, the line and the column.
    static func parse(_ text: String, path: String) throws(TemplateError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch {
            // A plain `catch` and a cast: `catch let ... as` in a typed-throws function trips
            // the Swift 6.3 compiler.
            guard let error = error as? MustacheTemplate.ParserError else {
                throw TemplateError(message: "\(path): not a valid Mustache template")
            }
            // swift-mustache finds an unclosed section only at the end: name where it opens.
            if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error, let section = MustacheTags.unclosedSection(in: text) {
                throw TemplateError(message: "\(path):\(section.line):\(section.column): not a valid Mustache template: the section "
                                    + "\(section.opening) is never closed with \(section.closing)")
            }
            let place = "\(path):\(error.context.lineNumber):\(error.context.columnNumber)"
            throw TemplateError(message: "\(place): not a valid Mustache template: \(Self.explain(error.error, tags: MustacheTags(text)))")
        }
    }

    /// swift-mustache's parse errors, worded for a person editing the template, with its tags
    /// spelled in the template's own delimiters (`<% %>` in the LaTeX template).
    private static func explain(_ error: Error, tags: MustacheTags) -> String {
        let (open, close) = (tags.open, tags.close)
        guard let error = error as? MustacheTemplate.Error else {
            // The reader's only other error: the text ended inside a tag.
            return "\(error)" == "overflow" ? "the template ends inside a tag (a \(open) without its \(close))" : "it cannot be parsed"
        }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing tag \(open)/name\(close) does not match the section it closes"
        case .unfinishedName: return "a tag is not finished (a \(open) without its \(close))"
        case .expectedSectionEnd: return "a section \(open)#name\(close) is never closed with \(open)/name\(close)"
        case .invalidSetDelimiter: return "a set-delimiter tag {{=<% %>=}} is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection: return "an inherited partial holds something other than blocks"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "a \(open)% ...\(close) configuration tag is not understood"
        }
    }

    /// A whole page: the document's body, title and language in the template.
    public func write(_ document: Document) -> String {
        var context: [String: Any] = [
            "title": document.displayTitle ?? "bpreport",
            "lang": document.language,
            "stylesheet": templates.stylesheet,
            "body": HTMLWriter.body(document, options: options),
        ]
        if case let .katex(assets) = options.math {
            var katex: [String: Any] = [
                "katexStylesheet": assets.stylesheet,
                "katexScript": assets.script,
                "katexAutoRender": assets.autoRender,
            ]
            // Only a known hash: a section the template leaves out when it is missing.
            katex["katexStylesheetIntegrity"] = assets.stylesheetIntegrity
            katex["katexScriptIntegrity"] = assets.scriptIntegrity
            katex["katexAutoRenderIntegrity"] = assets.autoRenderIntegrity
            context["katex"] = katex
        }
        return (template ?? Self.builtInTemplate).render(context)
    }
}
