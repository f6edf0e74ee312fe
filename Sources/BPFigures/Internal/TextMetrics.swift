/// The width of a label, estimated from DejaVu Sans's advance widths (the font the figures ask
/// for first; Verdana, the fallback, is as wide). Placement needs it before any browser has
/// laid the text out; the estimates err wide, and a browser test measures the real boxes.
enum TextMetrics {
    /// Width in user units of `text` at `size`.
    static func width(_ text: String, size: Double) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "0"..."9": ems += 0.64
            case ".", ",", ":": ems += 0.32
            case "−", "+", "=", "<", ">", "×": ems += 0.84
            case "-": ems += 0.37
            case "/": ems += 0.34
            case " ": ems += 0.32
            case "…", "⋯": ems += 1.0
            case "i", "j", "l", "I", "!", "|": ems += 0.3
            case "m", "w", "M", "W": ems += 0.95
            default:
                // Latin letters average about 0.62 em; anything wider (CJK) takes a full em.
                ems += character.unicodeScalars.first.map { $0.value > 0x2E80 } == true ? 1.0 : 0.66
            }
        }
        return ems * size
    }
}
