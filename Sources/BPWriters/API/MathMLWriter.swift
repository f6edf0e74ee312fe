import BPDocument
import BPMarkdown

/// Writes a ``MathNode`` as MathML Core (what Chromium and Firefox render without scripts):
/// matrices as `mtable` between stretchy delimiters, minus signs as U+2212, and the TeX source
/// kept as an annotation. Symbols are written by their class; styled runs use Unicode's
/// mathematical alphanumerics, which MathML Core renders where `mathvariant` is not supported.
public enum MathMLWriter {
    /// A complete `<math>` element.
    public static func write(_ node: MathNode, display: Bool) -> String {
        let tex = LaTeXMathWriter.write(node)
        return "<math" + (display ? " display=\"block\"" : "") + "><semantics><mrow>" + body(node)
            + "</mrow><annotation encoding=\"application/x-tex\">" + HTMLText.escape(tex)
            + "</annotation></semantics></math>"
    }

    /// The presentation markup of a node, without the `<math>` element around it.
    public static func body(_ node: MathNode) -> String {
        render(node, nil)
    }

    /// `variant` is the style of an enclosing styled run.
    private static func render(_ node: MathNode, _ variant: MathVariant?) -> String {
        func inner(_ node: MathNode) -> String { render(node, variant) }
        func wrapped(_ node: MathNode) -> String { wrap(node, variant) }
        switch node {
        case let .number(text):
            let digits = text.hasPrefix("-") ? String(text.dropFirst()) : text
            let number = "<mn>" + HTMLText.escape(MathAlphabets.styled(digits, variant)) + "</mn>"
            return text.hasPrefix("-") ? "<mrow><mo>\u{2212}</mo>" + number + "</mrow>" : number
        case let .identifier(name):
            if variant == .upright { return "<mi mathvariant=\"normal\">" + HTMLText.escape(name) + "</mi>" }
            return "<mi>" + HTMLText.escape(MathAlphabets.styled(name, variant)) + "</mi>"
        case let .symbol(symbol): return markup(symbol)
        case let .function(name): return "<mi>" + HTMLText.escape(MathAlphabets.styled(name, variant)) + "</mi>"
        // Spaces at the ends of mtext would collapse: keep them as no-break spaces.
        case let .text(text):
            return "<mtext>" + HTMLText.escape(MathAlphabets.styled(String(text.map { $0 == " " ? "\u{A0}" : $0 }), variant)) + "</mtext>"
        case let .styled(style, content): return render(content, style)
        case let .row(nodes): return "<mrow>" + row(nodes, variant) + "</mrow>"
        case let .subscripted(base, sub): return "<msub>" + wrapped(base) + wrapped(sub) + "</msub>"
        // A prime is a raised glyph already: set as a superscript it shrinks into an accent.
        case let .superscripted(base, sup) where isPrime(sup): return "<mrow>" + inner(base) + prime(sup) + "</mrow>"
        case let .superscripted(base, sup): return "<msup>" + wrapped(base) + wrapped(sup) + "</msup>"
        case let .subsuperscripted(base, sub, sup) where isPrime(sup):
            return "<mrow><msub>" + wrapped(base) + wrapped(sub) + "</msub>" + prime(sup) + "</mrow>"
        case let .subsuperscripted(base, sub, sup): return "<msubsup>" + wrapped(base) + wrapped(sub) + wrapped(sup) + "</msubsup>"
        case let .over(base, over, accent):
            return "<mover" + (accent ? " accent=\"true\"" : "") + ">" + wrapped(base) + wrapped(over) + "</mover>"
        case let .under(base, under, accent):
            return "<munder" + (accent ? " accentunder=\"true\"" : "") + ">" + wrapped(base) + wrapped(under) + "</munder>"
        case let .underOver(base, under, over): return "<munderover>" + wrapped(base) + wrapped(under) + wrapped(over) + "</munderover>"
        case let .fraction(top, bottom): return "<mfrac>" + wrapped(top) + wrapped(bottom) + "</mfrac>"
        case let .root(index?, radicand): return "<mroot>" + wrapped(radicand) + wrapped(index) + "</mroot>"
        case let .root(nil, radicand): return "<msqrt>" + inner(radicand) + "</msqrt>"
        case let .matrix(rows, fence):
            // Display style in the cells, so a fraction in a matrix is as legible as one outside.
            let table = "<mtable>" + rows.map { "<mtr>" + $0.map { "<mtd displaystyle=\"true\">" + inner($0) + "</mtd>" }.joined() + "</mtr>" }.joined() + "</mtable>"
            return fenced(fence, table)
        case let .array(alignments, rows, header, columnRules):
            let align = alignments.map { alignment -> String in
                switch alignment { case .left: return "left"; case .center: return "center"; case .right: return "right" }
            }
            var classes = ["bp-array"]
            if header { classes.append("bp-header") }
            if columnRules { classes.append("bp-rules") }
            let rowsMarkup = rows.map { row in
                "<mtr>" + row.enumerated().map { index, cell in
                    "<mtd class=\"bp-\(index < align.count ? align[index] : "center")\" displaystyle=\"true\">" + inner(cell) + "</mtd>"
                }.joined() + "</mtr>"
            }.joined()
            return "<mtable class=\"\(classes.joined(separator: " "))\">" + rowsMarkup + "</mtable>"
        case let .aligned(rows):
            let rowsMarkup = rows.map { row in
                "<mtr>" + row.enumerated().map { index, cell in
                    "<mtd class=\"bp-" + (index % 2 == 0 ? "right" : "left") + "\" displaystyle=\"true\">" + inner(cell) + "</mtd>"
                }.joined() + "</mtr>"
            }.joined()
            return "<mtable class=\"bp-aligned\">" + rowsMarkup + "</mtable>"
        case let .fenced(fence, content): return fenced(fence, inner(content))
        case let .space(space): return "<mspace width=\"" + width(space) + "\"></mspace>"
        // The key goes on the page, for scripts and tests that address a value (a handout's
        // blank, a checked entry, a hover).
        case let .quantity(key, content): return "<mrow data-q=\"" + HTMLText.escape(key.description) + "\">" + inner(content) + "</mrow>"
        // The part in a substitution goes on the element that holds the value (an mrow as a
        // rule: a fenced matrix, a keyed value), so the MathML is the same apart from attributes.
        case let .linked(link, content):
            let attributes = " data-link=\"" + HTMLText.escape(link.group) + "\" data-role=\"" + link.role.rawValue + "\""
            let markup = inner(content)
            if markup.hasPrefix("<mrow>") || markup.hasPrefix("<mrow ") { return "<mrow" + attributes + markup.dropFirst(5) }
            return "<mrow" + attributes + ">" + markup + "</mrow>"
        case let .written(_, content): return inner(content)
        // Marked, so a reader sees it is TeX the tool did not understand.
        case let .unparsed(tex): return "<mtext class=\"bp-tex\">" + HTMLText.escape(tex) + "</mtext>"
        // Sized for a written fraction; the stylesheet draws the box or the line.
        case .blank(.box): return "<mspace class=\"bp-box\" width=\"3em\" height=\"1.5em\" depth=\"1em\"></mspace>"
        case .blank(.line): return "<mspace class=\"bp-line\" width=\"4.5em\" height=\"1.2em\" depth=\"0.3em\"></mspace>"
        // A symbol as well as a colour, so the verdict reads in print and without colour.
        case let .marked(mark, content):
            let symbol = mark.verdict == .right ? "\u{2713}" : mark.verdict == .new ? "\u{2717}" : "\u{2192}"
            let note = mark.verdict == .right ? symbol : symbol + "\u{A0}" + mark.claimed
            return "<munder class=\"bp-claim bp-claim-\(mark.verdict.rawValue)\"><mrow>" + inner(content)
                + "</mrow><mtext>" + HTMLText.escape(note) + "</mtext></munder>"
        }
    }

    /// A row's children, with U+2061 (function application) after a function name, so `log a`
    /// is not set as `loga`: a thin space before an argument, none before a parenthesis (as TeX
    /// spaces `\log x` and `\log(x)`).
    private static func row(_ nodes: [MathNode], _ variant: MathVariant?) -> String {
        var out = ""
        for (index, node) in nodes.enumerated() {
            out += render(node, variant)
            guard isFunction(node), index + 1 < nodes.count else { continue }
            switch nodes[index + 1] {
            case .symbol(.functionApplication): break
            case .fenced: out += "<mo>\u{2061}</mo>"
            default: out += "<mo rspace=\"0.1667em\">\u{2061}</mo>"
            }
        }
        return out
    }

    /// A function name, alone or with a script (`tanh^2`).
    private static func isFunction(_ node: MathNode) -> Bool {
        switch node.unannotated {
        case .function: return true
        case let .superscripted(base, _), let .subscripted(base, _), let .subsuperscripted(base, _, _): return isFunction(base)
        case let .written(_, inner): return isFunction(inner)
        default: return false
        }
    }

    private static func isPrime(_ node: MathNode) -> Bool {
        guard case let .symbol(symbol) = node else { return false }
        return ["\u{2032}", "\u{2033}", "\u{2034}"].contains(symbol.character)
    }

    private static func prime(_ node: MathNode) -> String {
        guard case let .symbol(symbol) = node else { return "" }
        return "<mo lspace=\"0\" rspace=\"0\">" + symbol.character + "</mo>"
    }

    /// Script, fraction and root elements take exactly one child each: group rows.
    private static func wrap(_ node: MathNode, _ variant: MathVariant?) -> String {
        switch node {
        case .row: return render(node, variant)
        case .quantity, .linked: return render(node, variant)
        case let .written(_, inner): return wrap(inner, variant)
        default: return "<mrow>" + render(node, variant) + "</mrow>"
        }
    }

    private static func fenced(_ fence: MathFence, _ content: String) -> String {
        func delimiter(_ d: MathDelimiter, _ form: String) -> String {
            d.isNone ? "" : "<mo stretchy=\"true\" form=\"\(form)\">" + HTMLText.escape(d.character) + "</mo>"
        }
        return "<mrow>" + delimiter(fence.open, "prefix") + content + delimiter(fence.close, "postfix") + "</mrow>"
    }

    /// A symbol's element, decided by its class alone.
    static func markup(_ symbol: MathSymbol) -> String {
        let character = HTMLText.escape(symbol.character)
        switch symbol.symbolClass {
        case .alphabetic:
            // A symbol that is a Latin letter is no variable: keep it upright.
            let isLatinLetter = symbol.character.count == 1 && symbol.character.unicodeScalars.allSatisfy {
                ("A"..."Z").contains($0) || ("a"..."z").contains($0)
            }
            return (isLatinLetter ? "<mi mathvariant=\"normal\">" : "<mi>") + character + "</mi>"
        case .largeOperator: return "<mo largeop=\"true\" movablelimits=\"true\">" + character + "</mo>"
        case .punctuation: return "<mo separator=\"true\">" + character + "</mo>"
        case .open: return "<mo form=\"prefix\">" + character + "</mo>"
        case .close: return "<mo form=\"postfix\">" + character + "</mo>"
        case .ordinary, .binary, .relation, .accent: return "<mo>" + character + "</mo>"
        }
    }

    /// `0.1667em` for a thin space, `1em` for a quad: ems to four places, trailing zeros dropped.
    private static func width(_ space: MathSpace) -> String {
        let tenThousandths = (abs(space.mu) * 10_000 + 9) / 18
        var text = String(tenThousandths / 10_000)
        let fraction = tenThousandths % 10_000
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 4 - digits.count) + digits
            while digits.last == "0" { digits.removeLast() }
            text += "." + digits
        }
        return (space.mu < 0 ? "-" : "") + text + "em"
    }
}
