/// The double nearest a plain decimal's text (`-0.37`, `1.5e-3`), found exactly without
/// `strtod` when Clinger's fast path applies: at most 2^53 as an integer of its digits, and a
/// power of ten of at most 10^22 to scale it by. Both are exact doubles, so the one
/// multiplication or division rounds once, to nearest: the bits `Double(String)` gives.
///
/// `Double(String)` costs about 900 instructions a number (a C string and `strtod`); a spec of
/// the 784-256-10 network has 400,000 numbers, converted again on each run.
enum DecimalDouble {
    /// The value, or nil for any text outside the fast path (more digits, a larger exponent,
    /// a fraction, hex, `inf`): the caller reads those with `Double(String)`.
    static func value(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let decimal = PlainDecimal(text), let digits = decimal.significand, digits <= 1 << 53 else { return nil }
        let scale = decimal.scale
        let value: Double
        if digits == 0 {
            value = 0
        } else if scale >= 0 && scale <= 22 {
            value = Double(digits) * powers[scale]
        } else if scale < 0 && scale >= -22 {
            value = Double(digits) / powers[-scale]
        } else {
            return nil
        }
        return decimal.negative ? -value : value
    }

    /// 10^0 to 10^22, each exact as a double (10^22 = 2^22 · 5^22, and 5^22 < 2^53).
    private static let powers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
}
