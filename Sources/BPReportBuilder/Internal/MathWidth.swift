import BPDocument

/// An estimate of how wide a formula is set, in ems of the math font: enough to tell when a
/// chain of equalities will not fit the text column. Widths are averages of a math font's
/// glyphs and TeX's spacing (thick spaces around relations, medium around binary operators).
enum MathWidth {
    static func of(_ node: MathNode) -> Double {
        switch node {
        case let .number(text): return Double(characters(text)) * 0.6 + (text.utf8.first == UInt8(ascii: "-") ? 0.3 : 0)
        case let .identifier(name): return Double(characters(name)) * 0.6
        case let .symbol(symbol): return of(symbol)
        case let .function(name): return Double(name.count) * 0.5 + 0.17
        case let .text(text): return text.reduce(0) { $0 + ($1.isASCII ? 0.5 : 1.0) }
        // A computed value as the wider of itself and the handout's blank for it, so that the
        // solution and the handout break their formulas alike and their pages line up.
        case let .quantity(_, inner): return max(of(inner), blankWidth(inner))
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
        case let .matrix(rows, _): return matrixWidth(rows, cell: of)
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

    /// `of(Handout.blank(value))`, worked out without making the blank: a matrix of boxes was
    /// made for every keyed value of a report only to be measured.
    static func blankWidth(_ value: MathNode) -> Double {
        switch value {
        case let .matrix(rows, _):
            return matrixWidth(rows) { cell in Handout.keepsInBlank(cell) ? of(cell) : of(.blank(.box)) }
        case let .row(parts) where parts.count == 3:
            if case .matrix = parts[2] { return blankWidth(parts[2]) }
            return of(.blank(.line))
        default:
            return of(.blank(.line))
        }
    }

    private static func matrixWidth(_ rows: [[MathNode]], cell width: (MathNode) -> Double) -> Double {
        columnWidths(rows, cell: width).reduce(0, +) + Double(max(0, (rows.first?.count ?? 1) - 1)) * 0.9 + 1.5
    }

    /// The number of Characters of `text`, from its bytes when they are ASCII (numbers and names).
    private static func characters(_ text: String) -> Int {
        let utf8 = text.utf8
        // A carriage return could pair with a line feed into one Character.
        return utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) ? utf8.count : text.count
    }

    private static func columnWidths(_ rows: [[MathNode]], cell measure: (MathNode) -> Double = of) -> [Double] {
        var widths: [Double] = []
        for row in rows {
            for (index, cell) in row.enumerated() {
                let width = measure(cell)
                if index < widths.count { widths[index] = max(widths[index], width) } else { widths.append(width) }
            }
        }
        return widths
    }
}
