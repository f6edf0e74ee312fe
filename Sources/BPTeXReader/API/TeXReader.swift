import BPDocument

/// Reads the TeX a lecturer writes between dollars into the ``MathNode``s the reports use,
/// in the shape texmath gives: sequences as rows, numbers, identifiers, symbols by class.
///
/// What it does not understand is never dropped: the smallest construct around it is kept as
/// ``MathNode/unparsed(_:)`` with its source, and a ``TeXWarning`` says where and why, so the
/// rest of the formula still reads. Hostile input (deep nesting, very long formulas) gives a
/// fallback and a warning, never a trap.
public struct TeXReader: Sendable {
    /// Formulas longer than this many characters are kept as written, unread.
    public static let maximumLength = 50_000
    /// Constructs nested deeper than this are kept as written, so recursion stays bounded.
    public static let maximumDepth = 200

    /// A reader; it keeps no state between formulas.
    public init() {}

    /// Parses the TeX between `$...$` or `$$...$$` (without the dollars).
    public func read(_ tex: String) -> TeXParse {
        let length = tex.count
        if length > Self.maximumLength {
            let warning = TeXWarning(offset: 0, construct: String(tex.prefix(20)),
                                     message: "formula of \(length) characters is longer than \(Self.maximumLength); shown as written")
            return TeXParse(node: .unparsed(tex), warnings: [warning])
        }
        let parser = TeXParser(tex, maximumDepth: Self.maximumDepth)
        let node = parser.parseFormula()
        return TeXParse(node: node, warnings: parser.warnings.sorted { $0.offset < $1.offset })
    }
}
