/// A file a render made: a page or one of its attachments, named relative to the folder the
/// pages go to. The pipeline writes nothing itself; the caller decides where files go.
public struct RenderedFile: Sendable, Equatable {
    /// `problem1.md`, `problem1.html`, or an attachment's name.
    public var name: String
    /// The file's text, UTF-8 when written; empty for a binary file (a PDF).
    public var contents: String
    /// A binary file's bytes; `nil` for text.
    public var binary: [UInt8]?

    /// The bytes to write: the binary file's, or the text's UTF-8.
    public var bytes: [UInt8] { binary ?? Array(contents.utf8) }

    /// A binary file named `name`.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.contents = ""
        self.binary = bytes
    }

    /// A file named `name` holding `contents`.
    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}
