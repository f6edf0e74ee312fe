import BPDocument

/// Writes blocks and inlines as HTML through libcmark, in its safe mode, with math as the
/// markup `math` returns and drawings as the markup `drawing` returns (neither parsed by cmark).
public struct CmarkHTML {
    private let renderer: CmarkRenderer

    /// `math` gives the HTML of a math node, inline or on a line of its own, as UTF-8 bytes
    /// (cmark copies them as they are: no `String` is made of every formula only to be copied
    /// again); `drawing` the HTML of a figure's drawing (its SVG), which the page embeds as it is.
    public init(math: @escaping (MathNode, _ display: Bool) -> [UInt8], drawing: @escaping (Drawing) -> String) {
        renderer = CmarkRenderer(math: math, drawing: drawing)
    }

    /// The same, with the math's HTML given as text.
    public init(math: @escaping (MathNode, _ display: Bool) -> String, drawing: @escaping (Drawing) -> String) {
        renderer = CmarkRenderer(math: { node, display in Array(math(node, display).utf8) }, drawing: drawing)
    }

    /// The HTML of blocks, as cmark writes it in safe mode.
    public func render(_ blocks: [Block]) -> String { renderer.render(blocks) }
    /// The HTML of inlines, without a paragraph around them (a heading's or a table cell's).
    public func render(_ inlines: [Inline]) -> String { renderer.render(inlines) }
}
