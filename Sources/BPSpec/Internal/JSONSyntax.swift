/// A strict reader of JSON (RFC 8259) for a `.json` spec: YAML accepts much that JSON does not
/// (trailing commas, comments, single quotes, bare keys, `.nan`), and a file named `.json` must
/// be JSON. It builds the same node tree the YAML reader would (every node marked with its line
/// and column as libyaml counts them), in one pass over the UTF-8 text in place: a generated
/// spec of a large network holds hundreds of thousands of numbers, and libyaml's events for
/// them (a copy of every number, lists grown by doubling) cost several times the spec's size.
/// No recursion, so no nesting can exhaust the stack; nesting past the limit is refused with
/// the reader's own message.
struct JSONSyntax {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String?
    private let maxDepth: Int
    private var index = 0
    private var line = 1
    private var column = 1
    private struct Place {
        let line: Int
        let column: Int
        var mark: YAMLNode.Mark { YAMLNode.Mark(line: line, column: column) }
    }

    private enum Expect {
        case value, firstOfArray, firstOfObject, member, separatorOrClose
    }

    /// Checks `text` and returns its tree; `nil` for text of nothing but white space (the
    /// reader calls it empty).
    static func read(_ text: String, file: String?, maxDepth: Int) throws(SpecError) -> YAMLNode? {
        var text = text
        // (withUTF8 rethrows untyped errors, so the result comes out as a Result.)
        let result = text.withUTF8 { bytes -> Result<YAMLNode?, SpecError> in
            var reader = JSONSyntax(bytes: bytes, file: file, maxDepth: maxDepth)
            return Result { () throws(SpecError) in try reader.run() }
        }
        return try result.get()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, file: String?, maxDepth: Int) {
        self.bytes = bytes
        self.file = file
        self.maxDepth = maxDepth
    }

    private mutating func run() throws(SpecError) -> YAMLNode? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }  // a byte order mark, which RFC 8259 lets a reader ignore
        skipSpace()
        if index == bytes.count { return nil }
        var tree = YAMLTreeBuilder()
        /// The keys of each open object, innermost last, for its duplicates.
        var objectKeys: [Set<String>] = []
        /// Closes the innermost array or object.
        func close() {
            if tree.innermostIsMapping == true { objectKeys.removeLast() }
            tree.close()
        }
        var next = Expect.value
        while true {
            skipSpace()
            switch next {
            case .value:
                guard let c = peek else { throw error("expected a value, found the end of the text") }
                if c == "[" || c == "{" {
                    // The YAML reader's cap holds for JSON too, so both read the same specs.
                    if tree.depth >= min(maxDepth, NestingGuard.readerLimit) { throw error(NestingGuard.message(limit: maxDepth)) }
                    tree.open(mapping: c == "{", at: place.mark)
                    if c == "{" { objectKeys.append([]) }
                    advance()
                    next = c == "{" ? .firstOfObject : .firstOfArray
                } else {
                    tree.add(try scalar(c))
                    next = .separatorOrClose
                }
            case .firstOfArray:
                if peek == "]" { advance(); close(); next = .separatorOrClose } else { next = .value }
            case .firstOfObject:
                if peek == "}" { advance(); close(); next = .separatorOrClose } else { next = .member }
            case .member:
                let keyPlace = place
                let key = try objectKey()
                guard objectKeys[objectKeys.count - 1].insert(key).inserted else {
                    throw error(at: keyPlace, "duplicate key '\(key)' in this object")
                }
                tree.add(.scalar(YAMLNode.Scalar(string: key, mark: keyPlace.mark)))
                skipSpace()
                guard peek == ":" else { throw error("expected ':' after the key '\(key)', found \(describePeek())") }
                advance()
                next = .value
            case .separatorOrClose:
                guard let isObject = tree.innermostIsMapping, let opened = tree.innermostMark else {
                    if index < bytes.count {
                        throw error("unexpected \(describePeek()) after the JSON value; a JSON text holds one value")
                    }
                    return tree.root
                }
                let closing: Unicode.Scalar = isObject ? "}" : "]"
                guard let c = peek else {
                    throw error("the text ends inside the \(isObject ? "object" : "array") opened at line \(opened.line), column \(opened.column); expected '\(closing)'")
                }
                if c == closing {
                    advance()
                    close()
                } else if c == "," {
                    let comma = place
                    advance()
                    skipSpace()
                    if peek == "]" || peek == "}" {
                        throw error(at: comma, "a trailing comma before '\(peek!)' is not allowed in JSON")
                    }
                    next = isObject ? .member : .value
                } else if isCommentStart(c) {
                    throw error("comments are not allowed in JSON")
                } else {
                    let what = isObject ? "an object's value" : "an array's entry"
                    throw error("expected ',' or '\(closing)' after \(what), found \(describePeek())")
                }
            }
        }
    }

    // MARK: Values

    private mutating func scalar(_ c: Unicode.Scalar) throws(SpecError) -> YAMLNode {
        let start = place
        switch c {
        case "\"": return .scalar(YAMLNode.Scalar(string: try string(), mark: start.mark))
        case "-", "0"..."9":
            let first = index
            try number()
            return plain(from: first, at: start)
        case "'": throw error("JSON strings take double quotes, not single quotes")
        case "+": throw error("a JSON number cannot start with '+'")
        case ".": throw error("a JSON number needs a digit before '.'")
        case "]", "}", ",", ":": throw error("expected a value, found '\(c)'")
        default:
            if isCommentStart(c) { throw error("comments are not allowed in JSON") }
            guard isWordCharacter(c) else { throw error("expected a value, found \(describePeek())") }
            let first = index
            let word = readWord()
            if word == "true" || word == "false" || word == "null" { return plain(from: first, at: start) }
            if ["nan", "inf", "infinity", ".nan", ".inf"].contains(word.lowercased()) {
                throw error(at: start, "'\(word)' is not a JSON number; JSON has no NaN or Infinity")
            }
            throw error(at: start, "'\(word)' is not a JSON value; a value is an object, an array, a string in double quotes, a number, true, false or null")
        }
    }

    /// A plain scalar of the text read since byte `first` (a number, true, false or null).
    private func plain(from first: Int, at start: Place) -> YAMLNode {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<index]), as: UTF8.self)
        return .scalar(YAMLNode.Scalar(string: text, mark: start.mark))
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
                var value = try hexQuad(escape: escape)
                // A character past U+FFFF is written as a surrogate pair, \uD83D\uDE00.
                if (0xD800..<0xDC00).contains(value), index + 1 < bytes.count,
                   bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    let second = place
                    advance()
                    advance()
                    let low = try hexQuad(escape: second)
                    if (0xDC00..<0xE000).contains(low) {
                        value = 0x10000 + (value - 0xD800) << 10 + (low - 0xDC00)
                    } else {
                        out.append("\u{FFFD}")
                        value = low
                    }
                }
                out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            default:
                throw error(at: escape, "'\\\(e)' is not a JSON escape")
            }
        }
    }

    /// The four hexadecimal digits after `\u`.
    private mutating func hexQuad(escape: Place) throws(SpecError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let h = peek, let digit = hexValue(h) else {
                throw error(at: escape, "'\\u' needs four hexadecimal digits")
            }
            value = value * 16 + digit
            advance()
        }
        return value
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

    private var peek: Unicode.Scalar? { index < bytes.count ? decode(at: index).scalar : nil }

    private var place: Place { Place(line: line, column: column) }

    /// The character whose UTF-8 starts at byte `at`, and its length in bytes (the text is a
    /// Swift string, so its UTF-8 is valid).
    private func decode(at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        func next(_ k: Int) -> UInt32 { UInt32(bytes[i + k]) & 0x3F }
        let value: UInt32, length: Int
        if b0 >= 0xF0 {
            (value, length) = ((b0 & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4)
        } else if b0 >= 0xE0 {
            (value, length) = ((b0 & 0x0F) << 12 | next(1) << 6 | next(2), 3)
        } else {
            (value, length) = ((b0 & 0x1F) << 6 | next(1), 2)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Moves past one character, keeping line and column as the YAML reader counts them.
    private mutating func advance() {
        let (c, length) = decode(at: index)
        index += length
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
        c == "#" || (c == "/" && index + 1 < bytes.count && (bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*")))
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
