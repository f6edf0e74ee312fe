/// One input to render: a spec's text, with the name its outputs take.
public struct Source: Sendable, Equatable {
    /// The base name of the outputs (`problem1` gives `problem1.md`), and the title of a
    /// report whose spec has none.
    public var name: String
    /// What errors call it, such as its path; `nil` for text that came from no file.
    public var label: String?
    /// The spec, YAML or JSON.
    public var text: String

    public init(name: String, label: String? = nil, text: String) {
        self.name = name
        self.label = label
        self.text = text
    }
}
