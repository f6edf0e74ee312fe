import BPDocument

/// Writes a ``MathNode`` as LaTeX that GitHub, pandoc, Jupyter and KaTeX all read: no
/// packages beyond amsmath, every group braced. A whole LaTeX document (``LaTeXWriter``) writes
/// the text inside math its own way, through ``init(text:)``.
public struct LaTeXMathWriter: Sendable {
    /// Escapes the text of `\text{}`, `\mathit{}` and `\mathrm{}` (and a verdict's claimed value).
    let text: @Sendable (String) -> String
    /// Whether blanks and verdicts are written as the LaTeX template's macros (`\bpblankbox`,
    /// `\bpright`, ...), which a lecturer's template can restyle, instead of plain amsmath.
    let usesTemplateMacros: Bool

    /// A writer that escapes text inside math with `text`; with `templateMacros`, blanks and
    /// verdicts are the LaTeX template's macros (for ``LaTeXWriter``; KaTeX has none of them).
    public init(text: @escaping @Sendable (String) -> String = LaTeXMathWriter.escapeText, templateMacros: Bool = false) {
        self.text = text
        self.usesTemplateMacros = templateMacros
    }

    /// The writer of ``write(_:)``, made once.
    static let plain = LaTeXMathWriter()

    /// The TeX of `node`, without dollars; a node read from TeX (``MathNode/written(tex:_:)``) comes back as it was written.
    public static func write(_ node: MathNode) -> String {
        plain.write(node)
    }

    /// The TeX of `node` with this writer's escaping of text.
    public func write(_ node: MathNode) -> String {
        var out = TextBuffer(capacity: 256)
        write(node, into: &out)
        return out.text
    }

    /// Appends the TeX of `node` to `out` as HTML text (an annotation's content).
    func write(_ node: MathNode, escapingHTMLInto out: inout TextBuffer) {
        var tex = TextBuffer(capacity: 256)
        write(node, into: &tex)
        out.appendEscapingHTML(tex)
    }

    /// Appends the TeX of `node` to `out`. One buffer for the whole formula: a string returned
    /// by every level and joined by its parent was copied once per level.
    private func write(_ node: MathNode, into out: inout TextBuffer) {
        func inner(_ node: MathNode) { write(node, into: &out) }
        /// `{` + the node + `}`.
        func braced(_ node: MathNode) { out += "{"; write(node, into: &out); out += "}" }
        /// Cells joined by ` & `.
        func cells(_ row: [MathNode]) {
            for (index, cell) in row.enumerated() {
                if index > 0 { out += " & " }
                write(cell, into: &out)
            }
        }
        switch node {
        case let .number(text): out += text
        case let .identifier(name):
            if name.count == 1 { out += name } else { out += "\\mathit{"; out += text(name); out += "}" }
        case let .symbol(symbol): out += symbol.tex
        case let .function(name):
            if Self.knownFunctions.contains(name) { out += "\\"; out += name } else { out += "\\mathrm{"; out += text(name); out += "}" }
        case let .text(content): out += "\\text{"; out += text(content); out += "}"
        case let .styled(variant, content): out += command(variant); braced(content)
        case let .row(nodes):
            // The children that write nothing get no space either.
            var first = true
            for child in nodes {
                let start = out.count
                if !first { out += " " }
                let childStart = out.count
                write(child, into: &out)
                if out.count == childStart { out.truncate(to: start); continue }
                first = false
            }
        case let .subscripted(base, sub): group(base, into: &out); out += "_"; braced(sub)
        case let .superscripted(base, sup): group(base, into: &out); out += "^"; braced(sup)
        case let .subsuperscripted(base, sub, sup): group(base, into: &out); out += "_"; braced(sub); out += "^"; braced(sup)
        case let .over(base, over, accent):
            if accent, case let .symbol(mark) = over, mark.symbolClass == .accent { out += mark.tex; braced(base); return }
            out += "\\overset"; braced(over); braced(base)
        case let .under(base, under, accent):
            if accent, case let .symbol(mark) = under, mark.symbolClass == .accent { out += mark.tex; braced(base); return }
            out += "\\underset"; braced(under); braced(base)
        case let .underOver(base, under, over):
            if case let .symbol(op) = base, op.symbolClass == .largeOperator {
                out += op.tex; out += "\\limits_"; braced(under); out += "^"; braced(over); return
            }
            out += "\\overset"; braced(over); out += "{\\underset"; braced(under); braced(base); out += "}"
        case let .fraction(top, bottom): out += "\\frac"; braced(top); braced(bottom)
        case let .root(index, radicand):
            out += "\\sqrt"
            if let index { out += "["; inner(index); out += "]" }
            braced(radicand)
        case let .matrix(rows, fence):
            let environment = matrixEnvironment(fence)
            if let environment { out += "\\begin{\(environment)} " } else { out += "\\left"; out += fence.open.tex; out += " \\begin{matrix} " }
            for (index, row) in rows.enumerated() {
                if index > 0 { out += " \\\\ " }
                cells(row)
            }
            if let environment { out += " \\end{\(environment)}" } else { out += " \\end{matrix} \\right"; out += fence.close.tex }
        case let .array(alignments, rows, header, columnRules):
            let spec = alignments.map(\.texColumn).joined(separator: columnRules ? "|" : "")
            out += "\\begin{array}{\(spec)}\n"
            for (index, row) in rows.enumerated() {
                if index > 0 { out += "\n" }
                cells(row)
                if index < rows.count - 1 { out += " \\\\" + (header && index == 0 ? " \\hline" : "") }
            }
            out += "\n\\end{array}"
        case let .aligned(rows):
            out += "\\begin{aligned}\n"
            for (index, row) in rows.enumerated() {
                if index > 0 { out += " \\\\\n" }
                cells(row)
            }
            out += "\n\\end{aligned}"
        case let .fenced(fence, content):
            // \left...\right only where something tall needs the delimiters to grow.
            guard Self.isTall(content) else {
                out += delimiter(fence.open, before: true); inner(content); out += delimiter(fence.close, before: false)
                return
            }
            out += "\\left"; out += fence.open.tex; out += " "; inner(content); out += " \\right"; out += fence.close.tex
        case let .space(space): out += spacing(space)
        case let .quantity(_, content): inner(content)
        // The links between a result and its operands are for pages that can point; TeX shows the values.
        case let .linked(_, content): inner(content)
        case let .written(tex, _): out += tex
        case let .unparsed(tex): out += tex
        // Room to write in: a box for a fraction, a line for a scalar (MathJax, KaTeX, pandoc).
        case .blank(.box): out += usesTemplateMacros ? "\\bpblankbox{}" : "\\boxed{\\phantom{\\dfrac{000}{000}}}"
        case .blank(.line): out += usesTemplateMacros ? "\\bpblankline{}" : "\\underline{\\phantom{000000}}"
        // A verdict under the value: ✓, or ✗ (new) / → (carried) with what the key claimed.
        case let .marked(mark, content) where usesTemplateMacros:
            switch mark.verdict {
            case .right: out += "\\bpright"; braced(content)
            case .new: out += "\\bpnew"; braced(content); out += "{" + claimed(mark.claimed) + "}"
            case .carried: out += "\\bpcarried"; braced(content); out += "{" + claimed(mark.claimed) + "}"
            }
        case let .marked(mark, content):
            switch mark.verdict {
            case .right: braced(content); out += "^{\\checkmark}"
            // ✗ rather than \times, which would read as "times the claimed value".
            case .new:
                out += "\\underset{\\text{"; out += text("✗"); out += "}\\,\\text{"; out += text(mark.claimed); out += "}}"; braced(content)
            case .carried:
                out += "\\underset{\\rightarrow\\,\\text{"; out += text(mark.claimed); out += "}}"; braced(content)
            }
        }
    }

    /// A key's claimed value as math when it is a number (so `-0.94` has a minus sign, not a
    /// hyphen), else as text.
    private func claimed(_ value: String) -> String {
        let numeric = !value.isEmpty && value.allSatisfy { "0123456789.-+/eE".contains($0) }
        return numeric ? value : "\\text{" + text(value) + "}"
    }

    /// Functions TeX names itself, written `\log` rather than `\mathrm{log}`.
    static let knownFunctions: Set<String> = [
        "log", "ln", "exp", "tanh", "sinh", "cosh", "sin", "cos", "tan", "max", "min", "arg", "det", "lim", "sup", "inf",
    ]

    private static func isTall(_ node: MathNode) -> Bool {
        switch node.unannotated {
        case .matrix, .array, .aligned, .fraction, .root, .over, .under, .underOver: return true
        case let .row(nodes): return nodes.contains(where: isTall)
        case let .fenced(_, inner), let .styled(_, inner), let .written(_, inner):
            return isTall(inner)
        case let .subscripted(base, _), let .superscripted(base, _), let .subsuperscripted(base, _, _): return isTall(base)
        case let .symbol(symbol): return symbol.symbolClass == .largeOperator
        default: return false
        }
    }

    /// A base that is more than one token is braced, so `(W^2)^T` keeps its meaning.
    private func group(_ node: MathNode, into out: inout TextBuffer) {
        switch node.unannotated {
        case .number, .identifier, .symbol, .fenced: write(node.unannotated, into: &out)
        default: out += "{"; write(node, into: &out); out += "}"
        }
    }

    /// A delimiter without `\left`/`\right`; a command is kept apart from a following letter.
    private func delimiter(_ delimiter: MathDelimiter, before: Bool) -> String {
        if delimiter.isNone { return "" }
        let isCommand = delimiter.tex.hasPrefix("\\") && delimiter.tex.last?.isLetter == true
        return before && isCommand ? delimiter.tex + " " : delimiter.tex
    }

    private func matrixEnvironment(_ fence: MathFence) -> String? {
        switch fence {
        case .parentheses: return "pmatrix"
        case .brackets: return "bmatrix"
        case .braces: return "Bmatrix"
        case .bars: return "vmatrix"
        case .doubleBars: return "Vmatrix"
        case .none: return "matrix"
        default: return nil
        }
    }

    private func command(_ variant: MathVariant) -> String {
        switch variant {
        case .bold: return "\\mathbf"
        case .italic: return "\\mathit"
        case .boldItalic: return "\\boldsymbol"
        case .upright: return "\\mathrm"
        case .calligraphic: return "\\mathcal"
        case .fraktur: return "\\mathfrak"
        case .doubleStruck: return "\\mathbb"
        case .sansSerif: return "\\mathsf"
        case .monospace: return "\\mathtt"
        }
    }

    private func spacing(_ space: MathSpace) -> String {
        switch space.mu {
        case 3: return "\\,"
        case 4: return "\\:"
        case 5: return "\\;"
        case 18: return "\\quad"
        case 36: return "\\qquad"
        case -3: return "\\!"
        default: return "\\mspace{\(space.mu)mu}"
        }
    }

    /// Escapes TeX's special characters inside `\text{}` and friends, leaving every other
    /// character as it is (KaTeX, MathJax and pandoc read Unicode).
    public static func escapeText(_ text: String) -> String {
        TeXText.escapeSpecials(text, caret: "\\^{}", tilde: "\\~{}")
    }
}

extension ColumnAlignment {
    /// The column's letter in a TeX `array` or `tabular`: `l`, `c` or `r`.
    var texColumn: String {
        switch self { case .left: return "l"; case .center: return "c"; case .right: return "r" }
    }
}
