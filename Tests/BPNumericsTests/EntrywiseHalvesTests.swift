@testable import BPNumerics
import BPTestSupport
import Foundation
import Testing

/// Entry-wise passes over large `Double` matrices, which run in two halves on two threads:
/// each entry the same bits as a plain loop over the entries computes, split or not, on two
/// threads or one, and a non-finite entry found in either half.
@Suite("Entry-wise passes in two halves", .serialized)
struct EntrywiseHalvesTests {
    /// 181 x 197 = 35,657 entries: over the threshold, odd, not a multiple of 8.
    static let (rows, columns) = (181, 197)

    static func matrix(_ random: inout SplitMix64, rows: Int = rows, columns: Int = columns) -> Matrix<Double> {
        Matrix(rows: rows, columns: columns) { _, _ in random.uniform(-8, 8) }
    }

    static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    /// `body` on two threads and again with the second thread turned off (the halves in turn).
    static func bothWays<T>(_ body: () -> T) -> (T, T) {
        defer { Double.largeProductsMayUseTwoThreads = true }
        Double.largeProductsMayUseTwoThreads = true
        let split = body()
        Double.largeProductsMayUseTwoThreads = false
        return (split, body())
    }

    @Test("each index once: cut at a multiple of 8 near the middle, whole below the threshold or when not asked")
    func ranges() {
        for count in [0, 1, 7, 8, 15, 16, 17, 100, EntrywiseHalves.threshold - 1, EntrywiseHalves.threshold, 35_657] {
            for split in [false, true] {
                let lock = NSLock()
                var seen = [Int](repeating: 0, count: count)
                var pieces: [Range<Int>] = []
                let bits = EntrywiseHalves.run(count: count, split: split) { range in
                    lock.lock()
                    defer { lock.unlock() }
                    pieces.append(range)
                    for k in range { seen[k] += 1 }
                    return range.isEmpty ? 0 : UInt64(1) << UInt64(range.lowerBound == 0 ? 0 : 1)
                }
                #expect(seen.allSatisfy { $0 == 1 }, "count \(count)")
                // 16 splits at 8; 15 has no cut on a multiple of 8 below its middle.
                let expectedPieces = split && count >= 16 ? 2 : 1
                #expect(pieces.count == expectedPieces, "count \(count), split \(split)")
                #expect(bits == (count == 0 ? 0 : expectedPieces == 2 ? 3 : 1))
                if expectedPieces == 2 {
                    let cut = pieces.map(\.lowerBound).max()!
                    #expect(cut % 8 == 0 && abs(2 * cut - count) <= 16)
                }
            }
        }
        #expect(EntrywiseHalves.splits(Double.self, count: EntrywiseHalves.threshold))
        #expect(!EntrywiseHalves.splits(Double.self, count: EntrywiseHalves.threshold - 1))
        #expect(!EntrywiseHalves.splits(Rational.self, count: 1 << 20))
    }

    @Test("the update W - lr dW: a plain loop's bits, and a non-finite entry found in either half")
    func update() {
        var random = SplitMix64(seed: 11)
        let (w, d) = (Self.matrix(&random), Self.matrix(&random))
        let expected = (0..<w.entries.count).map { w.entries[$0] - 0.1 * d.entries[$0] }
        let (split, inTurn) = Self.bothWays { w.subtractingCheckingFinite(d, scaledBy: 0.1) }
        #expect(Self.bits(split.difference.entries) == Self.bits(expected) && split.isFinite)
        #expect(Self.bits(inTurn.difference.entries) == Self.bits(expected) && inTurn.isFinite)
        for k in [0, 17_000, 17_828, 17_829, w.entries.count - 1] {
            var entries = d.entries
            entries[k] = [Double.infinity, .nan][k % 2]
            let bad = Matrix(rows: Self.rows, columns: Self.columns, entries: entries)
            let (split, inTurn) = Self.bothWays { w.subtractingCheckingFinite(bad, scaledBy: 0.1) }
            #expect(!split.isFinite && !inTurn.isFinite, "entry \(k)")
            #expect(!split.difference.entries[k].isFinite && split.difference.entries[k + 1 < w.entries.count ? k + 1 : 0].isFinite)
        }
    }

    @Test("the bias added to each column: a plain loop's bits; overflow found in the last row")
    func bias() {
        var random = SplitMix64(seed: 12)
        let z = Self.matrix(&random)
        let b = Self.matrix(&random, columns: 1)
        var expected = z.entries
        for i in 0..<Self.rows { for j in 0..<Self.columns { expected[i * Self.columns + j] += b.entries[i] } }
        let (split, inTurn) = Self.bothWays { () -> (Matrix<Double>, Bool) in
            var sum = z
            let finite = sum.addToEachColumn(b)
            return (sum, finite)
        }
        #expect(Self.bits(split.0.entries) == Self.bits(expected) && split.1)
        #expect(Self.bits(inTurn.0.entries) == Self.bits(expected) && inTurn.1)
        var (bias, entries) = (b.entries, z.entries)
        bias[Self.rows - 1] = .greatestFiniteMagnitude
        entries[entries.count - 1] = .greatestFiniteMagnitude  // + itself overflows
        let huge = Matrix(rows: Self.rows, columns: 1, entries: bias)
        let big = Matrix(rows: Self.rows, columns: Self.columns, entries: entries)
        let (overflowed, _) = Self.bothWays { () -> Bool in
            var sum = big
            return sum.addToEachColumn(huge)
        }
        #expect(!overflowed)
    }

    @Test("sigmoids: 1 / (1 + e^-z) entry by entry through the scalar exponential")
    func sigmoids() {
        var random = SplitMix64(seed: 13)
        var z = Self.matrix(&random).entries
        z[0] = 800  // e^-800 underflows to 0: exactly 1
        z[z.count - 1] = -800  // e^800 overflows: exactly 0
        let expected = z.map { 1 / (1 + Double.exp(-$0)!) }
        #expect(expected[0] == 1 && expected[z.count - 1] == 0)
        let (split, inTurn) = Self.bothWays { Double.sigmoids(of: z)! }
        #expect(Self.bits(split) == Self.bits(expected))
        #expect(Self.bits(inTurn) == Self.bits(expected))
    }

    @Test("allFinite and pairedMap: a NaN in either half found; the pair a plain loop's bits")
    func finiteAndPaired() {
        var random = SplitMix64(seed: 14)
        let a = Self.matrix(&random), p = Self.matrix(&random)
        let (split, inTurn) = Self.bothWays { a.pairedMap(p) { x, y in let d = x * (1 - x); return (d, y * d) } }
        let derivative = a.entries.map { $0 * (1 - $0) }
        let delta = (0..<derivative.count).map { p.entries[$0] * derivative[$0] }
        for result in [split, inTurn] {
            #expect(Self.bits(result.first.entries) == Self.bits(derivative))
            #expect(Self.bits(result.second.entries) == Self.bits(delta) && result.secondIsFinite)
        }
        #expect(a.entries.withUnsafeBufferPointer { Double.allFinite($0) })
        for k in [3, 17_828, 35_000] {
            var bad = a.entries
            bad[k] = .nan
            let (split, inTurn) = Self.bothWays { bad.withUnsafeBufferPointer { Double.allFinite($0) } }
            #expect(!split && !inTurn, "entry \(k)")
        }
    }
}
