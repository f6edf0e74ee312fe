/// The symbols ``MathSymbol/named(_:)`` knows, by TeX name: Greek letters, the common
/// operators, relations, arrows, large operators and accents of lecture notes.
enum MathSymbolTable {
    static let byTeX: [String: MathSymbol] = {
        var table: [String: MathSymbol] = [:]
        func add(_ entries: [(String, String)], _ symbolClass: MathSymbolClass) {
            for (tex, character) in entries {
                table[tex] = MathSymbol(tex: tex, character: character, class: symbolClass)
            }
        }
        add([("\\alpha", "α"), ("\\beta", "β"), ("\\gamma", "γ"), ("\\delta", "δ"), ("\\epsilon", "ϵ"),
             ("\\varepsilon", "ε"), ("\\zeta", "ζ"), ("\\eta", "η"), ("\\theta", "θ"), ("\\vartheta", "ϑ"),
             ("\\iota", "ι"), ("\\kappa", "κ"), ("\\lambda", "λ"), ("\\mu", "μ"), ("\\nu", "ν"), ("\\xi", "ξ"),
             ("\\pi", "π"), ("\\varpi", "ϖ"), ("\\rho", "ρ"), ("\\varrho", "ϱ"), ("\\sigma", "σ"),
             ("\\varsigma", "ς"), ("\\tau", "τ"), ("\\upsilon", "υ"), ("\\phi", "ϕ"), ("\\varphi", "φ"),
             ("\\chi", "χ"), ("\\psi", "ψ"), ("\\omega", "ω"),
             ("\\Gamma", "Γ"), ("\\Delta", "Δ"), ("\\Theta", "Θ"), ("\\Lambda", "Λ"), ("\\Xi", "Ξ"),
             ("\\Pi", "Π"), ("\\Sigma", "Σ"), ("\\Upsilon", "Υ"), ("\\Phi", "Φ"), ("\\Psi", "Ψ"),
             ("\\Omega", "Ω"), ("\\partial", "∂"), ("\\nabla", "∇"), ("\\infty", "∞"), ("\\ell", "ℓ"),
             ("\\hbar", "ℏ"), ("\\emptyset", "∅")], .alphabetic)
        add([("\\prime", "′"), ("\\cdots", "⋯"), ("\\ldots", "…"), ("\\dots", "…"), ("\\vdots", "⋮"),
             ("\\ddots", "⋱"), ("\\checkmark", "✓"), ("\\forall", "∀"), ("\\exists", "∃"), ("\\neg", "¬"), ("\\angle", "∠")], .ordinary)
        add([("\\sum", "∑"), ("\\prod", "∏"), ("\\coprod", "∐"), ("\\int", "∫"), ("\\iint", "∬"),
             ("\\oint", "∮"), ("\\bigcup", "⋃"), ("\\bigcap", "⋂")], .largeOperator)
        add([("+", "+"), ("-", "−"), ("\\pm", "±"), ("\\mp", "∓"), ("\\times", "×"), ("\\div", "÷"),
             ("\\cdot", "⋅"), ("\\ast", "∗"), ("\\star", "⋆"), ("\\circ", "∘"), ("\\odot", "⊙"),
             ("\\oplus", "⊕"), ("\\otimes", "⊗"), ("\\cup", "∪"), ("\\cap", "∩"), ("\\setminus", "∖"),
             ("\\wedge", "∧"), ("\\vee", "∨"), ("/", "/")], .binary)
        add([("=", "="), ("<", "<"), (">", ">"), ("\\le", "≤"), ("\\leq", "≤"), ("\\ge", "≥"), ("\\geq", "≥"),
             ("\\ne", "≠"), ("\\neq", "≠"), ("\\approx", "≈"), ("\\sim", "∼"), ("\\simeq", "≃"),
             ("\\equiv", "≡"), ("\\propto", "∝"), ("\\in", "∈"), ("\\notin", "∉"), ("\\subset", "⊂"),
             ("\\subseteq", "⊆"), ("\\supset", "⊃"), ("\\ll", "≪"), ("\\gg", "≫"), ("\\to", "→"),
             ("\\rightarrow", "→"), ("\\leftarrow", "←"), ("\\gets", "←"), ("\\longrightarrow", "⟶"),
             ("\\Rightarrow", "⇒"), ("\\Leftarrow", "⇐"), ("\\Leftrightarrow", "⇔"), ("\\iff", "⟺"),
             ("\\implies", "⟹"), ("\\mapsto", "↦"), ("\\coloneqq", "≔"), (":", ":")], .relation)
        add([(",", ","), (";", ";"), ("!", "!")], .punctuation)
        add([("(", "("), ("[", "["), ("\\{", "{"), ("\\langle", "⟨"), ("\\lfloor", "⌊"), ("\\lceil", "⌈")], .open)
        add([(")", ")"), ("]", "]"), ("\\}", "}"), ("\\rangle", "⟩"), ("\\rfloor", "⌋"), ("\\rceil", "⌉")], .close)
        add([("\\hat", "^"), ("\\widehat", "^"), ("\\bar", "¯"), ("\\overline", "¯"), ("\\tilde", "~"),
             ("\\widetilde", "~"), ("\\vec", "→"), ("\\dot", "˙"), ("\\ddot", "¨"), ("\\check", "ˇ"),
             ("\\breve", "˘"), ("\\underline", "_"), ("\\overbrace", "⏞"), ("\\underbrace", "⏟")], .accent)
        return table
    }()
}
