#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Double: Scalar {
    /// Floats round: a double run is never exact.
    public static var isExact: Bool { false }
    /// 1.0.
    public static var one: Double { 1 }

    /// The nearest double to the number the spec spells: Swift's own parser for decimals, one
    /// correctly rounded division for fractions of exact parts.
    public init(specNumber exact: Rational, text: String) {
        if let parsed = Double(text), parsed.isFinite {
            self = parsed
        } else {
            self = exact.doubleValue
        }
    }

    /// The double itself.
    public var doubleValue: Double { self }
    /// 0: a double has no digits to limit (``Limits`` bound exact numbers only).
    public var digitCount: Int { 0 }
    /// nil: a double is not an exact value.
    public var exactValue: Rational? { nil }

    /// e^x by glibc's algorithm in plain IEEE operations (BPNumerics' `Exponential`): within
    /// 0.51 ulp of the exact value, and the same bits on every machine, which libm's is not
    /// (it uses fused multiply-adds where the CPU has them). The engine takes its exponentials
    /// over whole arrays (``formExponentials(_:)``), and a value taken alone comes out the same.
    @inlinable public static func exp(_ x: Double) -> Double? { Exponential.exp(x) }
    /// Every value's ``exp(_:)``, eight at a time.
    @inlinable public static func formExponentials(_ values: inout [Double]) -> Bool {
        values.withUnsafeMutableBufferPointer { Exponential.formExponentials($0) }
        return true
    }
    /// 1 / (1 + e^(−z)) eight lanes at a time, in one pass into a new array: the same
    /// operations, so the same bits, as −z, ``formExponentials(_:)`` and the division one after
    /// the other (a NaN's sign aside).
    @inlinable public static func sigmoids(of values: [Double]) -> [Double]? {
        values.withUnsafeBufferPointer { z in
            [Double](unsafeUninitializedCapacity: z.count) { out, count in
                _ = EntrywiseHalves.run(z.count, of: Double.self) { range in
                    Exponential.sigmoids(of: UnsafeBufferPointer(rebasing: z[range]),
                                         into: UnsafeMutableBufferPointer(rebasing: out[range]))
                    return 0
                }
                count = z.count
            }
        }
    }
    /// Eight lanes at a time: x · 0 is ±0 for a finite x and NaN for ±∞ and NaN, so the bits
    /// of x · 0 ORed together, less the sign, stay 0 exactly when every value is finite (an OR
    /// rather than a sum, so the lanes do not wait on an addition's latency).
    /// A large buffer is checked in two halves side by side (``EntrywiseHalves``).
    @inlinable public static func allFinite(_ values: UnsafeBufferPointer<Double>) -> Bool {
        EntrywiseHalves.run(values.count, of: Double.self) { range in
            nonFiniteLaneBits(UnsafeBufferPointer(rebasing: values[range]))
        } == 0
    }

    /// 0 when every value is finite, not 0 otherwise (``allFinite(_:)``'s pass).
    @inlinable static func nonFiniteLaneBits(_ values: UnsafeBufferPointer<Double>) -> UInt64 {
        guard let base = values.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let stride = MemoryLayout<Double>.stride
        var lanes = SIMD8<UInt64>()
        var k = 0
        while k &+ 8 <= values.count {
            lanes |= unsafeBitCast(raw.loadUnaligned(fromByteOffset: k &* stride, as: SIMD8<Double>.self) * 0,
                                   to: SIMD8<UInt64>.self)
            k &+= 8
        }
        var rest: UInt64 = 0
        while k < values.count {
            rest |= (base[k] * 0).bitPattern
            k &+= 1
        }
        let signless = ~(UInt64(1) << 63)
        return ((lanes & signless) == SIMD8() ? 0 : 1) | rest & signless
    }

    /// The bits of x · 0 less the sign: ±0 for a finite x, a NaN's for ±∞ and NaN.
    @inlinable public static func nonFiniteBits(_ value: Double) -> UInt64 {
        (value * 0).bitPattern & ~(UInt64(1) << 63)
    }

    // Inlinable, so the engine's loops call libm directly, without a call and an optional
    // in between.
    #if canImport(Glibc)
    /// libm's natural logarithm.
    @inlinable public static func log(_ x: Double) -> Double? { Glibc.log(x) }
    /// libm's log(1 + x).
    @inlinable public static func log1p(_ x: Double) -> Double? { Glibc.log1p(x) }
    /// libm's hyperbolic tangent.
    @inlinable public static func tanh(_ x: Double) -> Double? { Glibc.tanh(x) }
    #else
    /// libm's natural logarithm.
    @inlinable public static func log(_ x: Double) -> Double? { Darwin.log(x) }
    /// libm's log(1 + x).
    @inlinable public static func log1p(_ x: Double) -> Double? { Darwin.log1p(x) }
    /// libm's hyperbolic tangent.
    @inlinable public static func tanh(_ x: Double) -> Double? { Darwin.tanh(x) }
    #endif
}
