import BPNumerics

/// A spec number that may not survive the conversion to `Double`, and where it was written.
struct FloatRangeSuspect {
    let key: String
    let location: SourceLocation
    let value: SpecValue
}

/// Which spec numbers a float run cannot hold: those that round to infinity, and those
/// (non-zero) that round to 0, which would silently change the network. Decided exactly, by
/// the rounding to nearest, ties to even, that reading the text as a `Double` performs.
enum FloatRange {
    /// |x| ≥ 2^1024 − 2^970, halfway between the largest double and 2^1024, rounds to infinity.
    static let overflow = power(1024) - power(970)
    /// 0 < |x| ≤ 2^−1075, half the smallest subnormal, rounds to 0.
    static let underflow = Rational.one / power(1075)

    /// Why `value` does not fit a double, or `nil` when it does.
    static func problem(_ value: SpecValue) -> String? {
        let magnitude = value.exact.magnitude
        if magnitude >= overflow {
            return "\(value.text) is too large for floating point (the largest is about 1.8e308)"
        }
        if !magnitude.isZero && magnitude <= underflow {
            return "\(value.text) is too close to 0 for floating point, where it would become 0 (the smallest is about 4.9e-324); write 0 if 0 is meant"
        }
        return nil
    }

    private static func power(_ exponent: Int) -> Rational {
        var result = Rational.one, base = Rational(2), n = exponent
        while n > 0 {
            if n & 1 == 1 { result = result * base }
            base = base * base
            n >>= 1
        }
        return result
    }
}
