import BPDocument

/// An estimate of how wide a formula is set, in ems of the math font: enough to tell when a
/// chain of equalities will not fit the text column. Widths are averages of a math font's
/// glyphs and TeX's spacing (thick spaces around relations, medium around binary operators).
enum MathWidth {
    static func of(_ node: MathNode) -> Double {
        switch node {
        case let .number(text): return Double(text.count) * 0.6 + (text.hasPrefix("-") ? 0.3 : 0)
        case let .identifier(name): return Double(name.count) * 0.6
        case let .symbol(symbol): return of(symbol)
        case let .function(name): return Double(name.count) * 0.5 + 0.17
        case let .text(text): return text.reduce(0) { $0 + ($1.isASCII ? 0.5 : 1.0) }
        // A computed value as the wider of itself and the handout's blank for it, so that the
        // solution and the handout break their formulas alike and their pages line up.
        case let .quantity(_, inner): return max(of(inner), of(Handout.blank(inner)))
        case let .styled(_, inner), let .written(_, inner), let .linked(_, inner): return of(inner)
        case let .unparsed(tex): return Double(tex.count) * 0.6
        case let .marked(mark, inner): return max(of(inner), 0.71 * Double(mark.claimed.count + 2) * 0.55)
        case .blank(.box): return 3.2
        case .blank(.line): return 4.7
        case let .row(nodes): return nodes.reduce(0) { $0 + of($1) }
        case let .subscripted(base, script), let .superscripted(base, script): return of(base) + 0.71 * of(script) + 0.05
        case let .subsuperscripted(base, sub, sup): return of(base) + 0.71 * max(of(sub), of(sup)) + 0.05
        case let .over(base, script, _), let .under(base, script, _): return max(of(base), 0.71 * of(script))
        case let .underOver(base, under, over): return max(of(base), 0.71 * of(under), 0.71 * of(over))
        case let .fraction(top, bottom): return max(of(top), of(bottom)) + 0.25
        case let .root(index, radicand): return of(radicand) + 1.0 + (index.map { 0.5 * of($0) } ?? 0)
        case let .matrix(rows, _):
            return columnWidths(rows).reduce(0, +) + Double(max(0, (rows.first?.count ?? 1) - 1)) * 0.9 + 1.5
        case let .array(_, rows, _, _):
            let columns = columnWidths(rows)
            return columns.reduce(0, +) + Double(columns.count) * 1.5
        case let .aligned(rows): return rows.map { $0.reduce(0) { $0 + of($1) } }.max() ?? 0
        case let .fenced(fence, inner):
            return of(inner) + (fence.open.isNone ? 0 : 0.45) + (fence.close.isNone ? 0 : 0.45)
        case let .space(space): return Double(space.mu) / 18
        }
    }

    private static func of(_ symbol: MathSymbol) -> Double {
        switch symbol.symbolClass {
        case .relation: return 0.78 + 0.56
        case .binary: return 0.78 + 0.44
        case .punctuation: return 0.3 + 0.17
        case .largeOperator: return 1.1
        case .alphabetic: return 0.6
        case .ordinary, .open, .close, .accent: return symbol.character == "\u{2061}" ? 0 : 0.5
        }
    }

    private static func columnWidths(_ rows: [[MathNode]]) -> [Double] {
        var widths: [Double] = []
        for row in rows {
            for (index, cell) in row.enumerated() {
                let width = of(cell)
                if index < widths.count { widths[index] = max(widths[index], width) } else { widths.append(width) }
            }
        }
        return widths
    }
}
