/// A format the writers table can produce, named as on the command line (`--to md,html`).
public enum OutputFormat: String, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    /// Markdown with `$` math, and SVG files beside it.
    case markdown = "md"
    /// A whole HTML page, drawings embedded.
    case html
    /// A Jupyter notebook of Markdown cells.
    case ipynb

    /// What a link to a page in this format says: `HTML`, `Markdown`, `Jupyter notebook`.
    public var label: String {
        switch self {
        case .markdown: return "Markdown"
        case .html: return "HTML"
        case .ipynb: return "Jupyter notebook"
        }
    }

    /// The file name extension of a page in this format.
    public var fileExtension: String { rawValue }

    /// The order pages are written in: Markdown, HTML, notebook.
    public static func < (lhs: OutputFormat, rhs: OutputFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
