/// Refuses mapping keys that are aliases or complex (`? ...`) from the text, with a message
/// that says so, before the YAML is read: a spec's keys are plain names, and an alias key can
/// stand for billions of nodes (a YAML reader that compares keys by value walks them all).
enum ComplexKeyGuard {
    static func check(_ text: String, file: String?) throws(SpecError) {
        // Lines found by their bytes: neither check can fire on a line without `?` or `*` (most
        // lines of most specs), so only those are read as characters.
        for (index, bytes) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard bytes.contains(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "*") }) else { continue }
            // A Windows line's `\r` is part of its end, not of its content.
            let line = Substring(bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes)
            let content = stripComment(line)
            if let column = explicitKeyColumn(content) {
                throw SpecError(file: file, line: index + 1, column: column,
                                message: "complex mapping keys ('? ') are not allowed in a spec; keys are plain names")
            }
            if let column = aliasKeyColumn(content) {
                throw SpecError(file: file, line: index + 1, column: column,
                                message: "an alias (*name) cannot be a mapping key in a spec; keys are plain names")
            }
        }
    }

    /// `? ` at the start of a line, after indentation and list dashes.
    private static func explicitKeyColumn(_ line: Substring) -> Int? {
        var rest = line[...]
        while let first = rest.first, first == " " || first == "-" || first == "\t" { rest = rest.dropFirst() }
        guard rest.first == "?" else { return nil }
        let after = rest.dropFirst().first
        guard after == nil || after == " " || after == "\t" else { return nil }
        return line.distance(from: line.startIndex, to: rest.startIndex) + 1
    }

    /// `*name :` or `*name:` followed by a space or the end: an alias used as a key.
    private static func aliasKeyColumn(_ line: Substring) -> Int? {
        let chars = Array(line)
        var quote: Character?
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "*" && (i == 0 || " \t[{,-?:".contains(chars[i - 1])) {
                var j = i + 1
                while j < chars.count && !" \t,[]{}:".contains(chars[j]) { j += 1 }
                var k = j
                while k < chars.count && (chars[k] == " " || chars[k] == "\t") { k += 1 }
                if j > i + 1 && k < chars.count && chars[k] == ":" && (k + 1 == chars.count || " \t".contains(chars[k + 1])) {
                    return i + 1
                }
                i = j
                continue
            }
            i += 1
        }
        return nil
    }

    /// The line up to a `#` comment outside quotes.
    private static func stripComment(_ line: Substring) -> Substring {
        var quote: Character?
        var previous: Character = " "
        for index in line.indices {
            let c = line[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" && (previous == " " || previous == "\t") {
                return line[..<index]
            }
            previous = c
        }
        return line
    }
}
