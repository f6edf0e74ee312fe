import COpenBLAS
import Foundation

/// Debian's OpenBLAS (`COpenBLAS`; this is the only file that imports it): `dgemm` for the
/// products of `Double` matrices too large for the plain loop.
enum OpenBLAS {
    /// The environment variable that sets OpenBLAS's thread count inside bpreport.
    static let threadsVariable = "BPREPORT_BLAS_THREADS"

    /// One thread unless `BPREPORT_BLAS_THREADS` asks for more, set once before the first call.
    ///
    /// One thread, because a float trace must come out the same bit for bit run after run
    /// (a threaded product splits its work by how many threads are free, which need not keep
    /// the summation order across thread counts), and because the machines this runs on have
    /// few cores and run several renders (`--jobs`) at once: threads inside each product would
    /// only contend with them.
    static let threads: Int = {
        let requested = ProcessInfo.processInfo.environment[threadsVariable].flatMap { Int($0) }
        let count = max(1, min(requested ?? 1, 64))
        openblas_set_num_threads(Int32(count))
        return count
    }()

    /// C = op(A) · op(B) for row-major A and B; C is n x m and the inner dimension is p.
    /// `lda` and `ldb` are the row lengths of A and B as stored.
    static func multiply(n: Int, m: Int, p: Int,
                         _ a: UnsafePointer<Double>, lda: Int, transposingA: Bool,
                         _ b: UnsafePointer<Double>, ldb: Int, transposingB: Bool,
                         into c: UnsafeMutablePointer<Double>) {
        _ = threads
        cblas_dgemm(CblasRowMajor, transposingA ? CblasTrans : CblasNoTrans, transposingB ? CblasTrans : CblasNoTrans,
                    blasint(n), blasint(m), blasint(p), 1, a, blasint(lda), b, blasint(ldb), 0, c, blasint(m))
    }
}
