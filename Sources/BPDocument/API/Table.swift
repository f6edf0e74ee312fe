/// A table of inline cells with a header row, as GitHub's pipe tables can show it.
public struct Table: Sendable, Equatable {
    public var attributes: Attributes
    public var caption: [Inline]
    public var alignments: [ColumnAlignment]
    /// One cell per column.
    public var header: [[Inline]]
    /// Rows of cells; every row has one cell per column.
    public var rows: [[[Inline]]]

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
    case left, center, right
}
