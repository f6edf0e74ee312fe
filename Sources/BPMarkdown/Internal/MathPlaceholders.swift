import BPDocument

/// Puts the formulas back where the scanner left placeholders: inline math in the text, and
/// display math as blocks of their own (a paragraph around one is split there).
struct MathPlaceholders {
    /// Each formula and whether it is display math, by placeholder index.
    let formulas: [(node: MathNode, display: Bool)]

    func resolve(_ blocks: [Block]) -> [Block] {
        guard !formulas.isEmpty else { return blocks }
        // Inline formulas anywhere (display ones outside a paragraph, as in a heading, too).
        let inlines = DocumentRewriter(inline: { inline in
            guard case let .text(text) = inline, text.contains(DollarMathScanner.open) else { return nil }
            return pieces(text).map { piece in
                switch piece {
                case let .text(text): return .text(text)
                case let .formula(index): return .math(formulas[index].node)
                }
            }
        })
        return DocumentRewriter(block: { block in
            guard case let .paragraph(content) = block, content.contains(where: containsDisplay) else { return nil }
            return inlines.rewrite(split(content))
        }, inline: inlines.inline).rewrite(blocks)
    }

    private enum Piece {
        case text(String)
        case formula(Int)
    }

    private func pieces(_ text: String) -> [Piece] {
        var out: [Piece] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: DollarMathScanner.open),
              let close = rest[open...].firstIndex(of: DollarMathScanner.close),
              let index = Int(rest[rest.index(after: open)..<close]), formulas.indices.contains(index) {
            if open > rest.startIndex { out.append(.text(String(rest[..<open]))) }
            out.append(.formula(index))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { out.append(.text(String(rest))) }
        return out
    }

    private func containsDisplay(_ inline: Inline) -> Bool {
        guard case let .text(text) = inline else { return false }
        return pieces(text).contains { if case let .formula(index) = $0 { return formulas[index].display } else { return false } }
    }

    /// A paragraph with display math in it: the text before, the formula, the text after.
    private func split(_ inlines: [Inline]) -> [Block] {
        var blocks: [Block] = []
        var current: [Inline] = []
        func flush() {
            // Spaces and soft breaks left around a formula are no paragraph.
            let meaningful = current.contains { if case let .text(t) = $0 { return !t.allSatisfy(\.isWhitespace) } else { return true } }
            if meaningful { blocks.append(.paragraph(current)) }
            current = []
        }
        for inline in inlines {
            guard case let .text(text) = inline, text.contains(DollarMathScanner.open) else {
                current.append(inline)
                continue
            }
            for piece in pieces(text) {
                switch piece {
                case let .text(text): current.append(.text(text))
                case let .formula(index) where formulas[index].display:
                    flush()
                    blocks.append(.displayMath(formulas[index].node))
                case let .formula(index): current.append(.math(formulas[index].node))
                }
            }
        }
        flush()
        return blocks
    }
}
