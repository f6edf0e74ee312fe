/// A dense matrix stored row by row. Vectors are columns (n x 1); a batch is n x m.
public struct Matrix<Element>: Sendable where Element: Sendable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
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

    /// A matrix whose entry (i, j), 0-based, is `generator(i, j)`, filled row by row.
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

    /// The entry at 0-based (`row`, `column`).
    @inlinable public subscript(row: Int, column: Int) -> Element {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    /// The entries as a list of rows, the trace's shape.
    @inlinable public var rowList: [[Element]] {
        (0..<rows).map { i in Array(entries[(i * columns)..<((i + 1) * columns)]) }
    }

    /// The transpose: `columns` x `rows`.
    @inlinable public var transposed: Matrix {
        Matrix(rows: columns, columns: rows) { i, j in self[j, i] }
    }

    /// The matrix of `transform` applied to every entry, row by row; the first error it
    /// throws, if any.
    @inlinable public func map<T, Failure: Error>(_ transform: (Element) throws(Failure) -> T) throws(Failure) -> Matrix<T> {
        let out = try storage.withUnsafeBufferPointer { (x) throws(Failure) -> [T] in
            try Self.filled(count: x.count) { (k) throws(Failure) -> T in try transform(x[k]) }
        }
        return Matrix<T>(rows: rows, columns: columns, entries: out)
    }

    /// Entry-wise combination of two matrices of the same shape; the first error `combine`
    /// throws, if any.
    @inlinable public func zip<T, U, Failure: Error>(_ other: Matrix<T>, _ combine: (Element, T) throws(Failure) -> U) throws(Failure) -> Matrix<U> {
        precondition(rows == other.rows && columns == other.columns, "matrix shape mismatch")
        let out = try storage.withUnsafeBufferPointer { (x) throws(Failure) -> [U] in
            try other.storage.withUnsafeBufferPointer { (y) throws(Failure) -> [U] in
                try Self.filled(count: x.count) { (k) throws(Failure) -> U in try combine(x[k], y[k]) }
            }
        }
        return Matrix<U>(rows: rows, columns: columns, entries: out)
    }

    /// `entry(k)` for k = 0, 1, ..., `count` - 1, written into a new array in place; the first
    /// error `entry` throws, if any.
    // In place because `Array.map` appends, checking capacity at every entry; typed throws so a
    // closure that throws only an engine error keeps that type. The array's initialiser only
    // rethrows untyped errors, so a failure is kept and thrown once the array is closed.
    @inlinable static func filled<T, Failure: Error>(count: Int, _ entry: (Int) throws(Failure) -> T) throws(Failure) -> [T] {
        var failure: Failure?
        let out = [T](unsafeUninitializedCapacity: count) { out, initialized in
            var k = 0
            while k < count {
                do throws(Failure) {
                    (out.baseAddress! + k).initialize(to: try entry(k))
                } catch {
                    failure = error
                    break
                }
                k &+= 1
            }
            initialized = k
        }
        if let failure { throw failure }
        return out
    }

    /// Column `j` as an n x 1 matrix.
    @inlinable public func column(_ j: Int) -> Matrix {
        Matrix(rows: rows, columns: 1) { i, _ in self[i, j] }
    }
}

extension Matrix: Equatable where Element: Equatable {}
