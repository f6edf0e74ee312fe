/// A strict check of JSON syntax (RFC 8259), run on a `.json` spec before it is read as YAML:
/// YAML accepts much that JSON does not (trailing commas, comments, single quotes, bare keys,
/// `.nan`), and a file named `.json` must be JSON. It only checks; the YAML reader still builds
/// the tree, so every later error keeps its line. No recursion, so no nesting can exhaust the
/// stack; nesting past the limit is refused with the reader's own message.
struct JSONSyntax {
    private let chars: [Unicode.Scalar]
    private let file: String?
    private let maxDepth: Int
    private var index = 0
    private var line = 1
    private var column = 1

    private struct Place {
        let line: Int
        let column: Int
    }

    /// An array or object not yet closed.
    private struct Frame {
        let isObject: Bool
        let opened: Place
        var keys: Set<String> = []
    }

    private enum Expect {
        case value, firstOfArray, firstOfObject, member, separatorOrClose
    }

    /// Checks `text`; text of nothing but white space passes (the reader calls it empty).
    static func check(_ text: String, file: String?, maxDepth: Int) throws(SpecError) {
        var checker = JSONSyntax(chars: Array(text.unicodeScalars), file: file, maxDepth: maxDepth)
        try checker.run()
    }

    private init(chars: [Unicode.Scalar], file: String?, maxDepth: Int) {
        self.chars = chars
        self.file = file
        self.maxDepth = maxDepth
    }

    private mutating func run() throws(SpecError) {
        if chars.first == "\u{FEFF}" { index = 1 }  // a byte order mark, which RFC 8259 lets a reader ignore
        skipSpace()
        if index == chars.count { return }
        var stack: [Frame] = []
        var next = Expect.value
        while true {
            skipSpace()
            switch next {
            case .value:
                guard let c = peek else { throw error("expected a value, found the end of the text") }
                if c == "[" || c == "{" {
                    if stack.count >= maxDepth { throw error(NestingGuard.message(limit: maxDepth)) }
                    stack.append(Frame(isObject: c == "{", opened: place))
                    advance()
                    next = c == "{" ? .firstOfObject : .firstOfArray
                } else {
                    try scalar(c)
                    next = .separatorOrClose
                }
            case .firstOfArray:
                if peek == "]" { advance(); stack.removeLast(); next = .separatorOrClose } else { next = .value }
            case .firstOfObject:
                if peek == "}" { advance(); stack.removeLast(); next = .separatorOrClose } else { next = .member }
            case .member:
                let keyPlace = place
                let key = try objectKey()
                if stack[stack.count - 1].keys.contains(key) {
                    throw error(at: keyPlace, "duplicate key '\(key)' in this object")
                }
                stack[stack.count - 1].keys.insert(key)
                skipSpace()
                guard peek == ":" else { throw error("expected ':' after the key '\(key)', found \(describePeek())") }
                advance()
                next = .value
            case .separatorOrClose:
                guard let top = stack.last else {
                    if index < chars.count {
                        throw error("unexpected \(describePeek()) after the JSON value; a JSON text holds one value")
                    }
                    return
                }
                let close: Unicode.Scalar = top.isObject ? "}" : "]"
                guard let c = peek else {
                    throw error("the text ends inside the \(top.isObject ? "object" : "array") opened at line \(top.opened.line), column \(top.opened.column); expected '\(close)'")
                }
                if c == close {
                    advance()
                    stack.removeLast()
                } else if c == "," {
                    let comma = place
                    advance()
                    skipSpace()
                    if peek == "]" || peek == "}" {
                        throw error(at: comma, "a trailing comma before '\(peek!)' is not allowed in JSON")
                    }
                    next = top.isObject ? .member : .value
                } else if isCommentStart(c) {
                    throw error("comments are not allowed in JSON")
                } else {
                    let what = top.isObject ? "an object's value" : "an array's entry"
                    throw error("expected ',' or '\(close)' after \(what), found \(describePeek())")
                }
            }
        }
    }

    // MARK: Values

    private mutating func scalar(_ c: Unicode.Scalar) throws(SpecError) {
        switch c {
        case "\"": _ = try string()
        case "-", "0"..."9": try number()
        case "'": throw error("JSON strings take double quotes, not single quotes")
        case "+": throw error("a JSON number cannot start with '+'")
        case ".": throw error("a JSON number needs a digit before '.'")
        case "]", "}", ",", ":": throw error("expected a value, found '\(c)'")
        default:
            if isCommentStart(c) { throw error("comments are not allowed in JSON") }
            guard isWordCharacter(c) else { throw error("expected a value, found \(describePeek())") }
            let start = place
            let word = readWord()
            if word == "true" || word == "false" || word == "null" { return }
            if ["nan", "inf", "infinity", ".nan", ".inf"].contains(word.lowercased()) {
                throw error(at: start, "'\(word)' is not a JSON number; JSON has no NaN or Infinity")
            }
            throw error(at: start, "'\(word)' is not a JSON value; a value is an object, an array, a string in double quotes, a number, true, false or null")
        }
    }

    /// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    private mutating func number() throws(SpecError) {
        let start = place
        if peek == "-" {
            advance()
            if let c = peek, isWordCharacter(c), !isDigit(c) {
                let word = "-" + readWord()
                if word.lowercased().hasPrefix("-inf") || word.lowercased().hasPrefix("-.inf") {
                    throw error(at: start, "'\(word)' is not a JSON number; JSON has no NaN or Infinity")
                }
                throw error(at: start, "'-' must be followed by a digit in a JSON number")
            }
            guard let c = peek, isDigit(c) else { throw error(at: start, "'-' must be followed by a digit in a JSON number") }
        }
        if peek == "0" {
            advance()
            if let c = peek, isDigit(c) { throw error(at: start, "a JSON number has no leading zeros") }
        } else {
            while let c = peek, isDigit(c) { advance() }
        }
        if peek == "." {
            advance()
            guard let c = peek, isDigit(c) else { throw error("a JSON number needs a digit after '.'") }
            while let c = peek, isDigit(c) { advance() }
        }
        if peek == "e" || peek == "E" {
            advance()
            if peek == "+" || peek == "-" { advance() }
            guard let c = peek, isDigit(c) else { throw error("a JSON number needs digits in its exponent") }
            while let c = peek, isDigit(c) { advance() }
        }
    }

    /// A string in double quotes, its escapes decoded (keys are compared by what they spell).
    private mutating func string() throws(SpecError) -> String {
        let opened = place
        advance()
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek else { throw error(at: opened, "the string is not closed") }
            if c == "\"" { advance(); return String(out) }
            if c.value < 0x20 {
                throw error("a control character (\(codePoint(c))) must be escaped in a JSON string")
            }
            guard c == "\\" else { out.append(c); advance(); continue }
            let escape = place
            advance()
            guard let e = peek else { throw error(at: opened, "the string is not closed") }
            advance()
            switch e {
            case "\"", "\\", "/": out.append(e)
            case "b": out.append("\u{8}")
            case "f": out.append("\u{C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "u":
                var value: UInt32 = 0
                for _ in 0..<4 {
                    guard let h = peek, let digit = hexValue(h) else {
                        throw error(at: escape, "'\\u' needs four hexadecimal digits")
                    }
                    value = value * 16 + digit
                    advance()
                }
                out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            default:
                throw error(at: escape, "'\\\(e)' is not a JSON escape")
            }
        }
    }

    private mutating func objectKey() throws(SpecError) -> String {
        guard let c = peek else { throw error("expected a key in double quotes, found the end of the text") }
        if c == "\"" { return try string() }
        if c == "'" { throw error("JSON strings take double quotes, not single quotes") }
        if isCommentStart(c) { throw error("comments are not allowed in JSON") }
        if isWordCharacter(c) {
            let start = place
            let word = readWord()
            throw error(at: start, "an object's key must be a string in double quotes, such as \"\(word)\"")
        }
        throw error("expected a key in double quotes, found \(describePeek())")
    }

    // MARK: Reading

    private var peek: Unicode.Scalar? { index < chars.count ? chars[index] : nil }

    private var place: Place { Place(line: line, column: column) }

    /// Moves past one character, keeping line and column as the YAML reader counts them.
    private mutating func advance() {
        let c = chars[index]
        index += 1
        if c == "\n" || (c == "\r" && peek != "\n") {
            line += 1
            column = 1
        } else if c != "\r" {
            column += 1
        }
    }

    private mutating func skipSpace() {
        while let c = peek, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
    }

    private mutating func readWord() -> String {
        var word = String.UnicodeScalarView()
        while let c = peek, isWordCharacter(c) || c == "." || c == "-" || c == "+" {
            word.append(c)
            advance()
        }
        return String(word)
    }

    private func isCommentStart(_ c: Unicode.Scalar) -> Bool {
        c == "#" || (c == "/" && index + 1 < chars.count && (chars[index + 1] == "/" || chars[index + 1] == "*"))
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    private func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || isDigit(c) || c == "_"
    }

    private func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": return c.value - 48
        case "a"..."f": return c.value - 87
        case "A"..."F": return c.value - 55
        default: return nil
        }
    }

    private func codePoint(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private func describePeek() -> String {
        guard let c = peek else { return "the end of the text" }
        if c.value < 0x20 || c.value == 0x7F || c == "\u{FEFF}" || c == "\u{A0}" { return codePoint(c) }
        return "'\(c)'"
    }

    private func error(_ message: String) -> SpecError { error(at: place, message) }

    private func error(at place: Place, _ message: String) -> SpecError {
        SpecError(file: file, line: place.line, column: place.column, message: message)
    }
}
