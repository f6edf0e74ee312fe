import BPDocument

/// The delimiters `\left`, `\right` and `\big` take, by how they are spelled, each read as the
/// model's own constant so fences compare equal to ``MathFence/parentheses`` and the rest.
enum TeXDelimiterTable {
    static let byTeX: [String: MathDelimiter] = [
        "(": .leftParenthesis, ")": .rightParenthesis,
        "[": .leftBracket, "\\lbrack": .leftBracket, "]": .rightBracket, "\\rbrack": .rightBracket,
        "\\{": .leftBrace, "\\lbrace": .leftBrace, "\\}": .rightBrace, "\\rbrace": .rightBrace,
        "|": .bar, "\\vert": .bar, "\\lvert": .bar, "\\rvert": .bar,
        "\\|": .doubleBar, "\\Vert": .doubleBar, "\\lVert": .doubleBar, "\\rVert": .doubleBar,
        "\\langle": .leftAngle, "<": .leftAngle, "\\rangle": .rightAngle, ">": .rightAngle,
        "\\lfloor": .leftFloor, "\\rfloor": .rightFloor, "\\lceil": .leftCeiling, "\\rceil": .rightCeiling,
        ".": .none, "/": MathDelimiter(tex: "/", character: "/"),
        "\\backslash": MathDelimiter(tex: "\\backslash", character: "\u{2216}"),
        "\\uparrow": MathDelimiter(tex: "\\uparrow", character: "\u{2191}"),
        "\\downarrow": MathDelimiter(tex: "\\downarrow", character: "\u{2193}"),
    ]

    /// Size commands that only enlarge the delimiter after them (`\bigl(`): the model has no
    /// sizes, so the delimiter is read as its symbol.
    static let sizes: Set<String> = [
        "big", "Big", "bigg", "Bigg", "bigl", "Bigl", "biggl", "Biggl", "bigr", "Bigr", "biggr", "Biggr",
        "bigm", "Bigm", "biggm", "Biggm",
    ]
}
