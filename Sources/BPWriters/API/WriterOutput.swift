/// What a writer makes of a document: the page's text and the files it refers to.
public struct WriterOutput: Sendable, Equatable {
    /// The page itself.
    public var text: String
    /// Files to write beside the page (SVG figures that Markdown cannot embed), in document order.
    public var attachments: [Attachment]

    /// A page and the files it links.
    public init(text: String, attachments: [Attachment] = []) {
        self.text = text
        self.attachments = attachments
    }
}
