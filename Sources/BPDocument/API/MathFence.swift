/// The delimiters around a fenced expression or a matrix, which stretch to their content.
public struct MathFence: Sendable, Equatable, Hashable {
    /// The delimiter on the left.
    public var open: MathDelimiter
    /// The delimiter on the right.
    public var close: MathDelimiter

    /// A pair of delimiters, alike or not (`\left. \right|`).
    public init(open: MathDelimiter, close: MathDelimiter) {
        self.open = open
        self.close = close
    }

    /// `( )`, a matrix's default.
    public static let parentheses = MathFence(open: .leftParenthesis, close: .rightParenthesis)
    /// `[ ]`.
    public static let brackets = MathFence(open: .leftBracket, close: .rightBracket)
    /// `{ }`.
    public static let braces = MathFence(open: .leftBrace, close: .rightBrace)
    /// `| |`: a determinant or an absolute value.
    public static let bars = MathFence(open: .bar, close: .bar)
    /// `‖ ‖`: a norm.
    public static let doubleBars = MathFence(open: .doubleBar, close: .doubleBar)
    /// `⟨ ⟩`.
    public static let angles = MathFence(open: .leftAngle, close: .rightAngle)
    /// A brace on the left only, as `cases` has.
    public static let leftBrace = MathFence(open: .leftBrace, close: .none)
    /// No delimiters (a bare matrix).
    public static let none = MathFence(open: .none, close: .none)
}

/// One delimiter: how TeX spells it after `\left` or `\right`, and its character.
public struct MathDelimiter: Sendable, Equatable, Hashable {
    /// `(`, `\{`, `\langle`, `.` (none).
    public var tex: String
    /// The character shown; empty for none.
    public var character: String

    /// A delimiter of any spelling.
    public init(tex: String, character: String) {
        self.tex = tex
        self.character = character
    }

    /// Whether it is TeX's `.`, which shows nothing.
    public var isNone: Bool { character.isEmpty }

    /// `(`.
    public static let leftParenthesis = MathDelimiter(tex: "(", character: "(")
    /// `)`.
    public static let rightParenthesis = MathDelimiter(tex: ")", character: ")")
    /// `[`.
    public static let leftBracket = MathDelimiter(tex: "[", character: "[")
    /// `]`.
    public static let rightBracket = MathDelimiter(tex: "]", character: "]")
    /// `{`, `\{` in TeX.
    public static let leftBrace = MathDelimiter(tex: "\\{", character: "{")
    /// `}`, `\}` in TeX.
    public static let rightBrace = MathDelimiter(tex: "\\}", character: "}")
    /// `|`.
    public static let bar = MathDelimiter(tex: "|", character: "|")
    /// `‖`, `\|` in TeX.
    public static let doubleBar = MathDelimiter(tex: "\\|", character: "\u{2016}")
    /// `⟨`, `\langle`.
    public static let leftAngle = MathDelimiter(tex: "\\langle", character: "\u{27E8}")
    /// `⟩`, `\rangle`.
    public static let rightAngle = MathDelimiter(tex: "\\rangle", character: "\u{27E9}")
    /// `⌊`, `\lfloor`.
    public static let leftFloor = MathDelimiter(tex: "\\lfloor", character: "\u{230A}")
    /// `⌋`, `\rfloor`.
    public static let rightFloor = MathDelimiter(tex: "\\rfloor", character: "\u{230B}")
    /// `⌈`, `\lceil`.
    public static let leftCeiling = MathDelimiter(tex: "\\lceil", character: "\u{2308}")
    /// `⌉`, `\rceil`.
    public static let rightCeiling = MathDelimiter(tex: "\\rceil", character: "\u{2309}")
    /// No delimiter: TeX's `.` after `\left` or `\right`.
    public static let none = MathDelimiter(tex: ".", character: "")
}
