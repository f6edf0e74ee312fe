import BPDocument

/// Breaks display formulas wider than the text column onto aligned lines: a chain of
/// equalities after its relation signs, a part still too wide after its top-level binary
/// operators (inside a bracket too, which then opens on one line and closes on another).
/// Matrices are never broken; elision keeps them narrow.
struct LineBreaker {
    /// The column's width in ems of the math font.
    let width: Double

    /// Every display formula of `blocks`, broken where it is too wide.
    func apply(_ blocks: [Block]) -> [Block] {
        DocumentRewriter(block: { block in
            guard case let .displayMath(node) = block, MathWidth.of(node) > width,
                  let broken = breakChain(node) else { return nil }
            return [.displayMath(broken)]
        }).rewrite(blocks)
    }

    /// `lhs = a = b = c` as aligned lines `lhs = a = b` / `= c`, filled greedily.
    func breakChain(_ node: MathNode) -> MathNode? {
        guard case let .row(items) = node,
              let first = items.firstIndex(where: { isSymbol($0, of: .relation) }), first > 0 else { return nil }
        let lhs = MathNode.row(Array(items[..<first]))
        // [relation, part] pairs.
        var pieces: [[MathNode]] = []
        for item in items[first...] {
            if isSymbol(item, of: .relation) { pieces.append([item]) } else { pieces[pieces.count - 1].append(item) }
        }
        let indent = MathWidth.of(lhs)
        var lines: [[MathNode]] = []
        var current: [MathNode] = []
        for piece in pieces {
            let candidate = current + piece
            if current.isEmpty || indent + MathWidth.of(.row(candidate)) <= width {
                current = candidate
                continue
            }
            lines.append(current)
            current = piece
        }
        lines.append(current)
        // A line still too wide breaks again at its own operators.
        let rows = lines.flatMap { line in breakOperators(line, room: width - indent) }
        return .aligned(rows.enumerated().map { index, right in [index == 0 ? lhs : .row([]), .row(right)] })
    }

    /// A line's items, broken before top-level binary operators when wider than `room`; a
    /// bracketed sum that is the widest item is opened up so its terms can go on new lines.
    private func breakOperators(_ items: [MathNode], room: Double) -> [[MathNode]] {
        guard MathWidth.of(.row(items)) > room else { return [items] }
        // Terms: each starts at a binary operator and runs to the next one.
        var terms: [[MathNode]] = [[]]
        for item in items.flatMap(openUp) {
            if isSymbol(item, of: .binary), !terms[terms.count - 1].isEmpty { terms.append([]) }
            terms[terms.count - 1].append(item)
        }
        var lines: [[MathNode]] = []
        var current: [MathNode] = []
        for term in terms {
            if !current.isEmpty, MathWidth.of(.row(current + term)) > room {
                lines.append(current)
                // Continuation lines are indented past the relation that opens the first.
                current = [.space(.quad)] + term
            } else {
                current += term
            }
        }
        lines.append(current)
        return lines.map(closeBrackets)
    }

    /// The items of a row (and of a bracketed row) laid flat, the bracket marked by its halves.
    private func openUp(_ node: MathNode) -> [MathNode] {
        switch node {
        case let .row(inner): return inner.flatMap(openUp)
        case let .fenced(fence, .row(inner)) where inner.contains(where: { isSymbol($0, of: .binary) }):
            return [.fenced(MathFence(open: fence.open, close: .none), .row([]))] + inner
                + [.fenced(MathFence(open: .none, close: fence.close), .row([]))]
        default: return [node]
        }
    }

    /// Puts the halves of a bracket back around what lies between them on the same line; a
    /// half without its partner on the line encloses the rest of the line (past its indent).
    private func closeBrackets(_ line: [MathNode]) -> [MathNode] {
        var out: [MathNode] = []
        var open: (index: Int, delimiter: MathDelimiter)?
        func enclose(from start: Int, _ fence: MathFence) {
            let inside = Array(out[start...])
            out.removeSubrange(start...)
            out.append(.fenced(fence, .row(inside)))
        }
        for item in line {
            guard case let .fenced(fence, .row([])) = item, fence.open.isNone != fence.close.isNone else {
                out.append(item)
                continue
            }
            if fence.close.isNone {
                open = (out.count, fence.open)
            } else {
                let indent = out.prefix { if case .space = $0 { return true } else { return false } }.count
                enclose(from: open?.index ?? indent, MathFence(open: open?.delimiter ?? .none, close: fence.close))
                open = nil
            }
        }
        if let open { enclose(from: open.index, MathFence(open: open.delimiter, close: .none)) }
        return out
    }

    private func isSymbol(_ node: MathNode, of symbolClass: MathSymbolClass) -> Bool {
        if case let .symbol(symbol) = node { return symbol.symbolClass == symbolClass }
        return false
    }
}
