extension StringProtocol {
    /// The text without the white space at either end: Unicode's space separators (category
    /// Zs), tabs and the zero-width space, and with `newlines` also line and paragraph breaks
    /// (U+000A to U+000D, U+0085, U+2028, U+2029). Foundation's `trimmingWhiteSpace()` and
    /// `.whitespacesAndNewlines` trim the same, but bpreport does without full Foundation.
    public func trimmingWhiteSpace(newlines: Bool = false) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09, 0x200B: return true
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return newlines
            default: return scalar.properties.generalCategory == .spaceSeparator
            }
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[first...last])
        return String(text)
    }
}
