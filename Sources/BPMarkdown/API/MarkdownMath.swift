/// A formula found in Markdown: its TeX (without the dollars), whether it was `$$...$$`, and
/// where its opening dollar stands (1-based line and column of the Markdown given).
public struct MarkdownMath: Sendable, Equatable {
    public var tex: String
    public var display: Bool
    public var line: Int
    public var column: Int

    public init(tex: String, display: Bool, line: Int, column: Int) {
        self.tex = tex
        self.display = display
        self.line = line
        self.column = column
    }
}
