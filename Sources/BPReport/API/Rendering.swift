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
