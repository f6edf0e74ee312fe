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
    /// The value a spec number stands for: `exact` itself for an exact scalar; for `Double` the
    /// nearest double to `text` when Swift parses it as a finite decimal, else `exact.doubleValue`
    /// (a fraction such as `"2/3"`, or a decimal beyond the double range).
    init(specNumber exact: Rational, text: String)

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
    /// Replaces every value by its exponential, as ``exp(_:)`` would give it value by value;
    /// `false` for a scalar without one (the values are then unspecified). The hook for a
    /// whole array at once (`Double` runs four values per instruction), so activations need
    /// not call ``exp(_:)`` entry by entry.
    static func formExponentials(_ values: inout [Self]) -> Bool
    /// Every z's sigmoid 1 / (1 + e^(−z)), as ``exp(_:)`` of −z, one plus it and one over that
    /// would give it; nil for a scalar without an exponential. A hook, so that `Double` takes
    /// the three in one pass, into a new array.
    static func sigmoids(of values: [Self]) -> [Self]?
    /// Whether every value is finite (always, for an exact scalar). A hook, because the engine
    /// checks every matrix it makes, and a plain loop over `isFinite` is not vectorised.
    static func allFinite(_ values: UnsafeBufferPointer<Self>) -> Bool
    /// 0 when `value` is finite, not 0 when it is NaN or infinite (always 0 for an exact
    /// scalar): ORed over the values a pass makes, it checks them in that pass instead of a
    /// second one. A hook, so that `Double` takes it from bits, as ``allFinite(_:)`` does,
    /// with no branch per value.
    static func nonFiniteBits(_ value: Self) -> UInt64
    static func log(_ x: Self) -> Self?
    /// log(1 + x), accurate for small x (the stable softplus needs it).
    static func log1p(_ x: Self) -> Self?
    static func tanh(_ x: Self) -> Self?

    /// The matrix product op(a) · op(b), where op transposes its operand when asked.
    ///
    /// The one hook for every product the engine takes, so a scalar can bring a faster kernel
    /// (BLAS for `Double`, say) without touching the generic engine. The default
    /// (``Scalar/product(_:transposingA:_:transposingB:)-extension``) sums each entry left to
    /// right from its first product.
    static func product(_ a: Matrix<Self>, transposingA: Bool, _ b: Matrix<Self>, transposingB: Bool) -> Matrix<Self>
}

extension Scalar {
    /// The default: ``exp(_:)`` entry by entry, `false` at the first value it has none for.
    @inlinable
    public static func formExponentials(_ values: inout [Self]) -> Bool {
        for k in values.indices {
            guard let e = exp(values[k]) else { return false }
            values[k] = e
        }
        return true
    }

    /// The default: −z over the array, ``formExponentials(_:)``, then 1 / (1 + e) over it.
    @inlinable
    public static func sigmoids(of values: [Self]) -> [Self]? {
        var e = values.map { -$0 }
        guard formExponentials(&e) else { return nil }
        for k in e.indices { e[k] = Self.one / (Self.one + e[k]) }
        return e
    }

    /// The default: 0 for a finite value, 1 otherwise.
    @inlinable
    public static func nonFiniteBits(_ value: Self) -> UInt64 { value.isFinite ? 0 : 1 }

    /// The default: every value's ``isFinite``, with no early exit (a run that finds one
    /// non-finite value ends anyway).
    @inlinable
    public static func allFinite(_ values: UnsafeBufferPointer<Self>) -> Bool {
        var nonFinite = false
        for value in values { nonFinite = nonFinite || !value.isFinite }
        return !nonFinite
    }
}
