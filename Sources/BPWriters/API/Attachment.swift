/// A file a page refers to, named relative to the page.
public struct Attachment: Sendable, Equatable {
    /// The file name, as the page links it: `problem1.network.svg`.
    public var name: String
    /// The file's text (SVG markup).
    public var contents: String

    /// A file named `name` holding `contents`.
    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}
