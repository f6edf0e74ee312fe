extension Scalar {
    /// The default product hook: ``leftToRightProduct(_:transposingA:_:transposingB:)``.
    @inlinable
    public static func product(_ a: Matrix<Self>, transposingA: Bool, _ b: Matrix<Self>, transposingB: Bool) -> Matrix<Self> {
        leftToRightProduct(a, transposingA: transposingA, b, transposingB: transposingB)
    }

    /// op(a) · op(b), summing each entry left to right from its first product, so a float
    /// product rounds the same way whichever operand is transposed.
    ///
    /// Neither transpose is materialised: a transposed operand is read with swapped strides.
    /// A scalar with its own ``product(_:transposingA:_:transposingB:)`` (`Double`) still
    /// calls this for small products, and the tests compare against it.
    @inlinable
    public static func leftToRightProduct(_ a: Matrix<Self>, transposingA: Bool, _ b: Matrix<Self>, transposingB: Bool) -> Matrix<Self> {
        // op(a) is n x p and op(b) is p x m.
        let (n, p) = transposingA ? (a.columns, a.rows) : (a.rows, a.columns)
        let (bRows, m) = transposingB ? (b.columns, b.rows) : (b.rows, b.columns)
        precondition(p == bRows, "matrix product shape mismatch")
        guard p > 0 else { return .zeros(rows: n, columns: m) }
        // op(a)[i, k] = a[i * aRow + k * aInner].
        let (aRow, aInner) = transposingA ? (1, a.columns) : (a.columns, 1)
        var out: [Self] = []
        out.reserveCapacity(n * m)
        a.entries.withUnsafeBufferPointer { a in
            b.entries.withUnsafeBufferPointer { b in
                if transposingB {
                    // op(b)[k, j] = b[j, k]: row j of b is contiguous in k, so each entry is a
                    // dot product, accumulated from k = 0 upwards.
                    for i in 0..<n {
                        for j in 0..<m {
                            let brow = b.baseAddress! + j * p
                            var sum = a[i * aRow] * brow[0]
                            var k = 1
                            while k < p { sum = sum + a[i * aRow + k * aInner] * brow[k]; k &+= 1 }
                            out.append(sum)
                        }
                    }
                } else {
                    // i-k-j order: each entry still sums left to right from its first product,
                    // but the inner loop walks rows of b and out contiguously.
                    for i in 0..<n {
                        let a0 = a[i * aRow]
                        for j in 0..<m { out.append(a0 * b[j]) }
                    }
                    out.withUnsafeMutableBufferPointer { o in
                        for i in 0..<n {
                            for k in 1..<p {
                                let aik = a[i * aRow + k * aInner]
                                let orow = o.baseAddress! + i * m, brow = b.baseAddress! + k * m
                                var j = 0
                                while j < m { orow[j] = orow[j] + aik * brow[j]; j &+= 1 }
                            }
                        }
                    }
                }
            }
        }
        return Matrix(rows: n, columns: m, entries: out)
    }
}
