/// Escapes text for HTML element content and attribute values.
public enum HTMLText {
    /// `&`, `<`, `>` and `"` as entities, so the text is safe in content and in a quoted attribute.
    public static func escape(_ text: String) -> String {
        // Most text (numbers, TeX) has nothing to escape: skip the copy.
        guard text.utf8.contains(where: { entity(for: $0) != nil }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if let entity = entity(for: byte) { entity.withUTF8Buffer { out.append(contentsOf: $0) } } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The entity that stands for `byte` in escaped text (`&amp;`, `&lt;`, `&gt;`, `&quot;`),
    /// or nil for a byte that stands for itself: the one table of the writers that escape
    /// HTML byte by byte.
    public static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"):
            return "&amp;"
        case UInt8(ascii: "<"):
            return "&lt;"
        case UInt8(ascii: ">"):
            return "&gt;"
        case UInt8(ascii: "\""):
            return "&quot;"
        default:
            return nil
        }
    }
}
