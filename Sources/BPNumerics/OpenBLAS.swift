import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Debian's OpenBLAS, loaded with `dlopen` on the first product large enough to need it:
/// `dgemm` for the products of `Double` matrices too large for the plain loop.
///
/// Loaded at run time rather than linked, because linking it costs every process about 3.5 ms
/// at start-up (OpenBLAS detects the CPU and starts its thread pool when it is loaded), more
/// than the rest of bpreport's start-up, and nearly every run (exact arithmetic, the small
/// networks of a lecture) never makes a product large enough to use it. Without the library
/// (`libopenblas0` not installed) the products take the left-to-right loop: slower on large
/// networks, the same to rounding.
enum OpenBLAS {
    /// The environment variable that sets OpenBLAS's thread count inside bpreport.
    static let threadsVariable = "BPREPORT_BLAS_THREADS"

    /// The shared objects tried in turn: Debian's alternatives link for OpenBLAS (from
    /// `libopenblas0-pthread`, `-openmp` or `-serial`), then the development link.
    static let libraryNames = ["libopenblas.so.0", "libopenblas.so"]

    /// `cblas_dgemm` with OpenBLAS's 32-bit integers (the LP64 build that Debian installs as
    /// `libopenblas.so.0`): order, transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc.
    private typealias DGEMM = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Double,
                                              UnsafePointer<Double>?, Int32, UnsafePointer<Double>?, Int32,
                                              Double, UnsafeMutablePointer<Double>?, Int32) -> Void
    private typealias SetThreads = @convention(c) (Int32) -> Void

    // CBLAS's enumerations, fixed by the CBLAS standard.
    private static let rowMajor: Int32 = 101
    private static let noTranspose: Int32 = 111
    private static let transpose: Int32 = 112

    /// The library, loaded once (Swift's lazy globals are thread-safe), with its thread count set
    /// before the first call: one unless `BPREPORT_BLAS_THREADS` asks for more.
    ///
    /// One thread, because a float trace must come out the same bit for bit run after run (a
    /// threaded product splits its work by how many threads are free, which need not keep the
    /// summation order across thread counts), and because the machines this runs on have few
    /// cores and run several renders (`--jobs`) at once: threads inside each product would only
    /// contend with them.
    private static let loaded: (dgemm: DGEMM, threads: Int)? = {
        let requested = ProcessInfo.processInfo.environment[threadsVariable].flatMap { Int($0) }
        let count = max(1, min(requested ?? 1, 64))
        // OpenBLAS starts its thread pool when it is loaded, one thread a core, and an idle
        // thread spins on sched_yield: a quarter of a core taken from every other job even after
        // openblas_set_num_threads(1). Its environment variable, read at load, starts only what
        // is asked for.
        setenv("OPENBLAS_NUM_THREADS", String(count), 1)
        guard let handle = libraryNames.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first,
              let dgemm = dlsym(handle, "cblas_dgemm") else { return nil }
        if let setThreads = dlsym(handle, "openblas_set_num_threads") {
            unsafeBitCast(setThreads, to: SetThreads.self)(Int32(count))
        }
        return (unsafeBitCast(dgemm, to: DGEMM.self), count)
    }()

    /// Whether OpenBLAS could be loaded (this loads it on the first call).
    static var isAvailable: Bool { loaded != nil }

    /// OpenBLAS's thread count inside bpreport, or nil without the library.
    static var threads: Int? { loaded?.threads }

    /// C = op(A) · op(B) for row-major A and B; C is n x m and the inner dimension is p.
    /// `lda`, `ldb` and `ldc` are the row lengths of A, B and C as stored (`ldc` is m unless C
    /// is a block of a wider matrix). Only called when ``isAvailable``.
    static func multiply(n: Int, m: Int, p: Int,
                         _ a: UnsafePointer<Double>, lda: Int, transposingA: Bool,
                         _ b: UnsafePointer<Double>, ldb: Int, transposingB: Bool,
                         into c: UnsafeMutablePointer<Double>, ldc: Int? = nil) {
        guard let dgemm = loaded?.dgemm else { preconditionFailure("OpenBLAS is not loaded") }
        dgemm(rowMajor, transposingA ? transpose : noTranspose, transposingB ? transpose : noTranspose,
              Int32(n), Int32(m), Int32(p), 1, a, Int32(lda), b, Int32(ldb), 0, c, Int32(ldc ?? m))
    }
}
