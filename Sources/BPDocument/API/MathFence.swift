/// The delimiters around a fenced expression or a matrix, which stretch to their content.
public struct MathFence: Sendable, Equatable, Hashable {
    public var open: MathDelimiter
    public var close: MathDelimiter

    public init(open: MathDelimiter, close: MathDelimiter) {
        self.open = open
        self.close = close
    }

    public static let parentheses = MathFence(open: .leftParenthesis, close: .rightParenthesis)
    public static let brackets = MathFence(open: .leftBracket, close: .rightBracket)
    public static let braces = MathFence(open: .leftBrace, close: .rightBrace)
    public static let bars = MathFence(open: .bar, close: .bar)
    public static let doubleBars = MathFence(open: .doubleBar, close: .doubleBar)
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

    public init(tex: String, character: String) {
        self.tex = tex
        self.character = character
    }

    public var isNone: Bool { character.isEmpty }

    public static let leftParenthesis = MathDelimiter(tex: "(", character: "(")
    public static let rightParenthesis = MathDelimiter(tex: ")", character: ")")
    public static let leftBracket = MathDelimiter(tex: "[", character: "[")
    public static let rightBracket = MathDelimiter(tex: "]", character: "]")
    public static let leftBrace = MathDelimiter(tex: "\\{", character: "{")
    public static let rightBrace = MathDelimiter(tex: "\\}", character: "}")
    public static let bar = MathDelimiter(tex: "|", character: "|")
    public static let doubleBar = MathDelimiter(tex: "\\|", character: "\u{2016}")
    public static let leftAngle = MathDelimiter(tex: "\\langle", character: "\u{27E8}")
    public static let rightAngle = MathDelimiter(tex: "\\rangle", character: "\u{27E9}")
    public static let leftFloor = MathDelimiter(tex: "\\lfloor", character: "\u{230A}")
    public static let rightFloor = MathDelimiter(tex: "\\rfloor", character: "\u{230B}")
    public static let leftCeiling = MathDelimiter(tex: "\\lceil", character: "\u{2308}")
    public static let rightCeiling = MathDelimiter(tex: "\\rceil", character: "\u{2309}")
    public static let none = MathDelimiter(tex: ".", character: "")
}
