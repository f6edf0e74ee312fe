/// One input to render: a spec's or a notebook's text, with the name its outputs take.
public struct Source: Sendable, Equatable {
    /// What the text is.
    public enum Kind: Sendable, Equatable {
        /// A network spec (YAML or JSON).
        case spec
        /// A notebook (`NAME.nb.md`): Markdown prose with network cells (code blocks fenced as `network`).
        case notebook
    }

    /// The base name of the outputs (`problem1` gives `problem1.md`), and the title of a
    /// report whose spec has none.
    public var name: String
    /// What errors call it, such as its path; `nil` for text that came from no file.
    public var label: String?
    /// The spec or notebook.
    public var text: String
    /// A spec or a notebook.
    public var kind: Kind
    /// The folder the source's relative image paths are found in when a PDF is compiled (a
    /// notebook's `![](figure.png)`); `nil` for text that came from no file.
    public var folder: String?

    /// A source of text in memory; ``init(name:label:data:kind:)`` takes bytes.
    public init(name: String, label: String? = nil, text: String, kind: Kind = .spec) {
        self.name = name
        self.label = label
        self.text = text
        self.kind = kind
    }
}
