/// One `dgemm` call on a block of C: its shape, operands and output as pointers, so that the
/// call can be handed to another thread (which runs it while the caller waits for it).
struct BLASBlock: @unchecked Sendable {
    let n: Int, m: Int, p: Int
    let a: UnsafePointer<Double>, lda: Int, transposingA: Bool
    let b: UnsafePointer<Double>, ldb: Int, transposingB: Bool
    let c: UnsafeMutablePointer<Double>, ldc: Int

    /// C's first `at` rows and the rest: op(A)'s rows from `at` start `at` columns in when A is
    /// stored transposed, `at` rows in otherwise.
    func splittingRows(at: Int) -> (BLASBlock, BLASBlock) {
        (BLASBlock(n: at, m: m, p: p, a: a, lda: lda, transposingA: transposingA,
                   b: b, ldb: ldb, transposingB: transposingB, c: c, ldc: ldc),
         BLASBlock(n: n - at, m: m, p: p, a: a + (transposingA ? at : at * lda), lda: lda, transposingA: transposingA,
                   b: b, ldb: ldb, transposingB: transposingB, c: c + at * ldc, ldc: ldc))
    }

    /// C's first `at` columns and the rest: op(B)'s columns from `at` start `at` rows in when B
    /// is stored transposed, `at` columns in otherwise.
    func splittingColumns(at: Int) -> (BLASBlock, BLASBlock) {
        (BLASBlock(n: n, m: at, p: p, a: a, lda: lda, transposingA: transposingA,
                   b: b, ldb: ldb, transposingB: transposingB, c: c, ldc: ldc),
         BLASBlock(n: n, m: m - at, p: p, a: a, lda: lda, transposingA: transposingA,
                   b: b + (transposingB ? at * ldb : at), ldb: ldb, transposingB: transposingB, c: c + at, ldc: ldc))
    }

    /// The call.
    func run() {
        OpenBLAS.multiply(n: n, m: m, p: p, a, lda: lda, transposingA: transposingA,
                          b, ldb: ldb, transposingB: transposingB, into: c, ldc: ldc)
    }
}
