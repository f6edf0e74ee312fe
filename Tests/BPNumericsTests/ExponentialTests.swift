@testable import BPNumerics
import BPTestSupport
import Foundation
import Testing

/// `Double`'s own e^x (glibc's algorithm, eight lanes at a time) against libm's `exp`, against
/// the exact value (Float80 `expl`), at the ends of the range, and in bulk against one at a time.
@Suite("Double's exponential")
struct ExponentialTests {
    /// How many units in the last place `x` is from `reference` (the ulp of a subnormal being
    /// the smallest subnormal); 0 when both are the same infinity, +∞ when only one is.
    static func ulps(_ x: Double, from reference: Double) -> Double {
        if x == reference { return 0 }
        if !x.isFinite || !reference.isFinite { return .infinity }
        return abs(x - reference) / max(reference.ulp, .leastNonzeroMagnitude)
    }

    static func exp(_ x: Double) -> Double { Double.exp(x)! }

    /// Arguments over the whole range and where results are subnormal or near overflow, from a
    /// fixed seed, plus every power of two of either sign (subnormal ones included) up to 2^9.
    static let arguments: [Double] = {
        var random = SplitMix64(seed: 20_261_129)
        var xs: [Double] = []
        for (low, high, count) in [(-750.0, 712.0, 60_000), (-40.0, 40.0, 60_000), (-1.0, 1.0, 20_000),
                                   (-1e-6, 1e-6, 5_000), (-746.0, -700.0, 20_000), (700.0, 710.0, 10_000)] {
            for _ in 0..<count { xs.append(random.uniform(low, high)) }
        }
        for e in -1074...9 {
            let x = Double(sign: .plus, exponent: e, significand: 1)
            xs += [x, -x]
        }
        return xs
    }()

    @Test("within 1 ulp of libm's exp over the whole range, and mostly equal")
    func agreesWithLibm() {
        var worst = 0.0, worstAt = 0.0, differing = 0
        for x in Self.arguments {
            let d = Self.ulps(Self.exp(x), from: Foundation.exp(x))
            if d > worst { (worst, worstAt) = (d, x) }
            if d > 0 { differing += 1 }
        }
        #expect(worst <= 1, "\(worst) ulp at \(worstAt)")
        // The same algorithm as glibc's, whose build fuses some multiply-adds: about 1 result in
        // 1,700 differs (by one ulp).
        #expect(differing * 200 < Self.arguments.count, "\(differing) of \(Self.arguments.count) differ")
    }

    #if arch(x86_64) || arch(i386)
    @Test("within 0.52 ulp of the exact value (Float80's expl)")
    func agreesWithExactValue() {
        var worst = 0.0, worstAt = 0.0
        for x in Self.arguments {
            let exact = Foundation.exp(Float80(x))
            let y = Self.exp(x)
            let d: Double
            if exact > Float80(Double.greatestFiniteMagnitude) {
                // The rounded value is +∞ once the exact one passes the largest double by half an ulp.
                d = y.isInfinite || exact < Float80(Double.greatestFiniteMagnitude) + Float80(Double.greatestFiniteMagnitude.ulp) / 2 ? 0 : .infinity
            } else {
                let ulp = Float80(max(Double(exact).ulp, .leastNonzeroMagnitude))
                d = Double(abs(Float80(y) - exact) / ulp)
            }
            if d > worst { (worst, worstAt) = (d, x) }
        }
        #expect(worst < 0.52, "\(worst) ulp at \(worstAt)")
    }
    #endif

    #if arch(x86_64) || arch(i386)
    @Test("the table: H = 2^(j/128) rounded to nearest, and H (1 + T) = 2^(j/128) to Float80's precision")
    func table() {
        #expect(Exponential.table.count == 256)
        for j in 0..<128 {
            let h = Double(bitPattern: Exponential.table[2 * j + 1] &+ (UInt64(j) << 45))
            let t = Double(bitPattern: Exponential.table[2 * j])
            let exact = Foundation.exp2(Float80(j) / 128)
            #expect(abs(Float80(h) - exact) <= Float80(h.ulp) / 2, "H[\(j)]")
            #expect(abs(Float80(h) * (1 + Float80(t)) - exact) <= 0x1p-61 * exact, "T[\(j)]")
        }
    }
    #endif

    @Test("worked values: e, 1/e and others to within an ulp; 1 + x for tiny x")
    func workedValues() {
        // e = 2.718281828459045235...: the nearest double is 0x1.5bf0a8b145769p1.
        #expect(Self.ulps(Self.exp(1), from: 0x1.5bf0a8b145769p1) <= 1)
        // The nearest doubles to e^x (Python's math.exp).
        for (x, value) in [(-1, 0.36787944117144233), (0.5, 1.6487212707001282), (10, 22026.465794806718),
                           (-10, 4.5399929762484854e-05), (100, 2.6881171418161356e+43), (-100, 3.720075976020836e-44),
                           (700, 1.0142320547350045e+304), (-700, 9.85967654375977e-305), (1e-10, 1.0000000001)] as [(Double, Double)] {
            #expect(Self.ulps(Self.exp(x), from: value) <= 1, "e^\(x)")
        }
        // e^x = 1 + x + x²/2 + ...: for |x| < 2^-54 that rounds to 1.
        #expect(Self.exp(0x1p-60) == 1 && Self.exp(-0x1p-60) == 1)
        #expect(Self.exp(0x1p-30) == 1 + 0x1p-30)
    }

    @Test("the ends: 0, ±∞, NaN, overflow, the subnormals and underflow to 0")
    func specialValues() {
        #expect(Self.exp(0) == 1 && Self.exp(-0.0) == 1)
        #expect(Self.exp(.leastNonzeroMagnitude) == 1)
        #expect(Self.exp(.infinity) == .infinity)
        #expect(Self.exp(-.infinity) == 0)
        #expect(Self.exp(.nan).isNaN && Self.exp(-.nan).isNaN)
        #expect(Self.exp(.greatestFiniteMagnitude) == .infinity)
        #expect(Self.exp(-.greatestFiniteMagnitude) == 0)
        // ln(largest double) = 709.782712893384: below it finite, above it +∞.
        #expect(Self.exp(709.782712893384) == Foundation.exp(709.782712893384))
        #expect(Self.exp(709.782712893384).isFinite)
        #expect(Self.exp(709.7827128933841) == .infinity && Self.exp(710) == .infinity && Self.exp(1e300) == .infinity)
        // The smallest subnormal, 2^-1074, is e^-744.44; e^x rounds to it down to x = -745.1332191019411
        // and to 0 below.
        #expect(Self.exp(-745.1332191019411) == .leastNonzeroMagnitude)
        #expect(Self.exp(-745.1332191019412) == 0)
        #expect(Self.exp(-746) == 0 && Self.exp(-1e300) == 0)
        // Subnormal results, to within one (subnormal) ulp of libm.
        for x in stride(from: -745.0, through: -708.5, by: 0.37) {
            let y = Self.exp(x)
            #expect(y > 0 && y < .leastNormalMagnitude, "\(x)")
            #expect(Self.ulps(y, from: Foundation.exp(x)) <= 1, "\(x): \(y) vs \(Foundation.exp(x))")
        }
    }

    @Test("the whole array at once is the same bits as one value at a time, for every tail length")
    func bulkEqualsScalar() {
        var random = SplitMix64(seed: 5)
        for count in 0...19 {
            let xs = (0..<count).map { _ in random.uniform(-30, 30) }
            var bulk = xs
            #expect(Double.formExponentials(&bulk))
            #expect(bulk.map(\.bitPattern) == xs.map { Self.exp($0).bitPattern }, "count \(count)")
        }
        var xs = Self.arguments + [.nan, .infinity, -.infinity, 0]
        let one = xs.map { Self.exp($0).bitPattern }
        #expect(Double.formExponentials(&xs))
        #expect(xs.map(\.bitPattern) == one)
    }

    @Test("sigmoids in one pass = −z, the exponentials, then 1 / (1 + e), bit for bit, every tail length")
    func sigmoidsInOnePass() {
        let ends: [Double] = [0, -0.0, .infinity, -.infinity, .nan, 800, -800, 1e300, -1e300, 709.9, -745.2]
        let values = ends + Self.arguments
        for count in [0, 1, 7, 8, 9, 17, values.count] {
            let z = Array(values.prefix(count))
            var e = z.map { -$0 }
            #expect(Double.formExponentials(&e))
            let expected = e.map { 1 / (1 + $0) }
            let fused = Double.sigmoids(of: z)!
            // NaN in, NaN out: its sign is not the negation's (the lanes take 0 − z), and a run
            // never gets here with one (z is checked first).
            func bits(_ values: [Double]) -> [UInt64] { values.map { $0.isNaN ? Double.nan.bitPattern : $0.bitPattern } }
            #expect(bits(fused) == bits(expected), "\(count) values")
        }
        // Independently: σ(0) = 1/2, σ(∞) = 1, σ(−∞) = 0, σ(NaN) is NaN.
        let four = Double.sigmoids(of: [0, .infinity, -.infinity, .nan])!
        #expect(four[0] == 0.5 && four[1] == 1 && four[2] == 0 && four[3].isNaN)
    }

    @Test("the AVX2 build and the build for every x86-64 give the same bits, exponentials and sigmoids")
    func bothBuildsAgree() throws {
        try #require(Exponential.hasWideBuild, "this CPU has no AVX2: only one build runs here")
        let ends: [Double] = [0, -0.0, .infinity, -.infinity, 800, -800, 1e300, -1e300, 709.9, -745.2, 0x1p-60, -0x1p-1074]
        let values = ends + Self.arguments
        var wide = values, narrow = values
        wide.withUnsafeMutableBufferPointer { Exponential.formExponentials($0, wide: true) }
        narrow.withUnsafeMutableBufferPointer { Exponential.formExponentials($0, wide: false) }
        #expect(wide.map(\.bitPattern) == narrow.map(\.bitPattern))
        func sigmoids(wide: Bool) -> [UInt64] {
            values.withUnsafeBufferPointer { z in
                [Double](unsafeUninitializedCapacity: z.count) { out, count in
                    Exponential.sigmoids(of: z, into: out, wide: wide)
                    count = z.count
                }
            }.map(\.bitPattern)
        }
        #expect(sigmoids(wide: true) == sigmoids(wide: false))
        // And each lane is the value taken alone.
        #expect(wide.map(\.bitPattern) == values.map { Double.exp($0)!.bitPattern })
    }

    @Test("an exact scalar has no exponentials")
    func exactHasNone() {
        var values = [Rational(1), Rational(2)]
        #expect(!Rational.formExponentials(&values))
        #expect(Rational.sigmoids(of: values) == nil)
    }
}
