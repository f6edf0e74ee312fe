import FoundationEssentials

/// A large `Double` product computed as two `dgemm` calls on two blocks of its output (the top
/// and bottom rows, or the left and right columns), side by side on two threads when a second
/// core is free, one after the other otherwise.
///
/// bpreport runs OpenBLAS on one thread so that a trace does not depend on the core count. Two
/// single-threaded calls on disjoint blocks of C keep that, but they are not bit for bit the
/// one-call product: OpenBLAS sums an entry near a block's edge in another order than one
/// inside it (measured: about half of random shapes differ in a few entries near the edges).
/// So the cut is a function of the shape alone, never of the cores: the same two calls, the
/// same bits, whether they run together or in turn, on one core or many.
enum ProductHalves {
    /// Products of at least this many multiply-adds (2^23, about 200^3) are cut in two. Below
    /// it the second thread hardly pays for its handoff, and the halves one after the other
    /// (when no core is free) cost up to 15% more than one call (`bpbench product-split`).
    static let threshold = 1 << 23

    /// The cut falls on a multiple of this many rows or columns, so each block keeps whole
    /// kernel tiles (OpenBLAS's double kernels work 2 to 24 rows or columns at a time).
    static let alignment = 32

    /// Where an n x m output of a product with inner dimension p is cut: along its rows (the
    /// first `at` rows, then the rest) or its columns, the longer of the two; nil when it is
    /// not cut (too small, or too narrow for two blocks of whole tiles).
    static func cut(n: Int, m: Int, p: Int) -> (rows: Bool, at: Int)? {
        guard Double(n) * Double(m) * Double(p) >= Double(threshold) else { return nil }
        let rows = n >= m
        let length = rows ? n : m
        let at = (length / 2) / alignment * alignment
        guard at >= alignment, length - at >= alignment else { return nil }
        return (rows, at)
    }

    /// C = op(A) · op(B), n x m with inner dimension p, into `c` (row length m), in the two
    /// calls ``cut(n:m:p:)`` gives, or one call when it gives none.
    static func multiply(n: Int, m: Int, p: Int,
                         _ a: UnsafePointer<Double>, lda: Int, transposingA: Bool,
                         _ b: UnsafePointer<Double>, ldb: Int, transposingB: Bool,
                         into c: UnsafeMutablePointer<Double>) {
        guard let (rows, at) = cut(n: n, m: m, p: p) else {
            OpenBLAS.multiply(n: n, m: m, p: p, a, lda: lda, transposingA: transposingA,
                              b, ldb: ldb, transposingB: transposingB, into: c)
            return
        }
        let whole = BLASBlock(n: n, m: m, p: p, a: a, lda: lda, transposingA: transposingA,
                              b: b, ldb: ldb, transposingB: transposingB, c: c, ldc: m)
        let (first, second) = rows ? whole.splittingRows(at: at) : whole.splittingColumns(at: at)
        SecondThread.run(first.run, second.run)
    }
}
