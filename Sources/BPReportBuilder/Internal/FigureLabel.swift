import BPNumerics
import BPSpec
import FoundationEssentials

/// Numbers as a figure writes them in plain text: short, with a true minus sign. A weight
/// label must fit on its edge, so it has three significant digits where the page has more.
enum FigureLabel {
    /// The page's own decimal writer, kept to three places.
    private static let decimals = NumberStyle(options: ReportOptions(maxDecimalPlaces: 3))

    static func text<Value: Scalar>(_ value: Value) -> String {
        if let exact = value as? Rational {
            // A short decimal that ends soon (0.25, -1.5, 120), or a short fraction (1/3), as it is.
            if let text = decimals.decimalText(exact), text.count <= 6 { return minus(text) }
            if exact.numerator.magnitude.description.count + exact.denominator.description.count <= 3 {
                return minus(exact.description)
            }
        }
        return rounded(value.doubleValue)
    }

    /// A given number as the spec wrote it, when that is short; else as ``text(_:)`` would.
    static func text(given value: SpecValue) -> String {
        let written = value.text.trimmingSpaces()
        return written.count <= 6 ? minus(written) : text(value.exact)
    }

    /// Three significant digits, `%g` style but without an exponent for ordinary sizes.
    static func rounded(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "−∞" : "∞") }
        var text = value.printf("%.3g")
        // Rounding changed the value: keep the zeros that say so (1.9994 is 2.00, not 2, which
        // would read as a weight that did not move), as the page's numbers do.
        if let shown = Double(text), shown != value {
            text = value.printf("%#.3g")
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }
        return minus(text)
    }

    private static func minus(_ text: String) -> String {
        text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// `a` with the layer as a superscript and the unit as a subscript, in Unicode (`a²₁`).
    static func unit(layer: Int, index: Int) -> String {
        "a" + script(layer, superscripts) + script(index, subscripts)
    }

    // Tables of strings: an `Array` of a string's Characters was most of this function's time.
    private static let superscripts = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    private static let subscripts = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]

    /// The decimal digits of `number` in `digits`; a minus sign is left out.
    private static func script(_ number: Int, _ digits: [String]) -> String {
        var text = ""
        for byte in String(number).utf8 where (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            text += digits[Int(byte - UInt8(ascii: "0"))]
        }
        return text
    }
}
