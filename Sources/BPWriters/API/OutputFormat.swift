/// A format the writers table can produce, named as on the command line (`--to md,html`).
public enum OutputFormat: String, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    case markdown = "md"
    case html
    /// A Jupyter notebook of Markdown cells.
    case ipynb

    /// The file name extension of a page in this format.
    public var fileExtension: String { rawValue }

    public static func < (lhs: OutputFormat, rhs: OutputFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
