import BPDocument

/// Writes blocks and inlines as HTML through libcmark, in its safe mode, with math as the
/// markup `math` returns and drawings as the markup `drawing` returns (neither parsed by cmark).
public struct CmarkHTML {
    private let renderer: CmarkRenderer

    /// `math` gives the HTML of a math node, inline or on a line of its own; `drawing` the HTML
    /// of a figure's drawing (its SVG), which the page embeds as it is.
    public init(math: @escaping (MathNode, _ display: Bool) -> String, drawing: @escaping (Drawing) -> String) {
        renderer = CmarkRenderer(math: math, drawing: drawing)
    }

    /// The HTML of blocks, as cmark writes it in safe mode.
    public func render(_ blocks: [Block]) -> String { renderer.render(blocks) }
    /// The HTML of inlines, without a paragraph around them (a heading's or a table cell's).
    public func render(_ inlines: [Inline]) -> String { renderer.render(inlines) }
}
