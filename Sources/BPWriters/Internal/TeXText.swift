/// Text as LaTeX source that pdflatex (T1, utf8 input) and lualatex both read: TeX's specials
/// escaped, and the symbols a report writes in its prose (✓, ✗, →, −, Greek letters, `a²₁`)
/// as commands, so that an English report needs no Unicode font. Whatever else is not
/// Latin-1 (Hangul, say) is left as it is, and makes the document one for lualatex
/// (``TeXEngine/required(by:)``).
enum TeXText {
    /// `text` escaped for running text and for `\text{}` inside math.
    static func escape(_ text: String) -> String {
        var out = ""
        var previous: Character?
        for character in text {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "$", "&", "#", "_", "%": out += "\\" + String(character)
            case "^": out += "\\^{}"
            case "~": out += "\\~{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "|": out += "\\textbar{}"
            case "\n", "\r", "\t": out += " "
            // `--` and `''` would be joined into a dash and a quote.
            case "-" where previous == "-": out += "{}-"
            case "'" where previous == "'", "`" where previous == "`": out += "{}" + String(character)
            default:
                if let command = symbols[character] {
                    out += command
                } else if let scalar = character.unicodeScalars.first, scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    // Control characters have no glyph, and some stop TeX.
                    out += " "
                } else {
                    out.append(character)
                }
            }
            previous = character
        }
        return out
    }

    /// Symbols written as commands; the template defines `\bpcheck` and `\bpcross`.
    static let symbols: [Character: String] = {
        var table: [Character: String] = [
            "✓": "\\bpcheck{}", "✗": "\\bpcross{}",
            "→": "\\ensuremath{\\rightarrow}", "←": "\\ensuremath{\\leftarrow}", "⟶": "\\ensuremath{\\longrightarrow}",
            "−": "\\ensuremath{-}", "×": "\\ensuremath{\\times}", "·": "\\ensuremath{\\cdot}", "⋅": "\\ensuremath{\\cdot}",
            "…": "\\ldots{}", "⋯": "\\ensuremath{\\cdots}", "⋮": "\\ensuremath{\\vdots}", "⋱": "\\ensuremath{\\ddots}",
            "≈": "\\ensuremath{\\approx}", "≤": "\\ensuremath{\\le}", "≥": "\\ensuremath{\\ge}", "≠": "\\ensuremath{\\ne}",
            "±": "\\ensuremath{\\pm}", "∂": "\\ensuremath{\\partial}", "⊙": "\\ensuremath{\\odot}", "∑": "\\ensuremath{\\sum}",
            "′": "\\ensuremath{'}", "∞": "\\ensuremath{\\infty}", "√": "\\ensuremath{\\surd}", "°": "\\ensuremath{^\\circ}",
            "\u{00A0}": "~", "\u{00AD}": "\\-",
        ]
        let greek = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
                     "nu", "xi", "o", "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"]
        for (offset, name) in greek.enumerated() {
            let letter = Character(Unicode.Scalar(0x3B1 + offset)!)
            table[letter] = name == "o" ? "o" : "\\ensuremath{\\" + name + "}"
        }
        let capitals = [0x393: "Gamma", 0x394: "Delta", 0x398: "Theta", 0x39B: "Lambda", 0x39E: "Xi", 0x3A0: "Pi",
                        0x3A3: "Sigma", 0x3A6: "Phi", 0x3A8: "Psi", 0x3A9: "Omega"]
        for (code, name) in capitals { table[Character(Unicode.Scalar(code)!)] = "\\ensuremath{\\" + name + "}" }
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let subscripts: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        for digit in 0..<10 {
            table[superscripts[digit]] = "\\textsuperscript{\(digit)}"
            table[subscripts[digit]] = "\\textsubscript{\(digit)}"
        }
        return table
    }()

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
