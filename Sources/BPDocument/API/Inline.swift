/// Inline content of a paragraph, heading, table cell or caption.
public indirect enum Inline: Sendable, Equatable {
    /// Plain text: writers escape it.
    case text(String)
    /// Math in the line of text.
    case math(MathNode)
    /// Strong emphasis, usually bold.
    case strong([Inline])
    /// Emphasis, usually italic.
    case emphasis([Inline])
    /// Literal text in a code font.
    case code(String)
    /// A link to `target` (a URL or `#id`), with an optional title.
    case link(target: String, title: String?, [Inline])
    /// A hard line break inside a paragraph.
    case lineBreak
    /// A span with attributes, for stylesheets and transformations.
    case span(Attributes, [Inline])
}
