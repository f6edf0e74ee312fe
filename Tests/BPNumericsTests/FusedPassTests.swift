import BPNumerics
import BPTestSupport
import Testing

/// The one-pass entry-wise operations against the separate passes they replace, bit for bit.
@Suite("Fused entry-wise passes")
struct FusedPassTests {
    /// Doubles of every magnitude and sign, with zeros, subnormals, infinities and NaN among them.
    static func values(_ count: Int, _ random: inout SplitMix64) -> [Double] {
        (0..<count).map { _ in
            switch random.below(12) {
            case 0: return 0
            case 1: return -0.0
            case 2: return Double(bitPattern: random.next() & 0x000F_FFFF_FFFF_FFFF)   // subnormal or 0
            case 3: return [Double.infinity, -.infinity, .nan][random.below(3)]
            default: return Double(bitPattern: random.next())
            }
        }
    }

    static func same(_ x: [Double], _ y: [Double]) -> Bool {
        x.count == y.count && zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    @Test("pairedMap gives the two matrices two passes give, bit for bit, at odd sizes")
    func pairedMapMatchesTwoPasses() {
        var random = SplitMix64(seed: 7)
        for (rows, columns) in [(1, 1), (3, 5), (7, 13), (32, 127), (10, 128), (0, 4)] {
            let a = Matrix(rows: rows, columns: columns, entries: Self.values(rows * columns, &random))
            let p = Matrix(rows: rows, columns: columns, entries: Self.values(rows * columns, &random))
            let (derivative, delta, isFinite) = a.pairedMap(p) { x, y in
                let d = x * (1 - x)
                return (d, y * d)
            }
            let separate = a.map { $0 * (1 - $0) }
            #expect(Self.same(derivative.entries, separate.entries))
            #expect(Self.same(delta.entries, p.hadamard(separate).entries))
            #expect(isFinite == delta.entries.allSatisfy(\.isFinite))
            #expect(delta.rows == rows && delta.columns == columns)
        }
        // Exact values: the same rationals as the two passes.
        let r = Matrix(rows: 2, columns: 3, entries: [1, 2, 3, 4, 5, 6].map { Rational($0) / Rational(7) })
        let t = Matrix(rows: 2, columns: 3, entries: [0, 1, 0, 1, 0, 1].map { Rational($0) })
        let (difference, scaled, _) = r.pairedMap(t) { x, y in
            let d = x - y
            return (d, d / Rational(3))
        }
        #expect(difference == r - t)
        #expect(scaled == (r - t).map { $0 / Rational(3) })
    }

    @Test("the update and the bias sum report finiteness as a separate pass would, with the same entries")
    func checkedPassesMatch() {
        var random = SplitMix64(seed: 9)
        for (rows, columns, special) in [(1, 1, false), (3, 5, true), (7, 13, false), (32, 63, true), (10, 128, false), (5, 9, true)] {
            func matrix(_ r: Int, _ c: Int) -> Matrix<Double> {
                Matrix(rows: r, columns: c, entries: special ? Self.values(r * c, &random)
                                                             : (0..<r * c).map { _ in random.uniform(-1, 1) })
            }
            let (w, g, bias) = (matrix(rows, columns), matrix(rows, columns), matrix(rows, 1))
            let (updated, isFinite) = w.subtractingCheckingFinite(g, scaledBy: 0.1)
            let separate = w.subtracting(g, scaledBy: 0.1)
            #expect(Self.same(updated.entries, separate.entries))
            #expect(isFinite == separate.entries.allSatisfy(\.isFinite), "\(rows) x \(columns)")
            var z = w
            let zFinite = z.addToEachColumn(bias)
            #expect(Self.same(z.entries, w.addingToEachColumn(bias).entries))
            #expect(zFinite == z.entries.allSatisfy(\.isFinite), "\(rows) x \(columns)")
        }
        // One overflow among finite values is found.
        let big = Matrix(rows: 1, columns: 9, entries: Array(repeating: Double.greatestFiniteMagnitude, count: 9))
        let (_, overflowFinite) = big.subtractingCheckingFinite(big, scaledBy: -1)
        #expect(!overflowFinite)
        #expect(Double.nonFiniteBits(-0.0) == 0 && Double.nonFiniteBits(5e-324) == 0 && Double.nonFiniteBits(-.infinity) != 0)
        #expect(Rational.nonFiniteBits(Rational(3)) == 0)
    }

    @Test("dividing by a power of two is multiplying by its reciprocal, bit for bit")
    func powerOfTwoReciprocal() {
        // The output delta's fast path rests on this: 1/2^k is exact, and both sides are the
        // correctly rounded x / 2^k (subnormal results included).
        var random = SplitMix64(seed: 11)
        let xs = Self.values(20_000, &random) + [Double.leastNonzeroMagnitude, .greatestFiniteMagnitude, 3 * .leastNormalMagnitude]
        for k in [0, 1, 3, 7, 10, 20, 40, 62] {
            let n = Double(1 << k)
            let reciprocal = 1 / n
            #expect(Self.same(xs.map { $0 / n }, xs.map { $0 * reciprocal }), "2^\(k)")
        }
    }

    @Test("row sums over eight, four and single rows equal sums left to right, at odd widths")
    func rowSumsMatchLeftToRight() {
        var random = SplitMix64(seed: 5)
        for rows in [1, 2, 7, 8, 9, 12, 13, 17, 32] {
            for columns in [1, 2, 5, 128, 131] {
                // Values of many magnitudes, so another order would give other bits.
                let entries = (0..<rows * columns).map { _ in random.uniform(-1, 1) * Double(1 << random.below(40)) }
                let m = Matrix(rows: rows, columns: columns, entries: entries)
                let expected = (0..<rows).map { i in
                    var total = entries[i * columns]
                    for j in 1..<columns { total = total + entries[i * columns + j] }
                    return total
                }
                #expect(m.rowSums.entries.map(\.bitPattern) == expected.map(\.bitPattern), "\(rows) x \(columns)")
            }
        }
    }
}
