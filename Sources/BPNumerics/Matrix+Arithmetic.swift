extension Matrix where Element: Scalar {
    @inlinable public static func zeros(rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, entries: Array(repeating: .zero, count: rows * columns))
    }

    /// The matrix product `self * other`.
    @inlinable public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.columns == rhs.rows, "matrix product shape mismatch")
        let (n, p, m) = (lhs.rows, lhs.columns, rhs.columns)
        guard p > 0 else { return zeros(rows: n, columns: m) }
        // i-k-j order: each entry still sums left to right from its first product (the same
        // rounding as before), but the inner loop walks rows of rhs and out contiguously.
        var out: [Element] = []
        out.reserveCapacity(n * m)
        lhs.entries.withUnsafeBufferPointer { a in
            rhs.entries.withUnsafeBufferPointer { b in
                for i in 0..<n {
                    let a0 = a[i * p]
                    for j in 0..<m { out.append(a0 * b[j]) }
                }
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<n {
                        for k in 1..<p {
                            let aik = a[i * p + k]
                            let orow = o.baseAddress! + i * m, brow = b.baseAddress! + k * m
                            var j = 0
                            while j < m { orow[j] = orow[j] + aik * brow[j]; j &+= 1 }
                        }
                    }
                }
            }
        }
        return Matrix(rows: n, columns: m, entries: out)
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
