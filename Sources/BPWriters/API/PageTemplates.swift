import Foundation

/// The page around a report's HTML: a Mustache template and its stylesheet. The defaults are
/// built in (SwiftPM cannot bundle the top-level `templates/`), and a test keeps them equal to
/// the files there; `--templates DIR` reads a user's copy instead.
public struct PageTemplates: Sendable, Equatable {
    /// Mustache: `{{title}}`, `{{lang}}`, `{{{stylesheet}}}`, `{{{body}}}`, and a `{{#katex}}`
    /// section with `{{katexStylesheet}}`, `{{katexScript}}` and `{{katexAutoRender}}`, and
    /// each one's Subresource Integrity hash, when known, as `{{katexStylesheetIntegrity}}`,
    /// `{{katexScriptIntegrity}}` and `{{katexAutoRenderIntegrity}}`.
    public var page: String
    public var stylesheet: String
    /// The folder the templates were read from; `nil` for the built-in ones. Errors name it.
    public var folder: String?

    /// The file names inside a templates folder.
    public static let pageFile = "page.html.mustache"
    public static let stylesheetFile = "report.css"

    public static let builtIn = PageTemplates(page: DefaultTemplates.page, stylesheet: DefaultTemplates.stylesheet)

    public init(page: String, stylesheet: String, folder: String? = nil) {
        self.page = page
        self.stylesheet = stylesheet
        self.folder = folder
    }

    /// Templates are equal when their text is, wherever they were read from.
    public static func == (lhs: PageTemplates, rhs: PageTemplates) -> Bool {
        lhs.page == rhs.page && lhs.stylesheet == rhs.stylesheet
    }

    /// The page template's path as errors give it.
    public var pagePath: String {
        guard let folder else { return "(built-in) " + Self.pageFile }
        return (folder as NSString).appendingPathComponent(Self.pageFile)
    }

    /// Reads both files from `directory`; a missing one is an error that names it.
    public static func load(directory: String) throws(TemplateError) -> PageTemplates {
        func read(_ name: String) throws(TemplateError) -> String {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(message: "\(path): cannot read the template (missing or not UTF-8)")
            }
            return text
        }
        return PageTemplates(page: try read(pageFile), stylesheet: try read(stylesheetFile), folder: directory)
    }
}

/// A template that cannot be read or parsed.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
