/// Inline content of a paragraph, heading, table cell or caption.
public indirect enum Inline: Sendable, Equatable {
    /// Plain text: writers escape it.
    case text(String)
    case math(MathNode)
    case strong([Inline])
    case emphasis([Inline])
    /// Literal text in a code font.
    case code(String)
    /// A link to `target` (a URL or `#id`), with an optional title.
    case link(target: String, title: String?, [Inline])
    case lineBreak
    /// A span with attributes, for stylesheets and transformations.
    case span(Attributes, [Inline])
}
