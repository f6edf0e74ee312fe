import BPDocument

/// What the reader knows by command name (without the backslash), beyond
/// ``MathSymbol/named(_:)``: spaces, styles, functions, accents and a few symbols the model's
/// table leaves out.
enum TeXCommandTable {
    /// Spacing commands, in mu. `\ ` (a control space) and `~` are an interword space, 6 mu.
    static let spaces: [String: MathSpace] = [
        ",": .thin, "thinspace": .thin, ":": .medium, ">": .medium, "medspace": .medium,
        ";": .thick, "thickspace": .thick, "!": .negativeThin, "negthinspace": .negativeThin,
        " ": MathSpace(mu: 6), "enspace": MathSpace(mu: 9), "quad": .quad, "qquad": .qquad,
    ]

    /// Accepted and ignored: they change sizes or numbering, which the model does not carry.
    static let ignored: Set<String> = [
        "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle", "nonumber", "notag",
        "limits", "nolimits",
    ]

    /// Function names TeX sets upright, read as ``MathNode/function(_:)``.
    static let functions: Set<String> = [
        "log", "ln", "lg", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth",
        "arcsin", "arccos", "arctan", "max", "min", "arg", "det", "dim", "ker", "deg", "gcd", "hom",
        "lim", "liminf", "limsup", "sup", "inf", "Pr",
    ]

    /// Style commands taking an argument.
    static let styles: [String: MathVariant] = [
        "mathbf": .bold, "mathrm": .upright, "mathit": .italic, "mathcal": .calligraphic,
        "mathbb": .doubleStruck, "mathfrak": .fraktur, "mathsf": .sansSerif, "mathtt": .monospace,
        "boldsymbol": .boldItalic, "bm": .boldItalic,
    ]

    /// Old style switches (`{\bf x}`), which style the rest of their group.
    static let switches: [String: MathVariant] = [
        "bf": .bold, "rm": .upright, "it": .italic, "cal": .calligraphic, "sf": .sansSerif, "tt": .monospace,
    ]

    /// Styles for names, where a run of letters is one word (`\mathrm{lr}`), not a product.
    static let wordStyles: Set<MathVariant> = [.upright, .italic, .sansSerif, .monospace]

    /// Text commands: upright words inside math, some with a style.
    static let texts: [String: MathVariant?] = [
        "text": nil, "textrm": nil, "textnormal": nil, "mbox": nil, "hbox": nil,
        "textbf": .bold, "textit": .italic, "textsf": .sansSerif, "texttt": .monospace,
    ]

    /// Accents set over their argument; their marks are in the model's table.
    static let overAccents: Set<String> = [
        "hat", "widehat", "bar", "overline", "tilde", "widetilde", "vec", "dot", "ddot", "check", "breve", "overbrace",
    ]
    /// Accents set under their argument.
    static let underAccents: Set<String> = ["underline", "underbrace"]

    /// Symbols the model's table does not have, by TeX spelling (with the backslash).
    static let extraSymbols: [String: MathSymbol] = {
        var table: [String: MathSymbol] = [:]
        func add(_ entries: [(String, String)], _ symbolClass: MathSymbolClass) {
            for (tex, character) in entries { table[tex] = MathSymbol(tex: tex, character: character, class: symbolClass) }
        }
        add([("\\top", "⊤"), ("\\bot", "⊥"), ("\\aleph", "ℵ"), ("\\Re", "ℜ"), ("\\Im", "ℑ"), ("\\varnothing", "∅"),
             ("\\imath", "ı"), ("\\jmath", "ȷ"), ("\\omicron", "ο")], .alphabetic)
        add([("|", "|"), ("\\|", "‖"), ("\\vert", "|"), ("\\Vert", "‖"), (".", "."), ("@", "@"), ("?", "?"),
             ("\"", "\""), ("\\$", "$"), ("\\%", "%"), ("\\&", "&"), ("\\#", "#"), ("\\_", "_"),
             ("\\dagger", "†"), ("\\backslash", "∖"), ("\\colon", ":")], .ordinary)
        add([("*", "∗"), ("\\bullet", "∙"), ("\\intercal", "⊺")], .binary)
        add([("\\mid", "∣"), ("\\parallel", "∥"), ("\\perp", "⊥"), ("\\cong", "≅"), ("\\leqslant", "⩽"),
             ("\\geqslant", "⩾"), ("\\prec", "≺"), ("\\succ", "≻"), ("\\supseteq", "⊇"), ("\\triangleq", "≜"),
             ("\\doteq", "≐"), ("\\longleftarrow", "⟵"), ("\\Longrightarrow", "⟹"), ("\\Longleftarrow", "⟸"),
             ("\\leftrightarrow", "↔"), ("\\longleftrightarrow", "⟷"), ("\\Longleftrightarrow", "⟺"),
             ("\\uparrow", "↑"), ("\\downarrow", "↓"), ("\\nearrow", "↗"), ("\\searrow", "↘")], .relation)
        add([("\\lbrace", "{"), ("\\lbrack", "[")], .open)
        add([("\\rbrace", "}"), ("\\rbrack", "]")], .close)
        return table
    }()

    /// A symbol by TeX spelling: the model's table first, then the extras.
    static func symbol(_ tex: String) -> MathSymbol? {
        MathSymbol.named(tex) ?? extraSymbols[tex]
    }

    /// The symbol for `n` primes: `′`, `″`, `‴`, spelled `\prime` as often as there are.
    static func primes(_ count: Int) -> MathNode {
        switch count {
        case 1: return .symbol(.prime)
        case 2: return .symbol(MathSymbol(tex: "\\prime\\prime", character: "\u{2033}", class: .ordinary))
        case 3: return .symbol(MathSymbol(tex: "\\prime\\prime\\prime", character: "\u{2034}", class: .ordinary))
        default: return .row(Array(repeating: .symbol(.prime), count: count))
        }
    }
}
