/// A block of a ``Document``.
public indirect enum Block: Sendable, Equatable {
    /// A heading of `level` 1 to 6, with attributes for an anchor or a role.
    case heading(level: Int, [Inline], Attributes = .none)
    /// Running text.
    case paragraph([Inline])
    /// Math on a line of its own.
    case displayMath(MathNode)
    /// A list without numbers; each item is blocks of its own.
    case bulletList([[Block]])
    /// A numbered list whose first item is numbered `start`.
    case orderedList(start: Int, [[Block]])
    /// Quoted blocks, such as a note set apart.
    case blockQuote([Block])
    /// Literal text, such as a spec shown as written; `language` is the fence's info string.
    case codeBlock(language: String?, String)
    /// A table of inline cells.
    case table(Table)
    /// A drawing or an image with its caption.
    case figure(Figure)
    /// A rule between parts, Markdown's `---`.
    case thematicBreak
    /// A group that belongs together on the page, such as one step of a run. Its attributes'
    /// `role` names it for stylesheets (`step`, `given`, `forward`, ...).
    case section(Attributes, [Block])

    /// A section with only a role, the report builder's most common group.
    public static func section(role: String, _ blocks: [Block]) -> Block {
        .section(Attributes(role: role), blocks)
    }
}

/// Attributes of a block or span, as pandoc's `Attr`: an identifier (an anchor a link or a
/// checker can address), classes, and the role a stylesheet or a transformation keys on.
public struct Attributes: Sendable, Equatable, Hashable {
    /// The anchor (`#id`) a link may point at.
    public var id: String?
    /// Class names for a stylesheet, written as HTML's `class`.
    public var classes: [String]
    /// What the block is in the document's own terms (`given`, `forward`, `step`, ...).
    public var role: String?

    /// No identifier, classes or role.
    public static let none = Attributes()

    /// Attributes with any of the three set.
    public init(id: String? = nil, classes: [String] = [], role: String? = nil) {
        self.id = id
        self.classes = classes
        self.role = role
    }

    /// Whether nothing is set, so that a writer leaves the attributes out.
    public var isEmpty: Bool { id == nil && classes.isEmpty && role == nil }
}
