import BPDocument

/// Commands: what follows a backslash, with its arguments.
extension TeXParser {
    /// The command at the cursor; nil for one that only changes style or numbering.
    func parseCommand() -> TeXAtom? {
        let start = pos
        guard let name = peekCommandName() else {
            pos += 1
            return TeXAtom(node: fallback(from: start, "\\", "a backslash with nothing after it; shown as written"))
        }
        pos += 1 + name.count
        let command = "\\" + name
        if let space = TeXCommandTable.spaces[name] { return TeXAtom(node: .space(space)) }
        if TeXCommandTable.ignored.contains(name) || TeXCommandTable.switches[name] != nil { return nil }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            guard let args = arguments(2) else { return missing(from: start, command, 2) }
            return TeXAtom(node: .fraction(args[0], args[1]))
        case "sqrt":
            let index = parseOptionalArgument()
            guard index.ok else { return unclosedBracket(from: start, command) }
            guard let radicand = parseArgument() else { return missing(from: start, command, 1) }
            return TeXAtom(node: .root(index: index.node, radicand))
        case "left": return parseLeft(from: start)
        case "begin": return parseEnvironment(from: start)
        case "operatorname":
            // The starred form sets its scripts as limits, as \lim does in display.
            let starred = pos < chars.count && chars[pos] == "*"
            if starred { pos += 1 }
            guard let arg = parseArgument() else { return missing(from: start, command, 1) }
            return TeXAtom(node: operatorName(arg) ?? .styled(.upright, arg), limits: starred ? .limits : .beside)
        case "mathop":
            guard let arg = parseArgument() else { return missing(from: start, command, 1) }
            return TeXAtom(node: operatorName(arg) ?? arg, limits: .operatorDefault)
        case "overset", "stackrel", "underset":
            guard let args = arguments(2) else { return missing(from: start, command, 2) }
            if name == "underset" { return TeXAtom(node: .under(args[1], args[0], accent: false)) }
            // What the LaTeX writer makes of limits on a base that is no operator reads back as such.
            if case let .under(base, below, false) = args[1] {
                return TeXAtom(node: .underOver(base, under: below, over: args[0]))
            }
            return TeXAtom(node: .over(args[1], args[0], accent: false))
        case "xrightarrow", "xleftarrow":
            let below = parseOptionalArgument()
            guard below.ok else { return unclosedBracket(from: start, command) }
            guard let above = parseArgument() else { return missing(from: start, command, 1) }
            let arrow = MathNode.symbol(name == "xrightarrow" ? .longrightarrow : TeXCommandTable.symbol("\\longleftarrow")!)
            if let below = below.node { return TeXAtom(node: .underOver(arrow, under: below, over: above)) }
            return TeXAtom(node: .over(arrow, above, accent: false))
        case "mspace": return parseMuSpace(from: start)
        case "hline":
            return TeXAtom(node: fallback(from: start, command, "\\hline only draws a rule between the rows of an array; shown as written"))
        default: break
        }
        if let variant = TeXCommandTable.texts[name] { return parseText(from: start, command: command, variant: variant) }
        if let variant = TeXCommandTable.styles[name] {
            guard let arg = parseArgument() else { return missing(from: start, command, 1) }
            return TeXAtom(node: .styled(variant, TeXCommandTable.wordStyles.contains(variant) ? mergedLetters(arg) : arg))
        }
        if TeXCommandTable.functions.contains(name) { return TeXAtom(node: .function(name)) }
        if TeXCommandTable.overAccents.contains(name) || TeXCommandTable.underAccents.contains(name) {
            guard let arg = parseArgument() else { return missing(from: start, command, 1) }
            let mark = MathNode.symbol(TeXCommandTable.symbol(command)!)
            // A brace takes its label as a limit: \underbrace{x}_{n}.
            let limits: TeXLimits = name.hasSuffix("brace") ? .limits : .beside
            if TeXCommandTable.underAccents.contains(name) { return TeXAtom(node: .under(arg, mark, accent: true), limits: limits) }
            return TeXAtom(node: .over(arg, mark, accent: true), limits: limits)
        }
        if TeXDelimiterTable.sizes.contains(name) {
            guard let delimiter = readDelimiter() else {
                return TeXAtom(node: fallback(from: start, command, "\(command) needs a delimiter after it; shown as written"))
            }
            if delimiter.isNone { return TeXAtom(node: .row([]), isGroup: true) }
            return TeXAtom(node: .symbol(TeXCommandTable.symbol(delimiter.tex)
                    ?? MathSymbol(tex: delimiter.tex, character: delimiter.character, class: .ordinary)))
        }
        if let symbol = TeXCommandTable.symbol(command) {
            return TeXAtom(node: .symbol(symbol), limits: symbol.symbolClass == .largeOperator ? .operatorDefault : .beside)
        }
        return TeXAtom(node: fallback(from: start, command, "unknown command \(command); shown as written"))
    }

    /// `count` arguments, or nil when one is missing.
    private func arguments(_ count: Int) -> [MathNode]? {
        var args: [MathNode] = []
        for _ in 0..<count {
            guard let arg = parseArgument() else { return nil }
            args.append(arg)
        }
        return args
    }

    private func missing(from start: Int, _ command: String, _ count: Int) -> TeXAtom {
        TeXAtom(node: fallback(from: start, command,
                               "\(command) needs \(count) argument\(count == 1 ? "" : "s") after it; shown as written"))
    }

    private func unclosedBracket(from start: Int, _ command: String) -> TeXAtom {
        TeXAtom(node: fallback(from: start, command, "\(command)[ is never closed with ]; shown as written"))
    }

    /// `\left` delimiter ... `\right` delimiter. A bare matrix between them takes them as its
    /// fence, as the LaTeX writer spells a matrix with unusual delimiters.
    private func parseLeft(from start: Int) -> TeXAtom {
        guard let open = readDelimiter() else {
            return TeXAtom(node: fallback(from: start, "\\left", "\\left needs a delimiter after it; shown as written"))
        }
        let construct = "\\left" + open.tex
        let items = parseSequence(until: TeXStop.left)
        guard peekStop(TeXStop.left) == .right else {
            return TeXAtom(node: fallback(from: start, construct, "\(construct) without a matching \\right; shown as written"))
        }
        pos += 6
        guard let close = readDelimiter() else {
            return TeXAtom(node: fallback(from: start, construct, "\\right needs a delimiter after it; shown as written"))
        }
        let fence = MathFence(open: open, close: close)
        let content = makeRow(items)
        if case let .matrix(rows, bare) = content, bare == MathFence.none, fence != MathFence.none { return TeXAtom(node: .matrix(rows, fence: fence)) }
        return TeXAtom(node: .fenced(fence, content))
    }

    /// `\mspace{6mu}`.
    private func parseMuSpace(from start: Int) -> TeXAtom {
        if let text = readBracedName(), text.hasSuffix("mu") {
            let digits = String(text.dropLast(2)).trimmingSpaces()
            if let mu = Int(digits), abs(mu) <= 1000 { return TeXAtom(node: .space(MathSpace(mu: mu))) }
        }
        return TeXAtom(node: fallback(from: start, "\\mspace", "\\mspace needs a width in mu, such as {6mu}; shown as written"))
    }

    /// An operator's name from its argument when that is only letters and digits: `argmax`.
    private func operatorName(_ node: MathNode) -> MathNode? {
        var name = ""
        for item in flattened(node) {
            switch item {
            case let .identifier(text), let .number(text), let .styled(.upright, .identifier(text)): name += text
            case .space: continue
            default: return nil
            }
        }
        return name.isEmpty ? nil : .function(name)
    }

    /// Runs of letters made one identifier, as a name in `\mathrm{lr}` is one word.
    private func mergedLetters(_ node: MathNode) -> MathNode {
        var items: [MathNode] = []
        for item in flattened(node) {
            if case let .identifier(letter) = item, case let .identifier(word)? = items.last {
                items[items.count - 1] = .identifier(word + letter)
            } else {
                items.append(item)
            }
        }
        return makeRow(items)
    }
}
