/// Characters a spec's text may not hold: control characters (which XML and most terminals
/// cannot show) and the bidirectional formatting characters, which make text read differently
/// from what it is (a title ending in U+202E reverses whatever follows it on the page). Refused
/// in every output alike, rather than escaped one way in HTML and another in Markdown.
enum TextCharacters {
    /// The first forbidden character of `text` with its 1-based position and a description, or
    /// nil; `lines` allows line breaks and tabs (prose such as notes).
    static func firstForbidden(in text: String, allowingLines lines: Bool) -> (position: Int, description: String)? {
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if let name = describe(scalar, allowingLines: lines) { return (offset + 1, name) }
        }
        return nil
    }

    private static func describe(_ scalar: Unicode.Scalar, allowingLines lines: Bool) -> String? {
        let value = scalar.value
        let hex = String(value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch value {
        case 0x09, 0x0A, 0x0D: return lines ? nil : "a line break or tab (\(code))"
        case 0x00..<0x20, 0x7F, 0x80...0x9F: return "the control character \(code)"
        case 0x200E: return "\(code) LEFT-TO-RIGHT MARK"
        case 0x200F: return "\(code) RIGHT-TO-LEFT MARK"
        case 0x202A: return "\(code) LEFT-TO-RIGHT EMBEDDING"
        case 0x202B: return "\(code) RIGHT-TO-LEFT EMBEDDING"
        case 0x202C: return "\(code) POP DIRECTIONAL FORMATTING"
        case 0x202D: return "\(code) LEFT-TO-RIGHT OVERRIDE"
        case 0x202E: return "\(code) RIGHT-TO-LEFT OVERRIDE"
        case 0x2066: return "\(code) LEFT-TO-RIGHT ISOLATE"
        case 0x2067: return "\(code) RIGHT-TO-LEFT ISOLATE"
        case 0x2068: return "\(code) FIRST STRONG ISOLATE"
        case 0x2069: return "\(code) POP DIRECTIONAL ISOLATE"
        case 0xFFFE, 0xFFFF: return "the noncharacter \(code)"
        default: return nil
        }
    }
}
