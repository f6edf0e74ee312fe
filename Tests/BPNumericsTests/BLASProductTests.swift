import BPNumerics
import Foundation
import BPTestSupport
import Testing

/// `Double`'s OpenBLAS product against the generic left-to-right one: equal to 1e-12 relative,
/// in every transpose combination, for thin shapes and around ``Double/blasThreshold``.
@Suite("OpenBLAS product")
struct BLASProductTests {
    static let combinations = [(false, false), (true, false), (false, true), (true, true)]

    /// (n, p, m) for op(a) n x p times op(b) p x m: vectors both ways, and products just
    /// below, at and just above the threshold (512 multiply-adds), and larger ones.
    static let shapes: [(Int, Int, Int)] = [
        (1, 1, 1), (1, 7, 1), (1, 9, 13), (13, 9, 1), (9, 1, 13), (1, 300, 40), (40, 300, 1),
        (1, 511, 1), (1, 512, 1), (1, 513, 1), (512, 1, 1), (1, 1, 512), (511, 1, 1), (1, 1, 513),
        (8, 8, 7), (8, 8, 8), (8, 8, 9), (7, 8, 8), (9, 8, 8), (8, 9, 8), (4, 4, 31), (4, 4, 32), (4, 4, 33),
        (1, 8_192, 1), (16, 16, 32),
        (64, 128, 32), (10, 32, 128), (37, 53, 29),
    ]

    /// Random entries in [-1, 1], so products cancel and the order of summation shows.
    func matrix(rows: Int, columns: Int, _ random: inout SplitMix64) -> Matrix<Double> {
        Matrix(rows: rows, columns: columns) { _, _ in random.uniform(-1, 1) }
    }

    /// |blas - loop| ≤ 1e-12 · Σ_k |op(a)[i,k] op(b)[k,j]| for every entry: relative to the
    /// size of the terms, the bound any order of summation keeps (a cancelling sum can be
    /// near zero, where a relative error of the entry itself means nothing).
    func expectAgreement(_ a: Matrix<Double>, _ ta: Bool, _ b: Matrix<Double>, _ tb: Bool) {
        let blas = Double.blasProduct(a, transposingA: ta, b, transposingB: tb)
        let loop = Double.leftToRightProduct(a, transposingA: ta, b, transposingB: tb)
        #expect(blas.rows == loop.rows && blas.columns == loop.columns)
        let worst = worstRelativeError(of: blas, a, transposingA: ta, b, transposingB: tb)
        #expect(worst <= 1e-12, "\(loop.rows)x\(loop.columns), ta \(ta), tb \(tb): \(worst)")
    }

    @Test("BLAS = left to right to 1e-12, all four transpose combinations", arguments: combinations)
    func agreement(ta: Bool, tb: Bool) {
        var random = SplitMix64(seed: 2_024)
        for (n, p, m) in Self.shapes {
            let a = matrix(rows: ta ? p : n, columns: ta ? n : p, &random)
            let b = matrix(rows: tb ? m : p, columns: tb ? p : m, &random)
            expectAgreement(a, ta, b, tb)
        }
        for _ in 0..<20 {
            let (n, p, m) = (random.int(1, 70), random.int(1, 70), random.int(1, 70))
            let a = matrix(rows: ta ? p : n, columns: ta ? n : p, &random)
            let b = matrix(rows: tb ? m : p, columns: tb ? p : m, &random)
            expectAgreement(a, ta, b, tb)
        }
    }

    @Test("the hook: the loop bit for bit below the threshold, BLAS from it up", arguments: combinations)
    func threshold(ta: Bool, tb: Bool) {
        var random = SplitMix64(seed: 99)
        for (n, p, m) in Self.shapes {
            let a = matrix(rows: ta ? p : n, columns: ta ? n : p, &random)
            let b = matrix(rows: tb ? m : p, columns: tb ? p : m, &random)
            let expected = n * p * m >= Double.blasThreshold
                ? Double.blasProduct(a, transposingA: ta, b, transposingB: tb)
                : Double.leftToRightProduct(a, transposingA: ta, b, transposingB: tb)
            let product = Double.product(a, transposingA: ta, b, transposingB: tb)
            #expect(product.entries.map(\.bitPattern) == expected.entries.map(\.bitPattern), "\(n)x\(p)x\(m)")
        }
    }

    /// OpenBLAS is loaded at run time, so a machine without it would quietly compare the loop
    /// with itself above. CI installs it and must find it; wherever it is found, a large
    /// product of cancelling terms sums in BLAS's blocked order, not the loop's.
    @Test("OpenBLAS is loaded where it is installed, and blasProduct really is BLAS")
    func loaded() {
        if CI.isSet { #expect(Double.isBLASAvailable, "CI installs libopenblas0, but it was not found") }
        guard Double.isBLASAvailable else { return }
        if ProcessInfo.processInfo.environment["BPREPORT_BLAS_THREADS"] == nil { #expect(Double.blasThreads == 1) }
        var random = SplitMix64(seed: 17)
        let a = matrix(rows: 64, columns: 300, &random), b = matrix(rows: 300, columns: 64, &random)
        let blas = Double.blasProduct(a, transposingA: false, b, transposingB: false)
        let loop = Double.leftToRightProduct(a, transposingA: false, b, transposingB: false)
        #expect(blas.entries.map(\.bitPattern) != loop.entries.map(\.bitPattern))
    }

    @Test("the same product twice is the same bit for bit")
    func reproducible() {
        var random = SplitMix64(seed: 5)
        let a = matrix(rows: 200, columns: 300, &random), b = matrix(rows: 300, columns: 150, &random)
        let first = Double.blasProduct(a, transposingA: false, b, transposingB: false)
        let second = Double.blasProduct(a, transposingA: false, b, transposingB: false)
        #expect(first.entries.map(\.bitPattern) == second.entries.map(\.bitPattern))
    }

    @Test("empty shapes: zeros, or no entries")
    func empty() {
        let a = Matrix<Double>(rows: 3, columns: 0, entries: [])
        let b = Matrix<Double>(rows: 0, columns: 4, entries: [])
        #expect(Double.blasProduct(a, transposingA: false, b, transposingB: false) == .zeros(rows: 3, columns: 4))
        let c = Matrix<Double>(rows: 0, columns: 5, entries: [])
        let d = Matrix(rows: 5, columns: 2, entries: Array(repeating: 1.0, count: 10))
        #expect(Double.blasProduct(c, transposingA: false, d, transposingB: false).entries.isEmpty)
    }
}
