/// Numbers in a drawing's markup, written the same way on every machine (no locale, no `%g`),
/// so that a drawing is byte-identical from run to run in every format.
enum DrawingNumber {
    /// `value` to `places` decimal places (coordinates: one; stroke widths and font sizes:
    /// two), without trailing zeros or a negative zero.
    static func format(_ value: Double, places: Int = 1) -> String {
        var out = TextBuffer(capacity: 16)
        append(value, places: places, into: &out)
        return out.text
    }

    /// Appends ``format(_:places:)``'s text of `value` to `out`.
    static func append(_ value: Double, places: Int = 1, into out: inout TextBuffer) {
        guard value.isFinite else { out += "0"; return }
        let scale = (0..<places).reduce(1) { product, _ in product * 10 }
        let units = Int((value * Double(scale)).rounded())
        let whole = units / scale
        var fraction = abs(units % scale)
        if units < 0 && whole == 0 { out += "-" }
        out.append(decimal: whole)
        guard fraction != 0 else { return }
        // The fraction's digits to `places`, without trailing zeros.
        var width = places
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        out += "."
        var divisor = 1
        for _ in 1..<max(width, 1) { divisor *= 10 }
        for _ in 0..<width {
            out.append(byte: UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }
}
