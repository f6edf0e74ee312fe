extension Matrix where Element: Scalar {
    public static func zeros(rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, entries: Array(repeating: .zero, count: rows * columns))
    }

    /// The matrix product `self * other`.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.columns == rhs.rows, "matrix product shape mismatch")
        var out: [Element] = []
        out.reserveCapacity(lhs.rows * rhs.columns)
        for i in 0..<lhs.rows {
            for j in 0..<rhs.columns {
                // Left to right from the first product: floats round the same way every run.
                var sum = lhs.columns > 0 ? lhs[i, 0] * rhs[0, j] : Element.zero
                var k = 1
                while k < lhs.columns { sum = sum + lhs[i, k] * rhs[k, j]; k += 1 }
                out.append(sum)
            }
        }
        return Matrix(rows: lhs.rows, columns: rhs.columns, entries: out)
    }

    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.zip(rhs, +) }
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.zip(rhs, -) }

    /// Entry-wise (Hadamard) product, written ⊙.
    public func hadamard(_ other: Matrix) -> Matrix { zip(other, *) }

    public func scaled(by factor: Element) -> Matrix { map { factor * $0 } }

    /// Adds an n x 1 column to every column (a bias over a batch).
    public func addingToEachColumn(_ column: Matrix) -> Matrix {
        precondition(column.columns == 1 && column.rows == rows, "bias shape mismatch")
        return Matrix(rows: rows, columns: columns) { i, j in self[i, j] + column[i, 0] }
    }

    /// The n x 1 column of row sums (a bias gradient summed over the batch).
    public var rowSums: Matrix {
        Matrix(rows: rows, columns: 1) { i, _ in
            columns == 0 ? Element.zero : (1..<columns).reduce(self[i, 0]) { $0 + self[i, $1] }
        }
    }

    /// The sum of every entry.
    public var sum: Element {
        guard let first = entries.first else { return .zero }
        return entries.dropFirst().reduce(first, +)
    }
}
