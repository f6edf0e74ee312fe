/// A JSON string literal (RFC 8259): quotes and backslashes escaped, control characters as
/// `\u00XX`. One writer for every JSON bpreport prints: the trace, the claims, the gradient check.
public enum JSONString {
    /// `text` as a quoted JSON string.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += "\\u00" + hexDigit(scalar.value >> 4) + hexDigit(scalar.value & 0xF)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// One lowercase hex digit, as `%04x` writes it.
    private static func hexDigit(_ value: UInt32) -> String {
        String(UnicodeScalar(UInt8(value < 10 ? 48 + value : 87 + value)))
    }
}
