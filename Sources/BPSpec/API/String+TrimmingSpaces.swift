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
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
