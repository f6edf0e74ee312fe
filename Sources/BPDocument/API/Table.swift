/// A table of inline cells with a header row, as GitHub's pipe tables can show it.
public struct Table: Sendable, Equatable {
    /// An anchor, classes (`gradient-check`) or a role.
    public var attributes: Attributes
    /// Shown with the table; empty for none.
    public var caption: [Inline]
    /// One per column.
    public var alignments: [ColumnAlignment]
    /// One cell per column.
    public var header: [[Inline]]
    /// Rows of cells; every row has one cell per column.
    public var rows: [[[Inline]]]

    /// A table of `header` and `rows`, one alignment and one cell a row per column.
    public init(attributes: Attributes = .none, caption: [Inline] = [], alignments: [ColumnAlignment],
                header: [[Inline]], rows: [[[Inline]]]) {
        self.attributes = attributes
        self.caption = caption
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

/// How a column of a table or a math array is aligned.
public enum ColumnAlignment: Sendable, Equatable, Hashable {
    /// Flush left, centred, or flush right (numbers).
    case left, center, right
}
