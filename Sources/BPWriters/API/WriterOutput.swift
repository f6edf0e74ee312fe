/// What a writer makes of a document: the page's text and the files it refers to.
public struct WriterOutput: Sendable, Equatable {
    public var text: String
    /// Files to write beside the page (SVG figures that Markdown cannot embed), in document order.
    public var attachments: [Attachment]

    public init(text: String, attachments: [Attachment] = []) {
        self.text = text
        self.attachments = attachments
    }
}

/// A file a page refers to, named relative to the page.
public struct Attachment: Sendable, Equatable {
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}
