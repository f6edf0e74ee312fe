import Foundation

extension Double: Scalar {
    public static var isExact: Bool { false }
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

    public var doubleValue: Double { self }
    public var digitCount: Int { 0 }
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
    // Inlinable, so the engine's loops call libm directly, without a call and an optional
    // in between.
    @inlinable public static func log(_ x: Double) -> Double? { Foundation.log(x) }
    @inlinable public static func log1p(_ x: Double) -> Double? { Foundation.log1p(x) }
    @inlinable public static func tanh(_ x: Double) -> Double? { Foundation.tanh(x) }
}
