/// A dense matrix stored row by row. Vectors are columns (n x 1); a batch is n x m.
public struct Matrix<Element>: Sendable where Element: Sendable {
    public let rows: Int
    public let columns: Int
    /// Row-major entries; `entries.count == rows * columns`.
    public var entries: [Element] {
        @inlinable get { storage }
    }

    // Inlinable (with the operations below) so that the engine's loops specialise to Double
    // or Rational across the module boundary instead of going through generic calls.
    @usableFromInline var storage: [Element]

    /// Builds a matrix from row-major entries; the count must be `rows * columns`.
    @inlinable public init(rows: Int, columns: Int, entries: [Element]) {
        precondition(rows >= 0 && columns >= 0 && entries.count == rows * columns, "matrix shape mismatch")
        self.rows = rows
        self.columns = columns
        self.storage = entries
    }

    @inlinable public init(rows: Int, columns: Int, generator: (Int, Int) -> Element) {
        precondition(rows >= 0 && columns >= 0, "matrix shape mismatch")
        // Written in place, one entry after another: no growth checks, no copies.
        let entries = [Element](unsafeUninitializedCapacity: rows * columns) { out, count in
            for i in 0..<rows {
                for j in 0..<columns {
                    (out.baseAddress! + count).initialize(to: generator(i, j))
                    count += 1
                }
            }
        }
        self.init(rows: rows, columns: columns, entries: entries)
    }

    /// A matrix from a list of rows of equal length; `nil` when the rows are ragged.
    @inlinable public init?(rowList: [[Element]]) {
        let width = rowList.first?.count ?? 0
        guard rowList.allSatisfy({ $0.count == width }) else { return nil }
        self.init(rows: rowList.count, columns: width, entries: rowList.flatMap { $0 })
    }

    /// A column vector.
    @inlinable public init(column: [Element]) {
        self.init(rows: column.count, columns: 1, entries: column)
    }

    @inlinable public subscript(row: Int, column: Int) -> Element {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    /// The entries as a list of rows, the trace's shape.
    @inlinable public var rowList: [[Element]] {
        (0..<rows).map { i in Array(entries[(i * columns)..<((i + 1) * columns)]) }
    }

    @inlinable public var transposed: Matrix {
        Matrix(rows: columns, columns: rows) { i, j in self[j, i] }
    }

    // Typed throws, so a closure that throws only an engine error keeps that type.
    @inlinable public func map<T, Failure: Error>(_ transform: (Element) throws(Failure) -> T) throws(Failure) -> Matrix<T> {
        Matrix<T>(rows: rows, columns: columns, entries: try entries.map(transform))
    }

    /// Entry-wise combination of two matrices of the same shape.
    @inlinable public func zip<T, U, Failure: Error>(_ other: Matrix<T>, _ combine: (Element, T) throws(Failure) -> U) throws(Failure) -> Matrix<U> {
        precondition(rows == other.rows && columns == other.columns, "matrix shape mismatch")
        var out: [U] = []
        out.reserveCapacity(entries.count)
        for k in entries.indices { out.append(try combine(entries[k], other.entries[k])) }
        return Matrix<U>(rows: rows, columns: columns, entries: out)
    }

    /// Column `j` as an n x 1 matrix.
    @inlinable public func column(_ j: Int) -> Matrix {
        Matrix(rows: rows, columns: 1) { i, _ in self[i, j] }
    }
}

extension Matrix: Equatable where Element: Equatable {}
