/// A block of a ``Document``.
public indirect enum Block: Sendable, Equatable {
    case heading(level: Int, [Inline], Attributes = .none)
    case paragraph([Inline])
    /// Math on a line of its own.
    case displayMath(MathNode)
    case bulletList([[Block]])
    case orderedList(start: Int, [[Block]])
    case blockQuote([Block])
    /// Literal text, such as a spec shown as written; `language` is the fence's info string.
    case codeBlock(language: String?, String)
    case table(Table)
    case figure(Figure)
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
    public var id: String?
    public var classes: [String]
    /// What the block is in the document's own terms (`given`, `forward`, `step`, ...).
    public var role: String?

    public static let none = Attributes()

    public init(id: String? = nil, classes: [String] = [], role: String? = nil) {
        self.id = id
        self.classes = classes
        self.role = role
    }

    public var isEmpty: Bool { id == nil && classes.isEmpty && role == nil }
}
