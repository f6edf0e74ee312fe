/// Structured math, in the shape of texmath's expressions: each writer (LaTeX, MathML) walks
/// it directly, so no writer ever parses TeX.
public indirect enum MathNode: Sendable, Equatable {
    /// A numeral as written, such as `1.67` or `-3`; a leading `-` is the sign.
    case number(String)
    /// An italic variable name: `a`, `W`, `t`.
    case identifier(String)
    case symbol(MathSymbol)
    /// An upright operator or function name: `log`, `tanh`, `lr`.
    case function(String)
    /// Upright words inside math.
    case text(String)
    case row([MathNode])
    case subscripted(MathNode, MathNode)
    case superscripted(MathNode, MathNode)
    case subsuperscripted(MathNode, sub: MathNode, sup: MathNode)
    case fraction(MathNode, MathNode)
    /// A parenthesised matrix; rows of equal length.
    case matrix([[MathNode]])
    /// A table laid out in math (the forward and backward tables), with a rule under the
    /// first row when `header` is set and rules between columns when `columnRules` is set.
    case array(alignments: [ColumnAlignment], rows: [[MathNode]], header: Bool, columnRules: Bool)
    /// Brackets that stretch to their content.
    case fenced(MathFence, MathNode)
    case space(MathSpace)
}

public enum ColumnAlignment: Sendable, Equatable {
    case left, center, right
}

public enum MathFence: Sendable, Equatable {
    case parentheses, brackets
}

public enum MathSpace: Sendable, Equatable {
    /// A thin space between juxtaposed factors.
    case thin
    /// \quad, between items of a list.
    case quad
}

/// Named symbols, with what each writer needs.
public enum MathSymbol: String, Sendable, Equatable, CaseIterable {
    case sigma, delta, partial, odot, times, plus, minus, equals
    case rightarrow, longrightarrow, comma, cdots, vdots, ddots, sum, prime, transpose
    case greater
}

extension MathNode {
    /// `base^sup`.
    public static func sup(_ base: MathNode, _ sup: MathNode) -> MathNode { .superscripted(base, sup) }
    /// `base_sub`.
    public static func sub(_ base: MathNode, _ sub: MathNode) -> MathNode { .subscripted(base, sub) }
    /// Juxtaposition of several nodes.
    public static func seq(_ nodes: MathNode...) -> MathNode { .row(nodes) }
    public static func id(_ name: String) -> MathNode { .identifier(name) }
    public static func num(_ value: Int) -> MathNode { .number(String(value)) }
    public static let equals = MathNode.symbol(.equals)
}
