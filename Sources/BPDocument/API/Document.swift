/// A document as a format-free tree: blocks of prose, tables, figures and structured math.
///
/// Readers and the report builder make it; writers (Markdown, HTML, and later others) turn it
/// into text, and none of them parses another's output. It knows nothing of networks, specs or
/// output formats, as pandoc-types stands apart from pandoc.
public struct Document: Sendable, Equatable {
    /// Plain text (escaped by each writer); the page title and top heading.
    public var title: String?
    /// A BCP 47 language tag such as `en` or `ko`.
    public var language: String
    /// Whatever else describes the document (author, course, date), for templates and writers
    /// that want it. Writers iterate it in key order, so output never depends on hashing.
    public var metadata: [String: MetaValue]
    /// The content, in reading order.
    public var blocks: [Block]

    /// The title a page or an index shows: ``title``, or else the metadata's `title` (a
    /// notebook's first heading, which its blocks already hold).
    public var displayTitle: String? {
        if let title { return title }
        if case let .string(title)? = metadata["title"] { return title }
        return nil
    }

    /// A document of `blocks`, titled and in `language`.
    public init(title: String?, language: String, metadata: [String: MetaValue] = [:], blocks: [Block]) {
        self.title = title
        self.language = language
        self.metadata = metadata
        self.blocks = blocks
    }
}

/// A metadata value, as pandoc's `MetaValue`: text, formatted inlines, booleans, lists and maps.
public indirect enum MetaValue: Sendable, Equatable {
    /// Plain text.
    case string(String)
    /// A flag.
    case bool(Bool)
    /// Formatted text, math included.
    case inlines([Inline])
    /// Values in order.
    case list([MetaValue])
    /// Named values; writers read them in key order.
    case map([String: MetaValue])
}
