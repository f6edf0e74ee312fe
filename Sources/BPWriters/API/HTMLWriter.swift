import BPDocument
import BPMarkdown

/// Writes a ``Document`` as an HTML fragment (the page's body) through libcmark, with math as
/// MathML or as TeX for KaTeX.
public enum HTMLWriter {
    /// The HTML of the document's blocks, without the page around them (``PageWriter`` adds it).
    public static func body(_ document: Document, options: HTMLOptions = HTMLOptions()) -> String {
        let renderer = CmarkHTML(math: { node, display -> [UInt8] in
            switch options.math {
            case .mathML:
                return MathMLWriter.markup(node, display: display)
            case .katex:
                let tex = HTMLText.escape(LaTeXMathWriter.write(node))
                return Array((display ? "\\[" + tex + "\\]" : "<span class=\"bp-math\">\\(" + tex + "\\)</span>").utf8)
            }
        }, drawing: SVGWriter.write)
        var blocks = document.blocks
        if let title = document.title { blocks.insert(.heading(level: 1, [.text(title)]), at: 0) }
        return renderer.render(blocks)
    }
}
