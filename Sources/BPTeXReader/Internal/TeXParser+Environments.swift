import BPDocument

/// Environments: `\begin{name} ... \end{name}`, read into matrices, arrays, cases and aligned
/// lines; any other environment is kept whole as written.
extension TeXParser {
    /// What an environment's rows become.
    enum EnvironmentKind {
        case matrix(MathFence)
        case array
        case cases
        case aligned
    }

    static let environments: [String: EnvironmentKind] = [
        "matrix": .matrix(.none), "smallmatrix": .matrix(.none), "pmatrix": .matrix(.parentheses),
        "bmatrix": .matrix(.brackets), "Bmatrix": .matrix(.braces), "vmatrix": .matrix(.bars),
        "Vmatrix": .matrix(.doubleBars), "array": .array, "cases": .cases, "dcases": .cases,
        "aligned": .aligned, "align": .aligned, "align*": .aligned, "split": .aligned,
    ]

    /// The environment after `\begin` (the cursor is past it).
    func parseEnvironment(from start: Int) -> TeXAtom {
        guard let name = readBracedName() else {
            return TeXAtom(node: fallback(from: start, "\\begin", "\\begin needs {name} after it; shown as written"))
        }
        let construct = "\\begin{\(name)}"
        guard let kind = Self.environments[name] else {
            skipEnvironment(name)
            return TeXAtom(node: fallback(from: start, construct, "unknown environment \(name); shown as written"))
        }
        var alignments: [ColumnAlignment] = []
        var columnRules = false
        if case .array = kind {
            skipPlacement()
            guard let spec = readBracedName(), let columns = columnSpecification(spec) else {
                skipEnvironment(name)
                return TeXAtom(node: fallback(from: start, construct, "the column specification of \(construct) is not understood (only l, c, r and |); shown as written"))
            }
            (alignments, columnRules) = columns
        }
        var rows: [[MathNode]] = []
        var rules: [(row: Int, offset: Int)] = []
        var cells: [MathNode] = []
        rowLoop: while true {
            // Rules come between rows, as \hline does.
            while true {
                skipSpace()
                guard peekCommandName() == "hline" else { break }
                rules.append((rows.count, pos))
                pos += 6
            }
            while true {
                cells.append(makeRow(parseSequence(until: TeXStop.cell)))
                switch peekStop(TeXStop.cell) {
                case .ampersand:
                    pos += 1
                case .lineBreak:
                    pos += 2
                    skipRowSpacing()
                    rows.append(cells)
                    cells = []
                    continue rowLoop
                case .end:
                    pos += 4
                    let endName = readBracedName()
                    guard endName == name else {
                        return TeXAtom(node: fallback(from: start, construct,
                                                      "\(construct) ends with \\end{\(endName ?? "")}; shown as written"))
                    }
                    rows.append(cells)
                    break rowLoop
                default:
                    return TeXAtom(node: fallback(from: start, construct, "\(construct) without a matching \\end{\(name)}; shown as written"))
                }
            }
        }
        // A \\ before \end starts no row.
        if let last = rows.last, last.count == 1, last[0] == .row([]) { rows.removeLast() }
        var header = false
        for rule in rules {
            if case .array = kind, rule.row == 1, rows.count > 1 {
                header = true
            } else {
                warn(at: rule.offset, "\\hline", "only a rule under the first row of an array can be shown; this \\hline is left out")
            }
        }
        let width = rows.map(\.count).max() ?? 0
        switch kind {
        case let .matrix(fence):
            return TeXAtom(node: .matrix(padded(rows, to: width), fence: fence))
        case .array:
            let columns = max(width, alignments.count)
            let all = alignments + Array(repeating: ColumnAlignment.center, count: columns - alignments.count)
            return TeXAtom(node: .array(alignments: all, rows: padded(rows, to: columns), header: header, columnRules: columnRules))
        case .cases:
            let table = MathNode.array(alignments: Array(repeating: .left, count: width), rows: padded(rows, to: width),
                                       header: false, columnRules: false)
            return TeXAtom(node: .fenced(.leftBrace, table))
        case .aligned:
            return TeXAtom(node: .aligned(rows))
        }
    }

    /// Rows filled with empty cells to one width, as the model's tables need.
    private func padded(_ rows: [[MathNode]], to width: Int) -> [[MathNode]] {
        rows.map { $0 + Array(repeating: MathNode.row([]), count: max(0, width - $0.count)) }
    }

    /// `{c|l}`: alignments, and whether there are rules between columns (the model draws all
    /// or none, so any `|` draws them all).
    private func columnSpecification(_ spec: String) -> ([ColumnAlignment], Bool)? {
        var alignments: [ColumnAlignment] = []
        var rules = false
        for c in spec {
            switch c {
            case "l": alignments.append(.left)
            case "c": alignments.append(.center)
            case "r": alignments.append(.right)
            case "|": rules = true
            case " ": continue
            default: return nil
            }
        }
        return alignments.isEmpty ? nil : (alignments, rules)
    }

    /// An array's vertical placement, `[t]`, which the model does not carry.
    private func skipPlacement() {
        let start = pos
        skipSpace()
        guard pos + 2 < chars.count, chars[pos] == "[", chars[pos + 2] == "]" else { pos = start; return }
        pos += 3
    }

    /// The extra space of `\\[4pt]`, which the model does not carry.
    private func skipRowSpacing() {
        guard pos < chars.count, chars[pos] == "[" else { return }
        var end = pos + 1
        while end < chars.count, end - pos < 20, chars[end] != "]", chars[end] != "\\", chars[end] != "{" { end += 1 }
        if end < chars.count, chars[end] == "]" { pos = end + 1 }
    }

    /// Past the `\end{name}` that closes an environment not read, without recursion; at an
    /// unmatched `}` or the end when there is none.
    private func skipEnvironment(_ name: String) {
        let opening = Array("\\begin{\(name)}")
        let closing = Array("\\end{\(name)}")
        var level = 0
        var braces = 0
        while pos < chars.count {
            if matches(opening, at: pos) {
                level += 1
                pos += opening.count
            } else if matches(closing, at: pos) {
                pos += closing.count
                if level == 0 { return }
                level -= 1
            } else {
                switch chars[pos] {
                case "\\": pos += 1
                case "{": braces += 1
                case "}":
                    if braces == 0 { return }
                    braces -= 1
                default: break
                }
                pos = min(pos + 1, chars.count)
            }
        }
    }

    private func matches(_ text: [Character], at index: Int) -> Bool {
        guard index + text.count <= chars.count else { return false }
        for offset in 0..<text.count where chars[index + offset] != text[offset] { return false }
        return true
    }
}
