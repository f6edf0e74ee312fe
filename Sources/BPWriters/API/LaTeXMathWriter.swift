import BPDocument

/// Writes a ``MathNode`` as LaTeX that GitHub, pandoc, Jupyter and KaTeX all read: no
/// packages beyond amsmath, every group braced. A whole LaTeX document (``LaTeXWriter``) writes
/// the text inside math its own way, through ``init(text:)``.
public struct LaTeXMathWriter: Sendable {
    /// Escapes the text of `\text{}`, `\mathit{}` and `\mathrm{}` (and a verdict's claimed value).
    let text: @Sendable (String) -> String

    /// A writer that escapes text inside math with `text`.
    public init(text: @escaping @Sendable (String) -> String = LaTeXMathWriter.escapeText) {
        self.text = text
    }

    /// The TeX of `node`, without dollars; a node read from TeX (``MathNode/written(tex:_:)``) comes back as it was written.
    public static func write(_ node: MathNode) -> String {
        LaTeXMathWriter().write(node)
    }

    /// The TeX of `node` with this writer's escaping of text.
    public func write(_ node: MathNode) -> String {
        switch node {
        case let .number(text): return text
        case let .identifier(name): return name.count == 1 ? name : "\\mathit{\(text(name))}"
        case let .symbol(symbol): return symbol.tex
        case let .function(name):
            return Self.knownFunctions.contains(name) ? "\\" + name : "\\mathrm{\(text(name))}"
        case let .text(content): return "\\text{\(text(content))}"
        case let .styled(variant, inner): return command(variant) + "{" + write(inner) + "}"
        case let .row(nodes): return nodes.map(write).filter { !$0.isEmpty }.joined(separator: " ")
        case let .subscripted(base, sub): return group(base) + "_{" + write(sub) + "}"
        case let .superscripted(base, sup): return group(base) + "^{" + write(sup) + "}"
        case let .subsuperscripted(base, sub, sup): return group(base) + "_{" + write(sub) + "}^{" + write(sup) + "}"
        case let .over(base, over, accent):
            if accent, case let .symbol(mark) = over, mark.symbolClass == .accent { return mark.tex + "{" + write(base) + "}" }
            return "\\overset{" + write(over) + "}{" + write(base) + "}"
        case let .under(base, under, accent):
            if accent, case let .symbol(mark) = under, mark.symbolClass == .accent { return mark.tex + "{" + write(base) + "}" }
            return "\\underset{" + write(under) + "}{" + write(base) + "}"
        case let .underOver(base, under, over):
            if case let .symbol(op) = base, op.symbolClass == .largeOperator {
                return op.tex + "\\limits_{" + write(under) + "}^{" + write(over) + "}"
            }
            return "\\overset{" + write(over) + "}{\\underset{" + write(under) + "}{" + write(base) + "}}"
        case let .fraction(top, bottom): return "\\frac{" + write(top) + "}{" + write(bottom) + "}"
        case let .root(index, radicand):
            return "\\sqrt" + (index.map { "[" + write($0) + "]" } ?? "") + "{" + write(radicand) + "}"
        case let .matrix(rows, fence):
            let body = rows.map { $0.map(write).joined(separator: " & ") }.joined(separator: " \\\\ ")
            if let environment = matrixEnvironment(fence) {
                return "\\begin{\(environment)} " + body + " \\end{\(environment)}"
            }
            return "\\left" + fence.open.tex + " \\begin{matrix} " + body + " \\end{matrix} \\right" + fence.close.tex
        case let .array(alignments, rows, header, columnRules):
            let spec = alignments.map { alignment -> String in
                switch alignment { case .left: return "l"; case .center: return "c"; case .right: return "r" }
            }.joined(separator: columnRules ? "|" : "")
            var lines: [String] = []
            for (index, row) in rows.enumerated() {
                var line = row.map(write).joined(separator: " & ")
                if index < rows.count - 1 { line += " \\\\" + (header && index == 0 ? " \\hline" : "") }
                lines.append(line)
            }
            return "\\begin{array}{\(spec)}\n" + lines.joined(separator: "\n") + "\n\\end{array}"
        case let .aligned(rows):
            return "\\begin{aligned}\n" + rows.map { $0.map(write).joined(separator: " & ") }.joined(separator: " \\\\\n") + "\n\\end{aligned}"
        case let .fenced(fence, inner):
            // \left...\right only where something tall needs the delimiters to grow.
            guard Self.isTall(inner) else {
                return delimiter(fence.open, before: true) + write(inner) + delimiter(fence.close, before: false)
            }
            return "\\left" + fence.open.tex + " " + write(inner) + " \\right" + fence.close.tex
        case let .space(space): return spacing(space)
        case let .quantity(_, inner): return write(inner)
        // The links between a result and its operands are for pages that can point; TeX shows the values.
        case let .linked(_, inner): return write(inner)
        case let .written(tex, _): return tex
        case let .unparsed(tex): return tex
        // Room to write in: a box for a fraction, a line for a scalar (MathJax, KaTeX, pandoc).
        case .blank(.box): return "\\boxed{\\phantom{\\dfrac{000}{000}}}"
        case .blank(.line): return "\\underline{\\phantom{000000}}"
        // A verdict under the value: ✓, or ✗ (new) / → (carried) with what the key claimed.
        case let .marked(mark, inner):
            switch mark.verdict {
            case .right: return "{" + write(inner) + "}^{\\checkmark}"
            // ✗ rather than \times, which would read as "times the claimed value".
            case .new: return "\\underset{\\text{" + text("✗") + "}\\,\\text{" + text(mark.claimed) + "}}{" + write(inner) + "}"
            case .carried: return "\\underset{\\rightarrow\\,\\text{" + text(mark.claimed) + "}}{" + write(inner) + "}"
            }
        }
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
    private func group(_ node: MathNode) -> String {
        switch node.unannotated {
        case .number, .identifier, .symbol, .fenced: return write(node.unannotated)
        default: return "{" + write(node) + "}"
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
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "$", "&", "#", "_", "%": out += "\\" + String(character)
            case "^": out += "\\^{}"
            case "~": out += "\\~{}"
            default: out.append(character)
            }
        }
        return out
    }
}
