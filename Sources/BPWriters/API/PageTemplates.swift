import Foundation

/// The page around a report's HTML: a Mustache template and its stylesheet. The defaults are
/// built in (SwiftPM cannot bundle the top-level `templates/`), and a test keeps them equal to
/// the files there; `--templates DIR` reads a user's copy instead.
public struct PageTemplates: Sendable, Equatable {
    /// Mustache: `{{title}}`, `{{lang}}`, `{{{stylesheet}}}`, `{{{body}}}`, and a `{{#katex}}`
    /// section with `{{katexStylesheet}}`, `{{katexScript}}` and `{{katexAutoRender}}`.
    public var page: String
    public var stylesheet: String

    /// The file names inside a templates folder.
    public static let pageFile = "page.html.mustache"
    public static let stylesheetFile = "report.css"

    public static let builtIn = PageTemplates(page: DefaultTemplates.page, stylesheet: DefaultTemplates.stylesheet)

    public init(page: String, stylesheet: String) {
        self.page = page
        self.stylesheet = stylesheet
    }

    /// Reads both files from `directory`; a missing one is an error that names it.
    public static func load(directory: String) throws -> PageTemplates {
        func read(_ name: String) throws -> String {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(message: "\(path): cannot read the template (missing or not UTF-8)")
            }
            return text
        }
        return PageTemplates(page: try read(pageFile), stylesheet: try read(stylesheetFile))
    }
}

/// A template that cannot be read or parsed.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
