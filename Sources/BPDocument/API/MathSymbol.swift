/// A math symbol: its TeX spelling, its Unicode character and its class.
///
/// The set is open: a reader of the TeX a person writes makes symbols for whatever it meets;
/// ``named(_:)`` knows the common ones. Writers decide by ``MathSymbolClass``, never by symbol.
public struct MathSymbol: Sendable, Equatable, Hashable {
    /// How TeX spells it: `\sigma`, `+`, `\le`.
    public var tex: String
    /// The character MathML and plain text show: `σ`, `+`, `≤`.
    public var character: String
    /// What it is to the typesetter, which decides how writers set it.
    public var symbolClass: MathSymbolClass

    /// A symbol of any spelling; readers make these for what they meet.
    public init(tex: String, character: String, class symbolClass: MathSymbolClass) {
        self.tex = tex
        self.character = character
        self.symbolClass = symbolClass
    }
}

/// What a symbol is to the typesetter, after TeX's and texmath's classes: it decides the
/// element, spacing and behaviour a writer gives it.
public enum MathSymbolClass: String, Sendable, Equatable, Hashable, CaseIterable {
    /// A letter-like symbol that stands for something (σ, δ, ∂, ∞): set as an identifier.
    /// A symbol that is a Latin letter (the T of a transpose) is upright, since it is no variable.
    case alphabetic
    /// Any other ordinary symbol (′, ⋯, ⋮): no spacing of its own.
    case ordinary
    /// A large operator whose limits go below and above in display (∑, ∏, ∫).
    case largeOperator
    /// A binary operator (+, −, ×, ⊙).
    case binary
    /// A relation (=, ≤, →, ∈).
    case relation
    /// An opening delimiter.
    case open
    /// A closing delimiter.
    case close
    /// Punctuation (a comma between items).
    case punctuation
    /// An accent set over or under a base (hat, bar, tilde).
    case accent
}

extension MathSymbol {
    /// σ, an activation.
    public static let sigma = MathSymbol(tex: "\\sigma", character: "\u{3C3}", class: .alphabetic)
    /// δ, a layer's error.
    public static let delta = MathSymbol(tex: "\\delta", character: "\u{3B4}", class: .alphabetic)
    /// ∂, of a partial derivative.
    public static let partial = MathSymbol(tex: "\\partial", character: "\u{2202}", class: .alphabetic)
    /// The T of a transpose, upright.
    public static let transpose = MathSymbol(tex: "T", character: "T", class: .alphabetic)
    /// ′, a derivative's prime.
    public static let prime = MathSymbol(tex: "\\prime", character: "\u{2032}", class: .ordinary)
    /// ⋯, entries left out of a row.
    public static let cdots = MathSymbol(tex: "\\cdots", character: "\u{22EF}", class: .ordinary)
    /// ⋮, entries left out of a column.
    public static let vdots = MathSymbol(tex: "\\vdots", character: "\u{22EE}", class: .ordinary)
    /// ⋱, entries left out along the diagonal.
    public static let ddots = MathSymbol(tex: "\\ddots", character: "\u{22F1}", class: .ordinary)
    /// Digits left out at the end of a number: `1.0857…`.
    public static let ellipsis = MathSymbol(tex: "\\ldots", character: "\u{2026}", class: .ordinary)
    /// Approximately equal.
    public static let approx = MathSymbol(tex: "\\approx", character: "\u{2248}", class: .relation)
    /// The invisible operator between a function and its argument, so MathML renderers space
    /// `log a` and `σ(x)` as functions; TeX needs nothing.
    public static let functionApplication = MathSymbol(tex: "", character: "\u{2061}", class: .ordinary)
    /// ∑, a sum over samples.
    public static let sum = MathSymbol(tex: "\\sum", character: "\u{2211}", class: .largeOperator)
    /// ⊙, the entrywise (Hadamard) product.
    public static let odot = MathSymbol(tex: "\\odot", character: "\u{2299}", class: .binary)
    /// ⋅, a product of scalars.
    public static let cdot = MathSymbol(tex: "\\cdot", character: "\u{22C5}", class: .binary)
    /// θ, a parameter.
    public static let theta = MathSymbol(tex: "\\theta", character: "\u{3B8}", class: .alphabetic)
    /// ×, between a matrix's sizes.
    public static let times = MathSymbol(tex: "\\times", character: "\u{D7}", class: .binary)
    /// +.
    public static let plus = MathSymbol(tex: "+", character: "+", class: .binary)
    /// −, U+2212 rather than a hyphen.
    public static let minus = MathSymbol(tex: "-", character: "\u{2212}", class: .binary)
    /// =.
    public static let equals = MathSymbol(tex: "=", character: "=", class: .relation)
    /// >.
    public static let greater = MathSymbol(tex: ">", character: ">", class: .relation)
    /// →, a mapping.
    public static let rightarrow = MathSymbol(tex: "\\rightarrow", character: "\u{2192}", class: .relation)
    /// ⟶, what a step leads to.
    public static let longrightarrow = MathSymbol(tex: "\\longrightarrow", character: "\u{27F6}", class: .relation)
    /// `,` between items.
    public static let comma = MathSymbol(tex: ",", character: ",", class: .punctuation)

    /// The symbol TeX spells `tex` (`\alpha`, `\le`, `+`), from a table of the common ones;
    /// `nil` for anything else.
    public static func named(_ tex: String) -> MathSymbol? { MathSymbolTable.byTeX[tex] }
}
