extension Substring {
    /// The text without the spaces and tabs at its ends: what `trimmingCharacters(in: .whitespaces)`
    /// gives, without Foundation. `CharacterSet` costs a fresh process conformance lookups and a
    /// trip through `NSString` on every call; a spec's number is trimmed for every given entry.
    /// (On `Substring` and `String`, not `StringProtocol`: generic code would look up the scalar
    /// view's type at run time.)
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isFoundationWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isFoundationWhitespace })!
        return String(scalars[first...last])
    }
}

extension String {
    /// ``Substring/trimmingWhitespace`` of the whole text.
    var trimmingWhitespace: String { self[...].trimmingWhitespace }
}

extension Unicode.Scalar {
    /// Foundation's `CharacterSet.whitespaces`, scalar by scalar: the space separators, the tab and
    /// U+200B, as Core Foundation lists them.
    var isFoundationWhitespace: Bool {
        switch value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
