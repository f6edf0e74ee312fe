import BPNumerics

/// A fraction of machine integers, kept as a formula writes it (MSE's gradient factor is 2/N,
/// so 2/4 for four entries, not 1/2), with a positive denominator: a constant factor of a
/// formula, such as the 1/2 of half_sse. Equal ratios compare equal whatever their form.
public struct IntegerRatio: Sendable, Hashable, CustomStringConvertible {
    /// Carries the sign.
    public let numerator: Int
    /// Always positive.
    public let denominator: Int

    /// `numerator / denominator` as written (only the sign moves to the numerator); the
    /// denominator must not be zero.
    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "IntegerRatio with a zero denominator")
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator
        self.denominator = sign * denominator
    }

    /// The same value in lowest terms.
    public var reduced: IntegerRatio {
        let divisor = Int(Self.gcd(numerator.magnitude, denominator.magnitude))
        return divisor > 1 ? IntegerRatio(numerator / divisor, denominator / divisor) : self
    }

    /// The ratio in a run's arithmetic (exact for ``Rational``).
    public func value<V: Scalar>(as _: V.Type = V.self) -> V {
        V(numerator) / V(denominator)
    }

    /// `p` for an integer, else `p/q`, as written.
    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    /// Equal values, whatever their form: 2/4 == 1/2.
    public static func == (lhs: IntegerRatio, rhs: IntegerRatio) -> Bool {
        let (l, r) = (lhs.reduced, rhs.reduced)
        return l.numerator == r.numerator && l.denominator == r.denominator
    }

    /// Hashes the reduced fraction, so equal ratios hash alike.
    public func hash(into hasher: inout Hasher) {
        let value = reduced
        hasher.combine(value.numerator)
        hasher.combine(value.denominator)
    }

    private static func gcd(_ a: UInt, _ b: UInt) -> UInt {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
