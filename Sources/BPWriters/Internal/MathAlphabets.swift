import BPDocument

/// Unicode's mathematical alphanumeric symbols (U+1D400 on), which carry a style in the
/// character itself: MathML Core supports no `mathvariant` but `normal`, so a bold W is 𝐖.
enum MathAlphabets {
    /// `text` in `variant`: Latin letters and digits (and Greek in bold) are mapped; anything
    /// else, and any text without a variant, is returned as it is.
    static func styled(_ text: String, _ variant: MathVariant?) -> String {
        guard let variant, variant != .upright else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(map(scalar, variant) ?? scalar)
        }
        return String(out)
    }

    private static func map(_ scalar: Unicode.Scalar, _ variant: MathVariant) -> Unicode.Scalar? {
        let value = scalar.value
        if let exception = exceptions[variant]?[scalar] { return exception }
        let start: (upper: UInt32?, lower: UInt32?, digit: UInt32?)
        switch variant {
        case .bold: start = (0x1D400, 0x1D41A, 0x1D7CE)
        case .italic: start = (0x1D434, 0x1D44E, nil)
        case .boldItalic: start = (0x1D468, 0x1D482, 0x1D7CE)
        case .calligraphic: start = (0x1D49C, 0x1D4B6, nil)
        case .fraktur: start = (0x1D504, 0x1D51E, nil)
        case .doubleStruck: start = (0x1D538, 0x1D552, 0x1D7D8)
        case .sansSerif: start = (0x1D5A0, 0x1D5BA, 0x1D7E2)
        case .monospace: start = (0x1D670, 0x1D68A, 0x1D7F6)
        case .upright: return nil
        }
        switch value {
        case 0x41...0x5A: return start.upper.flatMap { Unicode.Scalar($0 + value - 0x41) }
        case 0x61...0x7A: return start.lower.flatMap { Unicode.Scalar($0 + value - 0x61) }
        case 0x30...0x39: return start.digit.flatMap { Unicode.Scalar($0 + value - 0x30) }
        case 0x391...0x3A9 where variant == .bold && value != 0x3A2: return Unicode.Scalar(0x1D6A8 + value - 0x391)
        case 0x3B1...0x3C9 where variant == .bold: return Unicode.Scalar(0x1D6C2 + value - 0x3B1)
        default: return nil
        }
    }

    /// Letters that Unicode encoded earlier, in the Letterlike Symbols block, leaving holes in
    /// the alphanumeric ranges.
    private static let exceptions: [MathVariant: [Unicode.Scalar: Unicode.Scalar]] = [
        .italic: ["h": "\u{210E}"],
        .calligraphic: ["B": "\u{212C}", "E": "\u{2130}", "F": "\u{2131}", "H": "\u{210B}", "I": "\u{2110}",
                        "L": "\u{2112}", "M": "\u{2133}", "R": "\u{211B}", "e": "\u{212F}", "g": "\u{210A}", "o": "\u{2134}"],
        .fraktur: ["C": "\u{212D}", "H": "\u{210C}", "I": "\u{2111}", "R": "\u{211C}", "Z": "\u{2128}"],
        .doubleStruck: ["C": "\u{2102}", "H": "\u{210D}", "N": "\u{2115}", "P": "\u{2119}", "Q": "\u{211A}",
                        "R": "\u{211D}", "Z": "\u{2124}"],
    ]
}
