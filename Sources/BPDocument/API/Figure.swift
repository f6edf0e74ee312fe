/// A picture with a caption: a drawing the tool made, or an image file.
public struct Figure: Sendable, Equatable {
    /// An anchor, classes (`network`, `loss-plot`) or a role (`computed`).
    public var attributes: Attributes
    /// The drawing or the image.
    public var content: FigureContent
    /// Shown under the figure, and the alternative text where a writer needs one.
    public var caption: [Inline]

    /// A figure of `content` with its caption.
    public init(attributes: Attributes = .none, content: FigureContent, caption: [Inline]) {
        self.attributes = attributes
        self.content = content
        self.caption = caption
    }
}

/// What a figure shows.
public enum FigureContent: Sendable, Equatable {
    /// A drawing the tool made itself, which each writer draws in its own format. `name` is the
    /// file a writer that cannot embed it (Markdown) writes beside the page, such as `network.svg`.
    case drawing(name: String, Drawing)
    /// An image file referred to by path or URL, with its alternative text.
    case image(source: String, alternative: String)
}
