/// Structured math, in the shape of texmath's expressions: each writer (LaTeX, MathML) walks
/// it directly, so no writer ever parses TeX. Symbols carry their class, so writers handle
/// classes of symbols rather than each symbol.
public indirect enum MathNode: Sendable, Equatable {
    /// A numeral as written, such as `1.67` or `-3`; a leading `-` is the sign.
    case number(String)
    /// An italic variable name: `a`, `W`, `t`.
    case identifier(String)
    /// A symbol with its class: `σ`, `∂`, `+`, `=`, `∑`, `,`.
    case symbol(MathSymbol)
    /// An upright operator or function name: `log`, `tanh`, `lr`.
    case function(String)
    /// Upright words inside math.
    case text(String)
    /// A run in another style: bold `W`, upright `d`, calligraphic `L`.
    case styled(MathVariant, MathNode)
    /// Nodes side by side, grouped as one (TeX's braces).
    case row([MathNode])
    /// A base and its subscript: `W_{ij}`.
    case subscripted(MathNode, MathNode)
    /// A base and its superscript: `a^2`, `W^T`.
    case superscripted(MathNode, MathNode)
    /// A base with both scripts: `a^{2}_{j}`.
    case subsuperscripted(MathNode, sub: MathNode, sup: MathNode)
    /// Something set above the base: an accent (`accent: true`, as `\hat y`) or a limit.
    case over(MathNode, MathNode, accent: Bool)
    /// Something set below the base (a limit, `\underbrace`'s brace).
    case under(MathNode, MathNode, accent: Bool)
    /// Limits below and above, as `\sum\limits_{s=1}^{m}`.
    case underOver(MathNode, under: MathNode, over: MathNode)
    /// Numerator over denominator.
    case fraction(MathNode, MathNode)
    /// `\sqrt{x}`, or `\sqrt[n]{x}` with an index.
    case root(index: MathNode?, MathNode)
    /// A matrix between stretching delimiters (parentheses unless told otherwise); rows of
    /// equal length.
    case matrix([[MathNode]], fence: MathFence = .parentheses)
    /// A table laid out in math (the forward and backward tables), with a rule under the
    /// first row when `header` is set and rules between columns when `columnRules` is set.
    case array(alignments: [ColumnAlignment], rows: [[MathNode]], header: Bool, columnRules: Bool)
    /// Lines aligned as amsmath's `aligned` does: cells alternately right- and left-aligned, so
    /// a long chain of equalities breaks after a relation and its lines line up at it.
    case aligned([[MathNode]])
    /// Delimiters of any kind that stretch to their content.
    case fenced(MathFence, MathNode)
    /// Horizontal space, as TeX's `\,` or `\quad`.
    case space(MathSpace)
    /// Math a person wrote, with the TeX it was read from: a writer of TeX (Markdown) keeps the
    /// source as written, the others show the parsed node.
    case written(tex: String, MathNode)
    /// TeX the reader does not know, shown as its source and marked as such, never dropped.
    case unparsed(String)
    /// Room for a student's answer: a box (an entry of a matrix) or a line (a scalar).
    case blank(MathBlank)
    /// A value with a verdict on what a key claimed for it: right, a new mistake, or one
    /// carried from an earlier slip (with the claimed text).
    case marked(MathMark, MathNode)
    /// A value the tool computed, marked with what it is. Writers show the content; a
    /// handout blanks it, a checker addresses it, a page may link it.
    case quantity(QuantityKey, MathNode)
    /// A matrix (or scalar) of a worked substitution, with its part in it: the result, or an
    /// operand whose rows, columns or entries the result's entries came from. Shown as its
    /// content; a page may highlight an operand's entries from an entry of the result.
    case linked(MathLink, MathNode)
}

extension MathNode {
    /// `base^sup`.
    public static func sup(_ base: MathNode, _ sup: MathNode) -> MathNode { .superscripted(base, sup) }
    /// `base_sub`.
    public static func sub(_ base: MathNode, _ sub: MathNode) -> MathNode { .subscripted(base, sub) }
    /// Juxtaposition of several nodes.
    public static func seq(_ nodes: MathNode...) -> MathNode { .row(nodes) }
    /// An identifier: `.id("a")`.
    public static func id(_ name: String) -> MathNode { .identifier(name) }
    /// An integer numeral: `.num(2)`.
    public static func num(_ value: Int) -> MathNode { .number(String(value)) }
    /// The `=` of every worked line.
    public static let equals = MathNode.symbol(.equals)

    /// The node under its quantity keys and links, which say what a value is and where it came
    /// from but change nothing of how it reads: what a writer looks at to decide how to group,
    /// stretch or space it. (`.written` and `.marked` are not stripped: they change the output.)
    public var unannotated: MathNode {
        switch self {
        case let .quantity(_, inner), let .linked(_, inner): return inner.unannotated
        default: return self
        }
    }
}
