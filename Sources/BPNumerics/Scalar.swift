/// The arithmetic the engine is generic over: exact ``Rational`` or `Double`.
///
/// Functions that leave the rationals (`exp`, `log`, `tanh`) return `nil` for an exact scalar,
/// so the engine can refuse them with an error instead of trapping.
public protocol Scalar: Sendable, Comparable, CustomStringConvertible {
    /// Whether values of this type are exact (no rounding ever happens).
    static var isExact: Bool { get }
    static var zero: Self { get }
    static var one: Self { get }

    init(_ value: Int)
    /// The value a spec number stands for: exact, or the nearest representable value.
    init(_ value: SpecValue)

    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    /// Division; callers guarantee a non-zero divisor.
    static func / (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self

    /// False for NaN and the infinities; always true for exact values.
    var isFinite: Bool { get }
    /// The nearest `Double`, for comparisons and plots.
    var doubleValue: Double { get }
    /// The value itself when it is exact (writers format exact numbers differently).
    var exactValue: Rational? { get }
    /// The number of decimal digits of the larger of numerator and denominator (0 for floats).
    var digitCount: Int { get }

    static func exp(_ x: Self) -> Self?
    static func log(_ x: Self) -> Self?
    static func tanh(_ x: Self) -> Self?
}
