extension String {
    /// Without the spaces and tabs at either end: how a spec's numbers and words are read (no
    /// Foundation, no Unicode tables).
    public func trimmingSpaces() -> String {
        self[...].trimmingSpaces()
    }
}

extension Substring {
    /// Without the spaces and tabs at either end, as ``Swift/String/trimmingSpaces()``.
    public func trimmingSpaces() -> String {
        // By bytes: a space and a tab are single bytes that no other character's UTF-8 holds.
        let bytes = utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while start < end, case let last = bytes.index(before: end), bytes[last] == 0x20 || bytes[last] == 0x09 { end = last }
        return String(self[start..<end])
    }
}
