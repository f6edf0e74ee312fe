/// A format the writers table can produce, named as on the command line (`--to md,html`).
public enum OutputFormat: String, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    /// Markdown with `$` math, and SVG files beside it.
    case markdown = "md"
    /// A whole HTML page, drawings embedded.
    case html
    /// A Jupyter notebook of Markdown cells.
    case ipynb
    /// A standalone LaTeX document, drawings as TikZ.
    case tex
    /// The LaTeX document compiled by pdflatex or lualatex (see ``TeXEngine``).
    case pdf

    /// What a link to a page in this format says: `HTML`, `Markdown`, `Jupyter notebook`.
    public var label: String {
        switch self {
        case .markdown: return "Markdown"
        case .html: return "HTML"
        case .ipynb: return "Jupyter notebook"
        case .tex: return "LaTeX"
        case .pdf: return "PDF"
        }
    }

    /// The file name extension of a page in this format.
    public var fileExtension: String { rawValue }

    /// The format a writer makes: PDF is made from the LaTeX, by a TeX engine.
    public var written: OutputFormat { self == .pdf ? .tex : self }

    /// The order pages are written in: Markdown, HTML, notebook, LaTeX, PDF.
    public static func < (lhs: OutputFormat, rhs: OutputFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
