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
        var index = 0
        let end = text.count
        guard index < end else { return nil }
        var negative = false
        if text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
            negative = text[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits: UInt64 = 0, significant = 0, scale = 0, seenDigit = false
        func take(_ byte: UInt8, fraction: Bool) -> Bool {
            seenDigit = true
            if digits == 0 && byte == UInt8(ascii: "0") {
                if fraction { scale -= 1 }
                return true
            }
            significant += 1
            guard significant <= 19 else { return false }
            digits = digits &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
            if fraction { scale -= 1 }
            return true
        }
        while index < end, case let byte = text[index], byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
            guard take(byte, fraction: false) else { return nil }
            index += 1
        }
        if index < end && text[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, case let byte = text[index], byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                guard take(byte, fraction: true) else { return nil }
                index += 1
            }
        }
        guard seenDigit else { return nil }
        if index < end && (text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E")) {
            index += 1
            var exponentNegative = false
            if index < end && (text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+")) {
                exponentNegative = text[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponent = 0, exponentDigits = 0
            while index < end, case let byte = text[index], byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                exponentDigits += 1
                guard exponent < 10_000 else { return nil }
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            scale += exponentNegative ? -exponent : exponent
        }
        guard index == end, digits <= 1 << 53 else { return nil }
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
        return negative ? -value : value
    }

    /// 10^0 to 10^22, each exact as a double (10^22 = 2^22 · 5^22, and 5^22 < 2^53).
    private static let powers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
}
