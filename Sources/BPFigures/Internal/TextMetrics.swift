/// The width of a label, estimated from DejaVu Sans's advance widths (the font the figures ask
/// for first; Verdana, the fallback, is as wide). Placement needs it before any browser has
/// laid the text out; the estimates err wide, and a browser test measures the real boxes.
enum TextMetrics {
    /// Width in user units of `text` at `size`.
    static func width(_ text: String, size: Double) -> Double {
        // A label of ASCII and the four wide signs below is one Character per scalar: read its
        // scalars, not its Characters (a switch over Characters compares strings, and the
        // layout measures labels thousands of times).
        let scalars = text.unicodeScalars
        let simple = scalars.allSatisfy { ($0.isASCII && $0 != "\r") || $0 == "−" || $0 == "×" || $0 == "…" || $0 == "⋯" }
        return simple ? scalars.reduce(0) { $0 + ems($1) } * size : widthByCharacters(text, size: size)
    }

    /// ``width(_:size:)`` Character by Character, for any text (a test holds the scalar reading to it).
    static func widthByCharacters(_ text: String, size: Double) -> Double {
        text.reduce(0) { $0 + ems($1) } * size
    }

    /// A Character is as wide as its first scalar: a combining mark adds nothing to its letter.
    private static func ems(_ character: Character) -> Double {
        character.unicodeScalars.first.map(ems) ?? 0
    }

    private static func ems(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "0"..."9": return 0.64
        case ".", ",", ":": return 0.32
        case "−", "+", "=", "<", ">", "×": return 0.84
        case "-": return 0.37
        case "/": return 0.34
        case " ": return 0.32
        case "…", "⋯": return 1.0
        case "i", "j", "l", "I", "!", "|": return 0.3
        case "m", "w", "M", "W": return 0.95
        default:
            // Latin letters average about 0.62 em; anything wider (CJK) takes a full em.
            return scalar.value > 0x2E80 ? 1.0 : 0.66
        }
    }
}
