@testable import BPNumerics
import Dispatch
import Foundation
import BPTestSupport
import Testing

/// Large products, which OpenBLAS computes as two calls on two halves of the output (rows or
/// columns, cut by the shape): right to 1e-12 against the left-to-right loop whatever the shape
/// and transposes, and the same bits whether the halves run on two threads or one, or from
/// several threads at once.
@Suite("Large products in two halves", .serialized)
struct ProductHalvesTests {
    static let combinations = [(false, false), (true, false), (false, true), (true, true)]

    /// (n, p, m), each of at least 2^23 multiply-adds: odd sizes, one side barely long enough
    /// to cut, tall and wide outputs, and one too narrow to cut (33 x 33).
    static let shapes: [(Int, Int, Int)] = [
        (257, 131, 255), (64, 2_049, 65), (63, 2_100, 65), (65, 2_100, 63), (197, 211, 203), (301, 140, 201),
        (201, 140, 301), (40, 1_500, 141), (1_000, 190, 45), (33, 8_000, 33),
    ]

    @Test("the cut: the longer side, on a multiple of 32, both blocks at least 32 long")
    func cut() {
        #expect(ProductHalves.cut(n: 256, m: 256, p: 784)! == (true, 128))
        #expect(ProductHalves.cut(n: 256, m: 784, p: 256)! == (false, 384))
        #expect(ProductHalves.cut(n: 257, m: 255, p: 131)! == (true, 128))
        #expect(ProductHalves.cut(n: 63, m: 65, p: 2_100)! == (false, 32))
        #expect(ProductHalves.cut(n: 33, m: 33, p: 8_000) == nil)
        #expect(ProductHalves.cut(n: 255, m: 255, p: 128) == nil)  // under 2^23 multiply-adds
        #expect(ProductHalves.cut(n: 32, m: 128, p: 64) == nil)  // the medium benchmark's
        var random = SplitMix64(seed: 3)
        for _ in 0..<1_000 {
            let (n, m, p) = (random.int(1, 3_000), random.int(1, 3_000), random.int(1, 3_000))
            guard let (rows, at) = ProductHalves.cut(n: n, m: m, p: p) else { continue }
            let length = rows ? n : m
            #expect(n * m * p >= ProductHalves.threshold && length >= (rows ? m : n))
            #expect(at % 32 == 0 && at >= 32 && length - at >= 32 && abs(2 * at - length) <= 64)
        }
    }

    func matrix(rows: Int, columns: Int, _ random: inout SplitMix64) -> Matrix<Double> {
        Matrix(rows: rows, columns: columns) { _, _ in random.uniform(-1, 1) }
    }

    func operands(_ n: Int, _ p: Int, _ m: Int, _ ta: Bool, _ tb: Bool,
                  _ random: inout SplitMix64) -> (Matrix<Double>, Matrix<Double>) {
        (matrix(rows: ta ? p : n, columns: ta ? n : p, &random), matrix(rows: tb ? m : p, columns: tb ? p : m, &random))
    }

    func bits(_ m: Matrix<Double>) -> [UInt64] { m.entries.map(\.bitPattern) }

    @Test("two halves = the left-to-right loop to 1e-12 of the terms' size", arguments: combinations)
    func agreement(ta: Bool, tb: Bool) {
        var random = SplitMix64(seed: 71)
        // Every other shape for each combination (the loop is slow in a debug build), so that
        // between them the four combinations see every shape twice.
        let offset = (ta ? 1 : 0) + (tb ? 1 : 0)
        for (k, (n, p, m)) in Self.shapes.enumerated() where k % 2 == offset % 2 {
            #expect(n * p * m >= 1 << 21)
            let (a, b) = operands(n, p, m, ta, tb, &random)
            let blas = Double.product(a, transposingA: ta, b, transposingB: tb)
            #expect(blas.rows == n && blas.columns == m)
            let worst = worstRelativeError(of: blas, a, transposingA: ta, b, transposingB: tb)
            #expect(worst <= 1e-12, "\(n)x\(p)x\(m), ta \(ta), tb \(tb): \(worst)")
        }
    }

    @Test("the same bits on two threads, on one, and from four threads at once", arguments: combinations)
    func sameBits(ta: Bool, tb: Bool) {
        var random = SplitMix64(seed: 1_009 + (ta ? 2 : 0) + (tb ? 1 : 0))
        var cases = Self.shapes + [(256, 784, 256), (256, 256, 784)]  // the large benchmark's
        for _ in 0..<12 { cases.append((random.int(100, 500), random.int(100, 700), random.int(100, 500))) }
        let inputs = cases.map { operands($0.0, $0.1, $0.2, ta, tb, &random) }
        defer { Double.largeProductsMayUseTwoThreads = true }
        Double.largeProductsMayUseTwoThreads = false
        let oneThread = inputs.map { bits(Double.product($0.0, transposingA: ta, $0.1, transposingB: tb)) }
        Double.largeProductsMayUseTwoThreads = true
        let twoThreads = inputs.map { bits(Double.product($0.0, transposingA: ta, $0.1, transposingB: tb)) }
        for (k, shape) in cases.enumerated() {
            #expect(oneThread[k] == twoThreads[k], "\(shape), ta \(ta), tb \(tb)")
        }
        // Four callers at once: at most one has a second thread, the others run in turn; the
        // bits cannot tell which.
        let results = Results(count: 4 * inputs.count)
        DispatchQueue.concurrentPerform(iterations: 4) { caller in
            for (k, (a, b)) in inputs.enumerated() {
                results.set(caller * inputs.count + k, bits(Double.product(a, transposingA: ta, b, transposingB: tb)))
            }
        }
        for caller in 0..<4 {
            for k in inputs.indices {
                #expect(results.get(caller * inputs.count + k) == oneThread[k], "caller \(caller), \(cases[k])")
            }
        }
    }

    /// Filled from several threads, one slot each.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [[UInt64]]
        init(count: Int) { slots = Array(repeating: [], count: count) }
        func set(_ index: Int, _ value: [UInt64]) { lock.lock(); slots[index] = value; lock.unlock() }
        func get(_ index: Int) -> [UInt64] { lock.lock(); defer { lock.unlock() }; return slots[index] }
    }
}
