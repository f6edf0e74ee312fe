import BPDocument

/// Text inside math: `\text{...}` and its kin, read as characters, not math.
extension TeXParser {
    /// The braced text after a text command; spaces are kept (runs of them collapse to one, as
    /// TeX sets them), and TeX's escapes for special characters are undone.
    func parseText(from start: Int, command: String, variant: MathVariant?) -> TeXAtom {
        skipSpace()
        guard pos < chars.count, chars[pos] == "{" else {
            return TeXAtom(node: fallback(from: start, command, "\(command) needs {text} after it; shown as written"))
        }
        pos += 1
        var level = 1
        var text = ""
        var lastWasSpace = false
        var problem: String?
        while pos < chars.count, level > 0 {
            let c = chars[pos]
            var isSpace = false
            switch c {
            case "{":
                level += 1
                pos += 1
            case "}":
                level -= 1
                pos += 1
            case "\\":
                guard let name = peekCommandName() else { pos += 1; problem = problem ?? "a lone backslash"; continue }
                pos += 1 + name.count
                switch name {
                case "{", "}", "_", "&", "$", "#", "%": text += name
                case " ": text += " "; isSpace = true
                case "^", "~", "textbackslash":
                    // The LaTeX writer spells these \^{}, \~{}, \textbackslash{}.
                    text += name == "textbackslash" ? "\\" : name
                    if pos + 1 < chars.count, chars[pos] == "{", chars[pos + 1] == "}" { pos += 2 }
                default: problem = problem ?? "unknown command \\\(name)"
                }
            case "~":
                text += "\u{A0}"
                pos += 1
            case "$":
                problem = problem ?? "math inside text"
                pos += 1
            case " ", "\n", "\t", "\r":
                if !lastWasSpace { text += " " }
                isSpace = true
                pos += 1
            default:
                text.append(c)
                pos += 1
            }
            lastWasSpace = isSpace
        }
        guard level == 0 else {
            return TeXAtom(node: fallback(from: start, command + "{", "\(command){ is never closed with }; shown as written"))
        }
        if let problem {
            return TeXAtom(node: fallback(from: start, command, "\(problem) inside \(command){...} is not read; shown as written"))
        }
        return TeXAtom(node: variant.map { .styled($0, .text(text)) } ?? .text(text))
    }
}
