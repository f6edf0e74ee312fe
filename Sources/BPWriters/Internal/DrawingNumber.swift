/// Numbers in a drawing's markup, written the same way on every machine (no locale, no `%g`),
/// so that a drawing is byte-identical from run to run in every format.
enum DrawingNumber {
    /// `value` to `places` decimal places (coordinates: one; stroke widths and font sizes:
    /// two), without trailing zeros or a negative zero.
    static func format(_ value: Double, places: Int = 1) -> String {
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
