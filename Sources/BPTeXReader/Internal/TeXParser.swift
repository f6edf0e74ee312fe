import BPDocument

/// A recursive-descent reader of math-mode TeX over the formula's characters, so that offsets
/// are character counts. A class, since every construct moves one cursor and adds to one list
/// of warnings.
final class TeXParser {
    let chars: [Character]
    var pos = 0
    var depth = 0
    let maximumDepth: Int
    private(set) var warnings: [TeXWarning] = []

    init(_ tex: String, maximumDepth: Int) {
        chars = Array(tex)
        self.maximumDepth = maximumDepth
    }

    // MARK: Formula and sequences

    /// The whole formula: a sequence, with whatever is stray at the top level kept as written.
    func parseFormula() -> MathNode {
        makeRow(parseSequence(until: TeXStop.top))
    }

    /// Items up to a stop in `until` (left unconsumed) or the end; stops not in `until` are
    /// stray here and kept as written.
    func parseSequence(until: Set<TeXStop>) -> [MathNode] {
        var items: [MathNode] = []
        while true {
            skipSpace()
            guard pos < chars.count else { return items }
            if let stop = peekStop(until) {
                if until.contains(stop) { return items }
                items.append(stray(stop))
                continue
            }
            // An old switch styles the rest of its group.
            if chars[pos] == "\\", let name = peekCommandName(), let variant = TeXCommandTable.switches[name] {
                pos += 1 + name.count
                let rest = parseSequence(until: until)
                items.append(.styled(variant, makeRow(rest)))
                return items
            }
            for node in parseScripted() {
                if case let .row(inner) = node.node, node.isGroup { items += inner } else { items.append(node.node) }
            }
        }
    }

    /// A base with its primes, scripts and `\limits`, plus anything left over (a script with
    /// nothing after it) as its own items.
    private func parseScripted() -> [TeXAtom] {
        guard let atom = parseBase() else { return [] }
        var sub: MathNode?
        var sup: MathNode?
        var primes = 0
        var leftovers: [TeXAtom] = []
        var limits = atom.limits
        scripts: while true {
            let before = pos
            skipSpace()
            guard pos < chars.count else { pos = before; break }
            switch chars[pos] {
            case "'":
                if sup != nil || primes > 0 { pos = before; break scripts }
                while pos < chars.count, chars[pos] == "'" { primes += 1; pos += 1 }
            case "_", "^":
                let isSub = chars[pos] == "_"
                if (isSub && sub != nil) || (!isSub && sup != nil) {
                    warn(at: pos, String(chars[pos]), isSub ? "a second subscript on one base; set on its own"
                                                            : "a second superscript on one base; set on its own")
                    pos = before
                    break scripts
                }
                let mark = pos
                pos += 1
                guard let argument = parseArgument() else {
                    leftovers.append(TeXAtom(node: fallback(from: mark, String(chars[mark]),
                                                            "\(chars[mark]) with nothing after it; shown as written")))
                    break scripts
                }
                if isSub {
                    sub = argument
                } else if primes > 0 {
                    sup = makeRow(flattened(TeXCommandTable.primes(primes)) + flattened(argument))
                    primes = 0
                } else {
                    sup = collapsedPrimes(argument)
                }
            case "\\":
                guard let name = peekCommandName(), name == "limits" || name == "nolimits" else { pos = before; break scripts }
                pos += 1 + name.count
                limits = name == "limits" ? .limits : .beside
            default:
                pos = before
                break scripts
            }
        }
        if primes > 0 { sup = TeXCommandTable.primes(primes) }
        guard sub != nil || sup != nil else { return [atom] + leftovers }
        let base = atom.node
        let node: MathNode
        switch (sub, sup, limits) {
        case let (sub?, sup?, .limits): node = .underOver(base, under: sub, over: sup)
        case let (sub?, nil, .limits): node = .under(base, sub, accent: false)
        case let (nil, sup?, .limits): node = .over(base, sup, accent: false)
        case let (sub?, sup?, _): node = .subsuperscripted(base, sub: sub, sup: sup)
        case let (sub?, nil, _): node = .subscripted(base, sub)
        case let (nil, sup?, _): node = .superscripted(base, sup)
        case (nil, nil, _): node = base
        }
        return [TeXAtom(node: node)] + leftovers
    }

    /// `^{\prime\prime}` is the double prime that `''` gives, so the two read the same.
    private func collapsedPrimes(_ node: MathNode) -> MathNode {
        if case let .row(items) = node, (2...3).contains(items.count), items.allSatisfy({ $0 == .symbol(.prime) }) {
            return TeXCommandTable.primes(items.count)
        }
        return node
    }

    // MARK: Bases

    /// One base: a group, a number, a letter, a symbol or a command with its arguments; nil for
    /// what only changes style (`\displaystyle`). A script with no base gets an empty one.
    func parseBase() -> TeXAtom? {
        let start = pos
        depth += 1
        defer { depth -= 1 }
        if depth > maximumDepth { return TeXAtom(node: tooDeep(from: start)) }
        let c = chars[pos]
        switch c {
        case "{":
            pos += 1
            let items = parseSequence(until: TeXStop.group)
            guard pos < chars.count, chars[pos] == "}" else {
                return TeXAtom(node: fallback(from: start, "{", "{ is never closed with }; shown as written"))
            }
            pos += 1
            return TeXAtom(node: makeRow(items), isGroup: true)
        case "_", "^":
            return TeXAtom(node: .row([]))
        case "'":
            var count = 0
            while pos < chars.count, chars[pos] == "'" { count += 1; pos += 1 }
            return TeXAtom(node: TeXCommandTable.primes(count))
        case "~":
            pos += 1
            return TeXAtom(node: .space(MathSpace(mu: 6)))
        case "\\":
            return parseCommand()
        case "#", "$":
            pos += 1
            return TeXAtom(node: fallback(from: start, String(c), "\(c) has no meaning in a formula; shown as written"))
        default:
            if c.isASCII, c.isNumber { return TeXAtom(node: .number(readNumber())) }
            pos += 1
            if c.isLetter { return TeXAtom(node: .identifier(String(c))) }
            let tex = String(c)
            return TeXAtom(node: .symbol(TeXCommandTable.symbol(tex) ?? MathSymbol(tex: tex, character: tex, class: .ordinary)))
        }
    }

    /// Digits with at most one decimal point followed by a digit: `3.14`.
    private func readNumber() -> String {
        var text = ""
        while pos < chars.count, chars[pos].isASCII, chars[pos].isNumber { text.append(chars[pos]); pos += 1 }
        if pos + 1 < chars.count, chars[pos] == ".", chars[pos + 1].isASCII, chars[pos + 1].isNumber {
            text.append("."); pos += 1
            while pos < chars.count, chars[pos].isASCII, chars[pos].isNumber { text.append(chars[pos]); pos += 1 }
        }
        return text
    }

    /// A command's or script's argument: a braced group, one digit, or one token (a command with
    /// its own arguments); nil when there is none before a stop or the end.
    func parseArgument() -> MathNode? {
        skipSpace()
        guard pos < chars.count, peekStop([]) == nil else { return nil }
        if chars[pos] == "{" {
            guard let atom = parseBase() else { return nil }
            return atom.node
        }
        if chars[pos].isASCII, chars[pos].isNumber {
            pos += 1
            return .number(String(chars[pos - 1]))
        }
        // A style-only command is no argument: take the next token instead.
        while true {
            let before = pos
            if let atom = parseBase() { return atom.node }
            skipSpace()
            guard pos < chars.count, pos != before, peekStop([]) == nil else { return nil }
        }
    }

    /// An optional argument `[...]` right after a command, or nil when there is none. `ok` is
    /// false when the bracket is never closed (the cursor is then where reading stopped).
    func parseOptionalArgument() -> (node: MathNode?, ok: Bool) {
        skipSpace()
        guard pos < chars.count, chars[pos] == "[" else { return (nil, true) }
        pos += 1
        let items = parseSequence(until: TeXStop.bracket)
        guard pos < chars.count, chars[pos] == "]" else { return (nil, false) }
        pos += 1
        return (makeRow(items), true)
    }

    // MARK: Stops

    /// The stop at the cursor, if any. `]` is a stop only where a bracket is awaited.
    func peekStop(_ until: Set<TeXStop>) -> TeXStop? {
        guard pos < chars.count else { return nil }
        switch chars[pos] {
        case "}": return .closeBrace
        case "]": return until.contains(.closeBracket) ? .closeBracket : nil
        case "&": return .ampersand
        case "\\":
            guard pos + 1 < chars.count else { return nil }
            if chars[pos + 1] == "\\" { return .lineBreak }
            switch peekCommandName() {
            case "end": return .end
            case "right": return .right
            default: return nil
            }
        default: return nil
        }
    }

    /// A stop where it does not belong, kept as written with a warning.
    private func stray(_ stop: TeXStop) -> MathNode {
        let start = pos
        switch stop {
        case .closeBrace, .closeBracket:
            pos += 1
            return fallback(from: start, String(chars[start]), "\(chars[start]) without a matching opening; shown as written")
        case .ampersand:
            pos += 1
            return fallback(from: start, "&", "& outside a matrix, array or aligned environment; shown as written")
        case .lineBreak:
            pos += 2
            return fallback(from: start, "\\\\", "line break \\\\ outside a matrix, array or aligned environment; shown as written")
        case .end:
            pos += 4
            let name = readBracedName() ?? ""
            let construct = "\\end{\(name)}"
            return fallback(from: start, construct, "\(construct) without a matching \\begin{\(name)}; shown as written")
        case .right:
            pos += 6
            _ = readDelimiter()
            let construct = String(chars[start..<pos])
            return fallback(from: start, construct, "\(construct) without a matching \\left; shown as written")
        }
    }

    // MARK: Fallbacks

    /// The source from `start` to the cursor, kept as written, with one warning for it: any
    /// warnings from inside it are dropped, since the construct is shown whole.
    func fallback(from start: Int, _ construct: String, _ message: String) -> MathNode {
        let end = max(pos, start)
        // Reading goes left to right, so the warnings from inside are the last ones added.
        while let last = warnings.last, last.offset >= start, last.offset < end { warnings.removeLast() }
        warnings.append(TeXWarning(offset: start, construct: construct, message: message))
        return .unparsed(String(chars[start..<min(end, chars.count)]))
    }

    /// Adds a warning for something read but not shown exactly (a rule left out).
    func warn(at offset: Int, _ construct: String, _ message: String) {
        warnings.append(TeXWarning(offset: offset, construct: construct, message: message))
    }

    /// Past the nesting limit: the rest of the enclosing group, scanned without recursion, kept
    /// as written.
    private func tooDeep(from start: Int) -> MathNode {
        var level = 0
        scan: while pos < chars.count {
            switch chars[pos] {
            case "\\": pos += 1
            case "{": level += 1
            case "}":
                if level == 0 { break scan }
                level -= 1
            default: break
            }
            pos += 1
        }
        pos = min(max(pos, start + 1), chars.count)
        return fallback(from: start, String(chars[start..<min(start + 20, pos)]),
                        "nested more than \(maximumDepth) levels deep; shown as written")
    }

    // MARK: Cursor

    /// Skips white space and `%` comments, which math mode ignores.
    func skipSpace() {
        while pos < chars.count {
            if chars[pos] == "%" {
                while pos < chars.count, chars[pos] != "\n" { pos += 1 }
            } else if chars[pos].isWhitespace, chars[pos] != "\u{A0}" {
                pos += 1
            } else {
                return
            }
        }
    }

    /// The name of the command at the cursor (letters, or one other character), unconsumed.
    func peekCommandName() -> String? {
        guard pos < chars.count, chars[pos] == "\\", pos + 1 < chars.count else { return nil }
        var end = pos + 1
        while end < chars.count, chars[end].isASCII, chars[end].isLetter { end += 1 }
        if end == pos + 1 { return String(chars[pos + 1]) }
        return String(chars[(pos + 1)..<end])
    }

    /// `{name}` of an environment, raw; nil (cursor unmoved) when there is none.
    func readBracedName() -> String? {
        let start = pos
        skipSpace()
        guard pos < chars.count, chars[pos] == "{" else { pos = start; return nil }
        var end = pos + 1
        while end < chars.count, chars[end] != "}", chars[end] != "{", chars[end] != "\\", end - pos < 40 { end += 1 }
        guard end < chars.count, chars[end] == "}" else { pos = start; return nil }
        let name = String(chars[(pos + 1)..<end]).trimmingSpaces()
        pos = end + 1
        return name
    }

    /// A delimiter after `\left`, `\right` or `\big`; nil (cursor unmoved) when there is none.
    func readDelimiter() -> MathDelimiter? {
        let start = pos
        skipSpace()
        guard pos < chars.count else { pos = start; return nil }
        if chars[pos] == "\\", let name = peekCommandName() {
            if let delimiter = TeXDelimiterTable.byTeX["\\" + name] {
                pos += 1 + name.count
                return delimiter
            }
        } else if let delimiter = TeXDelimiterTable.byTeX[String(chars[pos])] {
            pos += 1
            return delimiter
        }
        pos = start
        return nil
    }

    // MARK: Trees

    /// A sequence as texmath builds it: one item stays unwrapped.
    func makeRow(_ items: [MathNode]) -> MathNode {
        items.count == 1 ? items[0] : .row(items)
    }

    /// A node's items when it is a row, else the node alone.
    func flattened(_ node: MathNode) -> [MathNode] {
        if case let .row(items) = node { return items }
        return [node]
    }
}

extension String {
    /// Without leading and trailing spaces (no Foundation in this module).
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
