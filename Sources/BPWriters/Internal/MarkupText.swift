import BPMarkdown

/// Text for XML and HTML: the five specials as entities (`&amp; &lt; &gt; &quot; &#39;`), so the
/// text is safe in content and in a quoted attribute. The SVG writer and the page template's
/// `{{name}}` both escape with it.
enum MarkupText {
    /// `text` with its specials escaped; with `replacingControls`, also no control character
    /// (which XML 1.0 forbids) nor bidirectional override, each replaced by U+FFFD, whatever a
    /// spec's unit name holds.
    static func escape(_ text: String, replacingControls: Bool) -> String {
        // Most values (numbers, names) are printable ASCII with no special: skip the copy.
        let special: (UInt8) -> Bool = { byte in
            HTMLText.entity(for: byte) != nil || byte == 0x27 || (replacingControls && (byte < 0x20 || byte >= 0x7F))
        }
        guard text.utf8.contains(where: special) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            // HTML's four, and the apostrophe, which XML attributes may be quoted with.
            if scalar.isASCII, let entity = HTMLText.entity(for: UInt8(scalar.value)) {
                out += entity.description
                continue
            }
            switch scalar {
            case "'": out += "&#39;"
            default:
                if replacingControls && isForbidden(scalar) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
