/// A file a render made: a page or one of its attachments, named relative to the folder the
/// pages go to. The pipeline writes nothing itself; the caller decides where files go.
public struct RenderedFile: Sendable, Equatable {
    /// `problem1.md`, `problem1.html`, or an attachment's name.
    public var name: String
    /// The file's text, UTF-8 when written.
    public var contents: String

    /// A file named `name` holding `contents`.
    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}
