/// A plain decimal's parts, scanned from its bytes with nothing around it: a sign, digits with
/// at most one point, and an exponent of at most ±``SpecValueParser/maxExponent`` (`-0.37`,
/// `1.5e-3`). What the readers of a spec's numbers need without an exact value: a bound on its
/// digits (``SpecValueParser/plainDecimalDigitBound(_:)``) and, when short, its double
/// (``DecimalDouble``). Any other text is for ``SpecValueParser/parse(_:)``.
struct PlainDecimal {
    var negative = false
    /// The digits before and after the point, leading zeros included.
    var mantissaDigits = 0
    /// The digits after the point.
    var fractionDigits = 0
    /// The exponent written after `e` or `E` (0 without one).
    var exponent = 0
    /// The digits as an integer, leading zeros dropped; nil past 19 significant digits.
    var significand: UInt64? = 0

    /// The value is `significand · 10^scale`.
    var scale: Int { exponent - fractionDigits }

    /// The parts of `text`, or nil when it is not a plain decimal.
    init?(_ text: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let end = text.count
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        if index < end, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
            negative = text[index] == UInt8(ascii: "-")
            index += 1
        }
        var significant = 0
        func take(_ byte: UInt8) {
            mantissaDigits += 1
            guard let value = significand, value != 0 || byte != UInt8(ascii: "0") else { return }
            significant += 1
            significand = significant <= 19 ? value &* 10 &+ UInt64(byte &- UInt8(ascii: "0")) : nil
        }
        while index < end, isDigit(text[index]) { take(text[index]); index += 1 }
        if index < end, text[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, isDigit(text[index]) { take(text[index]); fractionDigits += 1; index += 1 }
        }
        guard mantissaDigits > 0 else { return nil }
        if index < end, text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < end, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
                exponentNegative = text[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponentDigits = 0
            while index < end, isDigit(text[index]) {
                exponent = exponent * 10 + Int(text[index] - UInt8(ascii: "0"))
                exponentDigits += 1
                guard exponent <= SpecValueParser.maxExponent else { return nil }
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard index == end else { return nil }
    }
}
