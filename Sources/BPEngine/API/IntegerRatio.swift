import BPNumerics

/// A fraction of machine integers, in lowest terms with a positive denominator: a constant
/// factor of a formula, such as the 1/2 of half_sse.
public struct IntegerRatio: Sendable, Hashable, CustomStringConvertible {
    /// Carries the sign.
    public let numerator: Int
    /// Always positive.
    public let denominator: Int

    /// `numerator / denominator`, reduced; the denominator must not be zero.
    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "IntegerRatio with a zero denominator")
        var divisor = Self.gcd(numerator.magnitude, denominator.magnitude)
        if divisor == 0 { divisor = 1 }
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / Int(divisor)
        self.denominator = sign * denominator / Int(divisor)
    }

    /// The ratio in a run's arithmetic (exact for ``Rational``).
    public func value<V: Scalar>(as _: V.Type = V.self) -> V {
        V(numerator) / V(denominator)
    }

    /// `p` for an integer, else `p/q`, as the trace writes exact numbers.
    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    private static func gcd(_ a: UInt, _ b: UInt) -> UInt {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
