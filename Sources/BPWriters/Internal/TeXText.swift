/// Text as LaTeX source that pdflatex (T1, utf8 input) and lualatex both set, in a report's
/// prose, in `\text{}` inside its math, and in its drawings: TeX's specials escaped, and the
/// characters a report writes that pdflatex has no glyph for written as math (`a²₁` as
/// `$a^{2}_{1}$`, `−` as `$-$`, `⋮` as `$\vdots$`) or as the template's commands (✓, ✗).
/// Whatever else is not Latin-1 (Hangul, say) is left as it is, and makes the document one
/// for lualatex (``TeXEngine/required(by:)``).
enum TeXText {
    /// `text` as the plain-text argument of `\texorpdfstring`, for a PDF's properties: TeX's
    /// specials escaped, every other character as it is (hyperref writes it as Unicode).
    static func escapeForPDFString(_ text: String) -> String {
        escapeSpecials(text, caret: "\\textasciicircum{}", tilde: "\\textasciitilde{}")
    }

    /// TeX's special characters escaped, `^` and `~` as given; every other character kept.
    static func escapeSpecials(_ text: String, caret: String, tilde: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "%", "#", "&", "$", "_": out += "\\" + String(character)
            case "^": out += caret
            case "~": out += tilde
            default: out.append(character)
            }
        }
        return out
    }

    /// `text` escaped for TeX's text mode.
    static func escape(_ text: String) -> String {
        var out = ""
        var math = ""                                           // the math being gathered
        var script: (marker: Character, content: String)?      // the script being gathered
        var hasSuperscript = false, hasSubscript = false        // the scripts math's last base has
        func closeScript() {
            if let open = script { math += String(open.marker) + "{" + open.content + "}" }
            script = nil
        }
        func closeMath() {
            closeScript()
            if !math.isEmpty { out += "$" + math + "$" }
            math = ""
            hasSuperscript = false
            hasSubscript = false
        }
        func add(_ content: String, as marker: Character) {
            if script?.marker == marker {
                script?.content += content
                return
            }
            closeScript()
            if math.isEmpty, let last = out.last, last.isASCII, last.isLetter {
                // The letter the script belongs to goes into the math with it: `$a^{2}$`.
                out.removeLast()
                math = String(last)
            }
            if marker == "^" ? hasSuperscript : hasSubscript {
                // A second superscript of one base would be an error: start an empty base.
                math += "{}"
                hasSuperscript = false
                hasSubscript = false
            }
            script = (marker, content)
            if marker == "^" { hasSuperscript = true } else { hasSubscript = true }
        }
        for character in text {
            if let content = superscripts[character] {
                add(content, as: "^")
            } else if let content = subscripts[character] {
                add(content, as: "_")
            } else if let symbol = mathSymbols[character] {
                closeScript()
                math += symbol
                hasSuperscript = false
                hasSubscript = false
            } else {
                closeMath()
                // `--` and `''` would be joined into a dash and a quote.
                if "-'`".contains(character), out.last == character { out += "{}" }
                out += textCharacter(character)
            }
        }
        closeMath()
        return out
    }

    private static func textCharacter(_ character: Character) -> String {
        switch character {
        case "\\": return "\\textbackslash{}"
        case "{", "}", "$", "&", "#", "_", "%": return "\\" + String(character)
        // The characters themselves, not the accents `\^{}` and `\~{}` would put on nothing.
        case "^": return "\\textasciicircum{}"
        case "~": return "\\textasciitilde{}"
        case "<": return "\\textless{}"
        case ">": return "\\textgreater{}"
        case "|": return "\\textbar{}"
        case "…": return "\\ldots{}"
        case "\u{00A0}": return "~"
        case "\u{00AD}": return "\\-"
        // The template's marks of a verdict (amssymb's tick; a drawn cross, not "times").
        case "✓": return "\\bpcheck{}"
        case "✗": return "\\bpcross{}"
        default:
            guard let scalar = character.unicodeScalars.first else { return "" }
            // No control character (a spec's unit name may hold one) nor bidirectional override.
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return " " }
            if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0xFFFE
                || scalar.value == 0xFFFF {
                return ""
            }
            return String(character)
        }
    }

    private static let superscripts: [Character: String] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
        "⁺": "+", "⁻": "-", "⁼": "=", "⁽": "(", "⁾": ")", "ⁿ": "n", "ⁱ": "i",
    ]

    private static let subscripts: [Character: String] = [
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
        "₊": "+", "₋": "-", "₌": "=", "₍": "(", "₎": ")", "ₐ": "a", "ₑ": "e", "ₒ": "o", "ₓ": "x", "ₕ": "h", "ₖ": "k",
        "ₗ": "l", "ₘ": "m", "ₙ": "n", "ₚ": "p", "ₛ": "s", "ₜ": "t", "ᵢ": "i", "ⱼ": "j",
    ]

    /// Symbols pdflatex's utf8 has no text glyph for, as math.
    private static let mathSymbols: [Character: String] = [
        "−": "-", "×": "\\times", "·": "\\cdot", "±": "\\pm", "≤": "\\leq", "≥": "\\geq", "≈": "\\approx", "≠": "\\neq",
        "→": "\\to", "←": "\\leftarrow", "⟶": "\\longrightarrow", "∞": "\\infty", "∂": "\\partial", "⊙": "\\odot",
        "⋅": "\\cdot", "⋱": "\\ddots", "′": "\\prime", "⋮": "\\vdots", "⋯": "\\cdots", "∑": "\\sum", "√": "\\surd",
        "α": "\\alpha", "β": "\\beta", "γ": "\\gamma", "δ": "\\delta", "ε": "\\varepsilon", "ζ": "\\zeta", "η": "\\eta",
        "θ": "\\theta", "ι": "\\iota", "κ": "\\kappa", "λ": "\\lambda", "μ": "\\mu", "ν": "\\nu", "ξ": "\\xi", "π": "\\pi",
        "ρ": "\\rho", "σ": "\\sigma", "τ": "\\tau", "υ": "\\upsilon", "φ": "\\varphi", "χ": "\\chi", "ψ": "\\psi", "ω": "\\omega",
        "Γ": "\\Gamma", "Δ": "\\Delta", "Θ": "\\Theta", "Λ": "\\Lambda", "Ξ": "\\Xi", "Π": "\\Pi", "Σ": "\\Sigma",
        "Φ": "\\Phi", "Ψ": "\\Psi", "Ω": "\\Omega",
    ]

    /// Whether pdflatex, with T1 fonts and utf8 input, reads `character` as written: ASCII,
    /// Latin-1 and the typographic quotes and dashes.
    static func isPDFLaTeXReadable(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xFF: return true
        case 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D: return true
        default: return false
        }
    }
}
