/// One entry of a matrix, 1-based.
public struct QuantityEntry: Sendable, Equatable, Hashable {
    /// 1-based row.
    public var row: Int
    /// 1-based column.
    public var column: Int

    /// The entry in `row`, `column`, both from 1.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
