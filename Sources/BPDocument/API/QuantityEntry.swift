/// One entry of a matrix, 1-based.
public struct QuantityEntry: Sendable, Equatable, Hashable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
