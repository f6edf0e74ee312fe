extension Matrix where Element: Scalar {
    @inlinable public static func zeros(rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, entries: Array(repeating: .zero, count: rows * columns))
    }

    /// The matrix product `lhs * rhs`, through the scalar's product hook.
    @inlinable public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        Element.product(lhs, transposingA: false, rhs, transposingB: false)
    }

    @inlinable public static func + (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.zip(rhs, +) }
    @inlinable public static func - (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.zip(rhs, -) }

    /// Entry-wise (Hadamard) product, written ⊙.
    @inlinable public func hadamard(_ other: Matrix) -> Matrix { zip(other, *) }

    @inlinable public func scaled(by factor: Element) -> Matrix { map { factor * $0 } }

    /// Adds an n x 1 column to every column (a bias over a batch).
    @inlinable public func addingToEachColumn(_ column: Matrix) -> Matrix {
        precondition(column.columns == 1 && column.rows == rows, "bias shape mismatch")
        return Matrix(rows: rows, columns: columns) { i, j in self[i, j] + column[i, 0] }
    }

    /// The n x 1 column of row sums (a bias gradient summed over the batch).
    @inlinable public var rowSums: Matrix {
        Matrix(rows: rows, columns: 1) { i, _ in
            columns == 0 ? Element.zero : (1..<columns).reduce(self[i, 0]) { $0 + self[i, $1] }
        }
    }

    /// The sum of every entry.
    @inlinable public var sum: Element {
        guard let first = entries.first else { return .zero }
        return entries.dropFirst().reduce(first, +)
    }
}
