/// A formula found in Markdown: its TeX (without the dollars), whether it was `$$...$$`, and
/// where its opening dollar stands (1-based line and column of the Markdown given).
public struct MarkdownMath: Sendable, Equatable {
    /// The TeX between the dollars.
    public var tex: String
    /// `$$...$$`: on a line of its own.
    public var display: Bool
    /// The opening dollar's line, from 1.
    public var line: Int
    /// The opening dollar's column, from 1.
    public var column: Int

    /// A formula of `tex` found at `line`, `column`.
    public init(tex: String, display: Bool, line: Int, column: Int) {
        self.tex = tex
        self.display = display
        self.line = line
        self.column = column
    }
}
