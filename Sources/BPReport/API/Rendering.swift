/// What one source rendered to: its files, the warnings its reading gave, and its title (for
/// a site's index).
public struct Rendering: Sendable, Equatable {
    /// Every page in ``Pipeline/options``' formats (and modes), each followed by its attachments.
    public var files: [RenderedFile]
    /// TeX shown as written, each `FILE:LINE:COL: ...`; empty for a spec.
    public var warnings: [String]
    /// The first page's title, or the source's name.
    public var title: String
    /// The images on disk that its pages show (a notebook's `![](net.png)`), as written
    /// (relative to the source's folder, unless absolute), each once; not URLs. A site written
    /// elsewhere copies them beside its pages.
    public var images: [String]

    /// A rendering of `files`, with its warnings, title and the images its pages show.
    public init(files: [RenderedFile], warnings: [String] = [], title: String, images: [String] = []) {
        self.files = files
        self.warnings = warnings
        self.title = title
        self.images = images
    }
}
