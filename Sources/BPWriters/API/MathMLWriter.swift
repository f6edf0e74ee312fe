import BPDocument

/// Writes a ``MathNode`` as MathML Core (what Chromium and Firefox render without scripts):
/// matrices as `mtable` between stretchy delimiters, minus signs as U+2212, and the TeX source
/// kept as an annotation. Symbols are written by their class; styled runs use Unicode's
/// mathematical alphanumerics, which MathML Core renders where `mathvariant` is not supported.
public enum MathMLWriter {
    /// A complete `<math>` element.
    public static func write(_ node: MathNode, display: Bool) -> String {
        String(decoding: markup(node, display: display), as: UTF8.self)
    }

    /// ``write(_:display:)``'s element as UTF-8, for libcmark, which copies the bytes.
    static func markup(_ node: MathNode, display: Bool) -> [UInt8] {
        var out = TextBuffer(capacity: 512)
        out += display ? "<math display=\"block\"><semantics><mrow>" : "<math><semantics><mrow>"
        render(node, nil, into: &out)
        out += "</mrow><annotation encoding=\"application/x-tex\">"
        LaTeXMathWriter.plain.write(node, escapingHTMLInto: &out)
        out += "</annotation></semantics></math>"
        return out.utf8
    }

    /// The presentation markup of a node, without the `<math>` element around it.
    public static func body(_ node: MathNode) -> String {
        var out = TextBuffer()
        render(node, nil, into: &out)
        return out.text
    }

    /// Appends the markup of `node` to `out`; `variant` is the style of an enclosing styled
    /// run. One buffer for the whole formula: a string returned by every level and joined by
    /// its parent was copied once per level.
    private static func render(_ node: MathNode, _ variant: MathVariant?, into out: inout TextBuffer) {
        func inner(_ node: MathNode) { render(node, variant, into: &out) }
        func wrapped(_ node: MathNode) { wrap(node, variant, into: &out) }
        switch node {
        case let .number(text):
            let negative = text.hasPrefix("-")
            let digits = negative ? String(text.dropFirst()) : text
            if negative { out += "<mrow><mo>\u{2212}</mo>" }
            out += "<mn>"
            out.appendEscapingHTML(MathAlphabets.styled(digits, variant))
            out += "</mn>"
            if negative { out += "</mrow>" }
        case let .identifier(name):
            if variant == .upright {
                out += "<mi mathvariant=\"normal\">"
                out.appendEscapingHTML(name)
            } else {
                out += "<mi>"
                out.appendEscapingHTML(MathAlphabets.styled(name, variant))
            }
            out += "</mi>"
        case let .symbol(symbol): markup(symbol, into: &out)
        case let .function(name):
            out += "<mi>"
            out.appendEscapingHTML(MathAlphabets.styled(name, variant))
            out += "</mi>"
        // Spaces at the ends of mtext would collapse: keep them as no-break spaces.
        case let .text(text):
            out += "<mtext>"
            out.appendEscapingHTML(MathAlphabets.styled(String(text.map { $0 == " " ? "\u{A0}" : $0 }), variant))
            out += "</mtext>"
        case let .styled(style, content): render(content, style, into: &out)
        case let .row(nodes):
            out += "<mrow>"
            row(nodes, variant, into: &out)
            out += "</mrow>"
        case let .subscripted(base, sub):
            out += "<msub>"; wrapped(base); wrapped(sub); out += "</msub>"
        // A prime is a raised glyph already: set as a superscript it shrinks into an accent.
        case let .superscripted(base, sup) where isPrime(sup):
            out += "<mrow>"; inner(base); out += prime(sup); out += "</mrow>"
        case let .superscripted(base, sup):
            out += "<msup>"; wrapped(base); wrapped(sup); out += "</msup>"
        case let .subsuperscripted(base, sub, sup) where isPrime(sup):
            out += "<mrow><msub>"; wrapped(base); wrapped(sub); out += "</msub>"; out += prime(sup); out += "</mrow>"
        case let .subsuperscripted(base, sub, sup):
            out += "<msubsup>"; wrapped(base); wrapped(sub); wrapped(sup); out += "</msubsup>"
        case let .over(base, over, accent):
            out += accent ? "<mover accent=\"true\">" : "<mover>"; wrapped(base); wrapped(over); out += "</mover>"
        case let .under(base, under, accent):
            out += accent ? "<munder accentunder=\"true\">" : "<munder>"; wrapped(base); wrapped(under); out += "</munder>"
        case let .underOver(base, under, over):
            out += "<munderover>"; wrapped(base); wrapped(under); wrapped(over); out += "</munderover>"
        case let .fraction(top, bottom):
            out += "<mfrac>"; wrapped(top); wrapped(bottom); out += "</mfrac>"
        case let .root(index?, radicand):
            out += "<mroot>"; wrapped(radicand); wrapped(index); out += "</mroot>"
        case let .root(nil, radicand):
            out += "<msqrt>"; inner(radicand); out += "</msqrt>"
        case let .matrix(rows, fence):
            // Display style in the cells, so a fraction in a matrix is as legible as one outside.
            fenced(fence, into: &out) { out in
                out += "<mtable>"
                for row in rows {
                    out += "<mtr>"
                    for cell in row {
                        out += "<mtd displaystyle=\"true\">"
                        render(cell, variant, into: &out)
                        out += "</mtd>"
                    }
                    out += "</mtr>"
                }
                out += "</mtable>"
            }
        case let .array(alignments, rows, header, columnRules):
            let align = alignments.map { alignment -> String in
                switch alignment { case .left: return "left"; case .center: return "center"; case .right: return "right" }
            }
            var classes = ["bp-array"]
            if header { classes.append("bp-header") }
            if columnRules { classes.append("bp-rules") }
            out += "<mtable class=\"\(classes.joined(separator: " "))\">"
            for row in rows {
                out += "<mtr>"
                for (index, cell) in row.enumerated() {
                    out += "<mtd class=\"bp-\(index < align.count ? align[index] : "center")\" displaystyle=\"true\">"
                    inner(cell)
                    out += "</mtd>"
                }
                out += "</mtr>"
            }
            out += "</mtable>"
        case let .aligned(rows):
            out += "<mtable class=\"bp-aligned\">"
            for row in rows {
                out += "<mtr>"
                for (index, cell) in row.enumerated() {
                    out += index % 2 == 0 ? "<mtd class=\"bp-right\" displaystyle=\"true\">" : "<mtd class=\"bp-left\" displaystyle=\"true\">"
                    inner(cell)
                    out += "</mtd>"
                }
                out += "</mtr>"
            }
            out += "</mtable>"
        case let .fenced(fence, content): fenced(fence, into: &out) { out in render(content, variant, into: &out) }
        case let .space(space):
            out += "<mspace width=\""; out += width(space); out += "\"></mspace>"
        // The key goes on the page, for scripts and tests that address a value (a handout's
        // blank, a checked entry, a hover).
        case let .quantity(key, content):
            out += "<mrow data-q=\""; out.appendEscapingHTML(key.description); out += "\">"; inner(content); out += "</mrow>"
        // The part in a substitution goes on the element that holds the value (an mrow as a
        // rule: a fenced matrix, a keyed value), so the MathML is the same apart from attributes.
        case let .linked(link, content):
            // Rendered in place, then the attributes go into its opening mrow, or an mrow around it.
            let start = out.count
            render(content, variant, into: &out)
            var attributes = TextBuffer()
            attributes += " data-link=\""; attributes.appendEscapingHTML(link.group)
            attributes += "\" data-role=\""; attributes += link.role.rawValue; attributes += "\""
            if out.has("<mrow>", at: start) || out.has("<mrow ", at: start) {
                out.insert(attributes, at: start + 5)
            } else {
                var opening = TextBuffer()
                opening += "<mrow"; opening += attributes; opening += ">"
                out.insert(opening, at: start)
                out += "</mrow>"
            }
        case let .written(_, content): inner(content)
        // Marked, so a reader sees it is TeX the tool did not understand.
        case let .unparsed(tex):
            out += "<mtext class=\"bp-tex\">"; out.appendEscapingHTML(tex); out += "</mtext>"
        // Sized for a written fraction; the stylesheet draws the box or the line.
        case .blank(.box): out += "<mspace class=\"bp-box\" width=\"3em\" height=\"1.5em\" depth=\"1em\"></mspace>"
        case .blank(.line): out += "<mspace class=\"bp-line\" width=\"4.5em\" height=\"1.2em\" depth=\"0.3em\"></mspace>"
        // A symbol as well as a colour, so the verdict reads in print and without colour.
        case let .marked(mark, content):
            let symbol = mark.verdict == .right ? "\u{2713}" : mark.verdict == .new ? "\u{2717}" : "\u{2192}"
            let note = mark.verdict == .right ? symbol : symbol + "\u{A0}" + mark.claimed
            out += "<munder class=\"bp-claim bp-claim-\(mark.verdict.rawValue)\"><mrow>"
            inner(content)
            out += "</mrow><mtext>"; out.appendEscapingHTML(note); out += "</mtext></munder>"
        }
    }

    /// A row's children, with U+2061 (function application) after a function name, so `log a`
    /// is not set as `loga`: a thin space before an argument, none before a parenthesis (as TeX
    /// spaces `\log x` and `\log(x)`).
    private static func row(_ nodes: [MathNode], _ variant: MathVariant?, into out: inout TextBuffer) {
        for (index, node) in nodes.enumerated() {
            render(node, variant, into: &out)
            guard isFunction(node), index + 1 < nodes.count else { continue }
            switch nodes[index + 1] {
            case .symbol(.functionApplication): break
            case .fenced: out += "<mo>\u{2061}</mo>"
            default: out += "<mo rspace=\"0.1667em\">\u{2061}</mo>"
            }
        }
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
    private static func wrap(_ node: MathNode, _ variant: MathVariant?, into out: inout TextBuffer) {
        switch node {
        case .row: render(node, variant, into: &out)
        case .quantity, .linked: render(node, variant, into: &out)
        case let .written(_, inner): wrap(inner, variant, into: &out)
        default:
            out += "<mrow>"
            render(node, variant, into: &out)
            out += "</mrow>"
        }
    }

    /// `content` between the fence's stretchy delimiters, in an mrow.
    private static func fenced(_ fence: MathFence, into out: inout TextBuffer, _ content: (inout TextBuffer) -> Void) {
        func delimiter(_ d: MathDelimiter, _ form: StaticString) {
            if !d.isNone { out += "<mo stretchy=\"true\" form=\""; out += form; out += "\">"; out.appendEscapingHTML(d.character); out += "</mo>" }
        }
        out += "<mrow>"
        delimiter(fence.open, "prefix")
        content(&out)
        delimiter(fence.close, "postfix")
        out += "</mrow>"
    }

    /// A symbol's element, decided by its class alone.
    private static func markup(_ symbol: MathSymbol, into out: inout TextBuffer) {
        switch symbol.symbolClass {
        case .alphabetic:
            // A symbol that is a Latin letter is no variable: keep it upright.
            let isLatinLetter = symbol.character.count == 1 && symbol.character.unicodeScalars.allSatisfy {
                ("A"..."Z").contains($0) || ("a"..."z").contains($0)
            }
            out += isLatinLetter ? "<mi mathvariant=\"normal\">" : "<mi>"
            out.appendEscapingHTML(symbol.character)
            out += "</mi>"
            return
        case .largeOperator: out += "<mo largeop=\"true\" movablelimits=\"true\">"
        case .punctuation: out += "<mo separator=\"true\">"
        case .open: out += "<mo form=\"prefix\">"
        case .close: out += "<mo form=\"postfix\">"
        case .ordinary, .binary, .relation, .accent: out += "<mo>"
        }
        out.appendEscapingHTML(symbol.character)
        out += "</mo>"
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
