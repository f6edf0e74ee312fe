/// What one source rendered to: its files, the warnings its reading gave, and its title (for
/// a site's index).
public struct Rendering: Sendable, Equatable {
    public var files: [RenderedFile]
    public var warnings: [String]
    public var title: String

    public init(files: [RenderedFile], warnings: [String] = [], title: String) {
        self.files = files
        self.warnings = warnings
        self.title = title
    }
}

/// A file a render made: a page or one of its attachments, named relative to the folder the
/// pages go to. The pipeline writes nothing itself; the caller decides where files go.
public struct RenderedFile: Sendable, Equatable {
    /// `problem1.md`, `problem1.html`, or an attachment's name.
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}
