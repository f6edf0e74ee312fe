import BPDocument

/// Writes a ``MathNode`` as LaTeX that GitHub, pandoc, Jupyter and KaTeX all read: no
/// packages beyond amsmath, every group braced.
public enum LaTeXMathWriter {
    public static func write(_ node: MathNode) -> String {
        switch node {
        case let .number(text): return text
        case let .identifier(name): return name.count == 1 ? name : "\\mathit{\(escapeText(name))}"
        case let .symbol(symbol): return latex(symbol)
        case let .function(name):
            return ["log", "tanh", "max", "exp"].contains(name) ? "\\" + name : "\\mathrm{\(escapeText(name))}"
        case let .text(text): return "\\text{\(escapeText(text))}"
        case let .row(nodes): return nodes.map(write).filter { !$0.isEmpty }.joined(separator: " ")
        case let .subscripted(base, sub): return group(base) + "_{" + write(sub) + "}"
        case let .superscripted(base, sup): return group(base) + "^{" + write(sup) + "}"
        case let .subsuperscripted(base, sub, sup): return group(base) + "_{" + write(sub) + "}^{" + write(sup) + "}"
        case let .fraction(top, bottom): return "\\frac{" + write(top) + "}{" + write(bottom) + "}"
        case let .matrix(rows):
            return "\\begin{pmatrix} " + rows.map { $0.map(write).joined(separator: " & ") }.joined(separator: " \\\\ ") + " \\end{pmatrix}"
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
        case let .fenced(fence, inner):
            let (open, close) = fence == .parentheses ? ("(", ")") : ("[", "]")
            // \left...\right only where something tall needs the brackets to grow.
            guard isTall(inner) else { return open + write(inner) + close }
            return "\\left" + open + " " + write(inner) + " \\right" + close
        case let .space(space): return space == .quad ? "\\quad" : "\\,"
        }
    }

    private static func isTall(_ node: MathNode) -> Bool {
        switch node {
        case .matrix, .array, .fraction: return true
        case let .row(nodes): return nodes.contains(where: isTall)
        case let .fenced(_, inner): return isTall(inner)
        case let .subscripted(base, _), let .superscripted(base, _), let .subsuperscripted(base, _, _): return isTall(base)
        case .symbol(.sum): return true
        default: return false
        }
    }

    /// A base that is more than one token is braced, so `(W^2)^T` keeps its meaning.
    private static func group(_ node: MathNode) -> String {
        switch node {
        case .number, .identifier, .symbol, .fenced: return write(node)
        default: return "{" + write(node) + "}"
        }
    }

    static func latex(_ symbol: MathSymbol) -> String {
        switch symbol {
        case .sigma: return "\\sigma"
        case .delta: return "\\delta"
        case .partial: return "\\partial"
        case .odot: return "\\odot"
        case .times: return "\\times"
        case .plus: return "+"
        case .minus: return "-"
        case .equals: return "="
        case .rightarrow: return "\\rightarrow"
        case .longrightarrow: return "\\longrightarrow"
        case .comma: return ","
        case .cdots: return "\\cdots"
        case .vdots: return "\\vdots"
        case .ddots: return "\\ddots"
        case .sum: return "\\sum"
        case .prime: return "\\prime"
        case .transpose: return "T"
        case .greater: return ">"
        }
    }

    /// Escapes TeX's special characters inside `\text{}` and friends.
    static func escapeText(_ text: String) -> String {
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
