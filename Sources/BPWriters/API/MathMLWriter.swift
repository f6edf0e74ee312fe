import BPDocument

/// Writes a ``MathNode`` as MathML Core (what Chromium and Firefox render without scripts):
/// matrices as `mtable` between stretchy brackets, minus signs as U+2212, and the TeX source
/// kept as an annotation.
public enum MathMLWriter {
    /// A complete `<math>` element.
    public static func write(_ node: MathNode, display: Bool) -> String {
        let tex = LaTeXMathWriter.write(node)
        return "<math" + (display ? " display=\"block\"" : "") + "><semantics><mrow>" + body(node)
            + "</mrow><annotation encoding=\"application/x-tex\">" + HTMLEscaping.escape(tex)
            + "</annotation></semantics></math>"
    }

    /// The presentation markup of a node.
    static func body(_ node: MathNode) -> String {
        switch node {
        case let .number(text):
            if text.hasPrefix("-") { return "<mrow><mo>\u{2212}</mo><mn>" + HTMLEscaping.escape(String(text.dropFirst())) + "</mn></mrow>" }
            return "<mn>" + HTMLEscaping.escape(text) + "</mn>"
        case let .identifier(name): return "<mi>" + HTMLEscaping.escape(name) + "</mi>"
        case let .symbol(symbol): return markup(symbol)
        case let .function(name): return "<mi>" + HTMLEscaping.escape(name) + "</mi>"
        // Spaces at the ends of mtext would collapse: keep them as no-break spaces.
        case let .text(text): return "<mtext>" + HTMLEscaping.escape(String(text.map { $0 == " " ? "\u{A0}" : $0 })) + "</mtext>"
        case let .row(nodes): return "<mrow>" + nodes.map(body).joined() + "</mrow>"
        case let .subscripted(base, sub): return "<msub>" + wrapped(base) + wrapped(sub) + "</msub>"
        case let .superscripted(base, sup): return "<msup>" + wrapped(base) + wrapped(sup) + "</msup>"
        case let .subsuperscripted(base, sub, sup): return "<msubsup>" + wrapped(base) + wrapped(sub) + wrapped(sup) + "</msubsup>"
        case let .fraction(top, bottom): return "<mfrac>" + wrapped(top) + wrapped(bottom) + "</mfrac>"
        case let .matrix(rows):
            return "<mrow><mo stretchy=\"true\" form=\"prefix\">(</mo>" + table(rows, attributes: "")
                + "<mo stretchy=\"true\" form=\"postfix\">)</mo></mrow>"
        case let .array(alignments, rows, header, columnRules):
            let align = alignments.map { alignment -> String in
                switch alignment { case .left: return "left"; case .center: return "center"; case .right: return "right" }
            }
            var classes = ["bp-array"]
            if header { classes.append("bp-header") }
            if columnRules { classes.append("bp-rules") }
            let rowsMarkup = rows.map { row in
                "<mtr>" + row.enumerated().map { index, cell in
                    "<mtd class=\"bp-\(index < align.count ? align[index] : "center")\" displaystyle=\"true\">" + body(cell) + "</mtd>"
                }.joined() + "</mtr>"
            }.joined()
            return "<mtable class=\"\(classes.joined(separator: " "))\">" + rowsMarkup + "</mtable>"
        case let .fenced(fence, inner):
            let (open, close) = fence == .parentheses ? ("(", ")") : ("[", "]")
            return "<mrow><mo stretchy=\"true\" form=\"prefix\">\(open)</mo>" + body(inner)
                + "<mo stretchy=\"true\" form=\"postfix\">\(close)</mo></mrow>"
        case let .space(space): return "<mspace width=\"" + (space == .quad ? "1em" : "0.1667em") + "\"></mspace>"
        }
    }

    private static func table(_ rows: [[MathNode]], attributes: String) -> String {
        "<mtable\(attributes)>" + rows.map { "<mtr>" + $0.map { "<mtd>" + body($0) + "</mtd>" }.joined() + "</mtr>" }.joined() + "</mtable>"
    }

    /// Script and fraction elements take exactly one child each: group rows.
    private static func wrapped(_ node: MathNode) -> String {
        if case .row = node { return body(node) }
        return "<mrow>" + body(node) + "</mrow>"
    }

    static func markup(_ symbol: MathSymbol) -> String {
        switch symbol {
        case .sigma: return "<mi>\u{3C3}</mi>"
        case .delta: return "<mi>\u{3B4}</mi>"
        case .partial: return "<mi>\u{2202}</mi>"
        case .odot: return "<mo>\u{2299}</mo>"
        case .times: return "<mo>\u{D7}</mo>"
        case .plus: return "<mo>+</mo>"
        case .minus: return "<mo>\u{2212}</mo>"
        case .equals: return "<mo>=</mo>"
        case .rightarrow: return "<mo>\u{2192}</mo>"
        case .longrightarrow: return "<mo>\u{27F6}</mo>"
        case .comma: return "<mo separator=\"true\">,</mo>"
        case .cdots: return "<mo>\u{22EF}</mo>"
        case .vdots: return "<mo>\u{22EE}</mo>"
        case .ddots: return "<mo>\u{22F1}</mo>"
        case .sum: return "<mo largeop=\"true\" movablelimits=\"true\">\u{2211}</mo>"
        case .prime: return "<mo>\u{2032}</mo>"
        case .transpose: return "<mi mathvariant=\"normal\">T</mi>"
        case .greater: return "<mo>&gt;</mo>"
        }
    }
}
