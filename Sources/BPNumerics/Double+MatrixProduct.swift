extension Double {
    /// Products of at least this many multiply-adds (n·p·m for an n x p times p x m product)
    /// go to OpenBLAS; smaller ones take ``Scalar/leftToRightProduct(_:transposingA:_:transposingB:)``.
    ///
    /// Around 8 x 8 x 8 a call into BLAS starts to cost less than the loop (`bpbench
    /// product-threshold`: 0.36 µs against 0.15 µs at 512, about equal at 64). Every network in
    /// `reports/` stays far under it (27 at most), so the float numbers of the committed reports
    /// are summed left to right as before, bit for bit.
    public static let blasThreshold = 512

    /// Whether OpenBLAS is installed and loaded (this loads it; see ``blasProduct(_:transposingA:_:transposingB:)``).
    /// Without it every product takes the left-to-right loop.
    public static var isBLASAvailable: Bool { OpenBLAS.isAvailable }

    /// Whether a large product may run its two halves on two threads (true by default). Their
    /// bits are the same either way; a program that already runs several engines side by side
    /// on all its cores can turn this off to keep from oversubscribing them.
    public static var largeProductsMayUseTwoThreads: Bool {
        get { SecondThread.isEnabled }
        set { SecondThread.isEnabled = newValue }
    }

    /// OpenBLAS's thread count inside bpreport (`BPREPORT_BLAS_THREADS`, one by default), or nil
    /// without OpenBLAS.
    public static var blasThreads: Int? { OpenBLAS.threads }

    /// op(a) · op(b): OpenBLAS's `dgemm` from ``blasThreshold`` multiply-adds up, the
    /// left-to-right loop below.
    ///
    /// BLAS sums in blocks, in an order that depends on its kernel for this CPU: a large product
    /// agrees with the left-to-right one to rounding (about 1e-15 relative), not bit for bit,
    /// and may differ in its last bits on another CPU. On one machine it is the same every run
    /// (OpenBLAS runs one thread, see ``blasProduct(_:transposingA:_:transposingB:)``).
    public static func product(_ a: Matrix<Double>, transposingA: Bool, _ b: Matrix<Double>,
                               transposingB: Bool) -> Matrix<Double> {
        let (n, p) = transposingA ? (a.columns, a.rows) : (a.rows, a.columns)
        let m = transposingB ? b.rows : b.columns
        // In doubles, so that no shape can overflow the count.
        if Double(n) * Double(p) * Double(m) >= Double(blasThreshold) {
            return blasProduct(a, transposingA: transposingA, b, transposingB: transposingB)
        }
        return leftToRightProduct(a, transposingA: transposingA, b, transposingB: transposingB)
    }

    /// op(a) · op(b) through OpenBLAS's `dgemm` whatever the size (the left-to-right loop only
    /// for an empty shape, one beyond BLAS's 32-bit sizes, or when OpenBLAS is not installed).
    ///
    /// OpenBLAS runs one thread unless `BPREPORT_BLAS_THREADS` says otherwise, so that a float
    /// trace is reproducible bit for bit run after run. A product of at least 2^23
    /// multiply-adds is two calls on two halves of its output, cut by its shape alone, side by
    /// side on two threads when a core is free (see ``largeProductsMayUseTwoThreads``): the
    /// same bits on one core or many.
    public static func blasProduct(_ a: Matrix<Double>, transposingA: Bool, _ b: Matrix<Double>,
                                   transposingB: Bool) -> Matrix<Double> {
        let (n, p) = transposingA ? (a.columns, a.rows) : (a.rows, a.columns)
        let (bRows, m) = transposingB ? (b.columns, b.rows) : (b.rows, b.columns)
        precondition(p == bRows, "matrix product shape mismatch")
        let limit = Int(Int32.max)
        guard OpenBLAS.isAvailable, n > 0, m > 0, p > 0, a.entries.count <= limit, b.entries.count <= limit, n * m <= limit else {
            return leftToRightProduct(a, transposingA: transposingA, b, transposingB: transposingB)
        }
        // Row-major storage: each operand's leading dimension is its row length as stored.
        let (lda, ldb) = (a.columns, b.columns)
        let entries = [Double](unsafeUninitializedCapacity: n * m) { out, count in
            a.entries.withUnsafeBufferPointer { a in
                b.entries.withUnsafeBufferPointer { b in
                    ProductHalves.multiply(n: n, m: m, p: p,
                                           a.baseAddress!, lda: lda, transposingA: transposingA,
                                           b.baseAddress!, ldb: ldb, transposingB: transposingB,
                                           into: out.baseAddress!)
                }
            }
            count = n * m
        }
        return Matrix(rows: n, columns: m, entries: entries)
    }
}
