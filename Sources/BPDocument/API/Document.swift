

/// A report as a format-free tree: blocks of prose and structured math. Writers turn it into
/// Markdown, HTML and (later) LaTeX or notebooks; none of them parses another's output.
public struct Document: Sendable, Equatable {
    /// Plain text (escaped by each writer).
    public var title: String?
    /// A BCP 47 language tag such as `en` or `ko`.
    public var language: String
    public var blocks: [Block]

    public init(title: String?, language: String, blocks: [Block]) {
        self.title = title
        self.language = language
        self.blocks = blocks
    }
}

/// A block of a ``Document``.
public indirect enum Block: Sendable, Equatable {
    case heading(level: Int, [Inline])
    case paragraph([Inline])
    /// Math on a line of its own.
    case displayMath(MathNode)
    /// Markdown a person wrote (notebook prose, notes): passed to the Markdown writer as is and
    /// parsed by cmark for HTML, with raw HTML left out.
    case markdown(String)
    case bulletList([[Block]])
    /// A group that belongs together on the page, such as one step of a run; `role` names it
    /// for stylesheets (`step`, `given`, `forward`, ...).
    case section(role: String, [Block])
}

/// Inline content of a paragraph or heading.
public indirect enum Inline: Sendable, Equatable {
    /// Plain text: writers escape it.
    case text(String)
    case math(MathNode)
    case strong([Inline])
    case emphasis([Inline])
}
