import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The page around a report's HTML: a Mustache template and its stylesheet. The defaults are
/// built in (SwiftPM cannot bundle the top-level `templates/`), and a test keeps them equal to
/// the files there; `--templates DIR` reads a user's copy instead.
public struct PageTemplates: Sendable, Equatable {
    /// Mustache: `{{title}}`, `{{lang}}`, `{{{stylesheet}}}`, `{{{body}}}`, and a `{{#katex}}`
    /// section with `{{katexStylesheet}}`, `{{katexScript}}` and `{{katexAutoRender}}`, and
    /// each one's Subresource Integrity hash, when known, as `{{katexStylesheetIntegrity}}`,
    /// `{{katexScriptIntegrity}}` and `{{katexAutoRenderIntegrity}}`.
    public var page: String
    /// CSS, put in the page as `{{{stylesheet}}}`.
    public var stylesheet: String
    /// The LaTeX document around a report's TeX (`--to tex`, `--to pdf`), Mustache with the
    /// delimiters `<% %>` (TeX is full of braces): `<%&title%>`, `<%&body%>`, `<%lang%>`, and a
    /// `<%#lualatex%>` section for a document that needs lualatex (see ``TeXEngine``).
    public var tex: String
    /// The folder the page template was read from; `nil` for the built-in one. Errors name it.
    public var folder: String?

    /// The file names inside a templates folder.
    public static let pageFile = "page.html.mustache"
    /// The stylesheet's file name inside a templates folder.
    public static let stylesheetFile = "report.css"
    /// The LaTeX template's file name inside a templates folder.
    public static let texFile = "page.tex.mustache"

    /// The page and stylesheet of `templates/`, built in.
    public static let builtIn = PageTemplates(page: DefaultTemplates.page, stylesheet: DefaultTemplates.stylesheet, tex: DefaultTemplates.tex)

    /// Templates from text in memory (the built-in LaTeX template when `tex` is nil); the
    /// folders only name the templates in errors.
    public init(page: String, stylesheet: String, tex: String? = nil, folder: String? = nil, texFolder: String? = nil) {
        self.page = page
        self.stylesheet = stylesheet
        self.tex = tex ?? DefaultTemplates.tex
        self.folder = folder
        self.texFolder = texFolder
    }

    /// The folder the LaTeX template was read from; `nil` for the built-in one.
    public var texFolder: String?

    /// Templates are equal when their text is, wherever they were read from.
    public static func == (lhs: PageTemplates, rhs: PageTemplates) -> Bool {
        lhs.page == rhs.page && lhs.stylesheet == rhs.stylesheet && lhs.tex == rhs.tex
    }

    /// The page template's path as errors give it.
    public var pagePath: String {
        guard let folder else { return "(built-in) " + Self.pageFile }
        return Self.path(folder, Self.pageFile)
    }

    /// The LaTeX template's path as errors give it.
    public var texPath: String {
        guard let texFolder else { return "(built-in) " + Self.texFile }
        return Self.path(texFolder, Self.texFile)
    }

    /// Reads `page.html.mustache`, `report.css`, `page.tex.mustache` or some of them from `directory`; a file it does not
    /// hold stays built in. A folder that is missing, cannot be read or holds none of them is an
    /// error that names it, as is a file that cannot be read or is not UTF-8.
    public static func load(directory: String) throws(TemplateError) -> PageTemplates {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw TemplateError(message: "\(directory): no such templates folder")
        }
        guard isDirectory else {
            throw TemplateError(message: "\(directory): not a folder; --templates takes a folder holding \(pageFile), \(stylesheetFile), \(texFile) or some of them")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw TemplateError(message: "\(directory): cannot read the templates folder (\(Self.reason(error)))")
        }
        func read(_ name: String) throws(TemplateError) -> String? {
            guard names.contains(name) else { return nil }
            let path = Self.path(directory, name)
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw TemplateError(message: "\(path): cannot read the template (\(Self.reason(error)))")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(message: "\(path): the template is not UTF-8 text")
            }
            return text
        }
        let page = try read(pageFile), stylesheet = try read(stylesheetFile), tex = try read(texFile)
        if page == nil && stylesheet == nil && tex == nil {
            throw TemplateError(message: "\(directory): holds none of \(pageFile), \(stylesheetFile) and \(texFile)")
        }
        return PageTemplates(page: page ?? builtIn.page, stylesheet: stylesheet ?? builtIn.stylesheet, tex: tex ?? builtIn.tex,
                             folder: page == nil ? nil : directory, texFolder: tex == nil ? nil : directory)
    }

    /// The system's reason, as a person reads it ("Permission denied"), not a debug dump.
    /// `name` in `folder`, joined as `NSString.appendingPathComponent` joins them.
    private static func path(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private static func reason(_ error: Error) -> String {
        if let posix = (error as? CocoaError)?.underlying as? POSIXError ?? error as? POSIXError {
            return String(cString: strerror(posix.code.rawValue))
        }
        if let code = (error as? CocoaError)?.code, code == .fileReadNoPermission { return "permission denied" }
        return String(describing: error)
    }
}

/// A template that cannot be read or parsed.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong and where, worded for the person editing the template.
    public let message: String
    /// The message.
    public var description: String { message }
}
