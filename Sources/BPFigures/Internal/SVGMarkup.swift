/// Builds SVG text: elements with attributes in the order given, escaped text, and numbers
/// written the same way on every machine (no locale, no `%g`), so a drawing is byte-identical
/// from run to run.
struct SVGMarkup {
    private(set) var text = ""

    /// `<name a="v" …/>`.
    mutating func element(_ name: String, _ attributes: [(String, String)]) {
        text += "<" + name + Self.attributes(attributes) + "/>\n"
    }

    /// `<name a="v" …>content</name>`, the content escaped.
    mutating func element(_ name: String, _ attributes: [(String, String)], text content: String) {
        text += "<" + name + Self.attributes(attributes) + ">" + Self.escape(content) + "</" + name + ">\n"
    }

    /// `<name …>`, children added by the caller, then ``close(_:)``.
    mutating func open(_ name: String, _ attributes: [(String, String)]) {
        text += "<" + name + Self.attributes(attributes) + ">\n"
    }

    mutating func close(_ name: String) { text += "</" + name + ">\n" }

    /// Raw markup the caller built (already escaped).
    mutating func raw(_ markup: String) { text += markup }

    static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " " + $0.0 + "=\"" + escape($0.1) + "\"" }.joined()
    }

    /// Text and attribute values: the five XML specials, and no control character (which XML
    /// 1.0 forbids) whatever a spec's unit name holds.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                    || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A coordinate to one decimal place (stroke widths and font sizes: two), without trailing
    /// zeros or a negative zero.
    static func number(_ value: Double, places: Int = 1) -> String {
        guard value.isFinite else { return "0" }
        let scale = (0..<places).reduce(1) { product, _ in product * 10 }
        let units = Int((value * Double(scale)).rounded())
        let whole = units / scale, fraction = abs(units % scale)
        let sign = units < 0 && whole == 0 ? "-" : ""
        guard fraction != 0 else { return sign + String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: places - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return sign + String(whole) + "." + digits
    }
}
