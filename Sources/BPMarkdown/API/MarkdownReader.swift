import FoundationEssentials
import BPDocument

/// Reads Markdown a person wrote (CommonMark, through libcmark) into the document model:
/// paragraphs, headings, lists, quotes, code, emphasis, links, and, when asked, `$...$` and
/// `$$...$$` math. Raw HTML is left out, as the HTML writer's safe mode would leave it out
/// anyway; an image becomes its alternative text.
public enum MarkdownReader {
    /// Markdown without math: a `$` is a dollar.
    public static func read(_ markdown: String) -> [Block] {
        CmarkReader().read(markdown)
    }

    /// Markdown with dollar math (pandoc's `tex_math_dollars`): `math` turns each formula's TeX
    /// into a node (the reader keeps the TeX beside it, as ``MathNode/written(tex:_:)``).
    /// Math never goes through cmark's inline parser; nothing in a code span or block is math.
    public static func read(_ markdown: String, math: (MarkdownMath) -> MathNode) -> [Block] {
        let (text, spans) = DollarMathScanner().scan(markdown)
        let formulas = spans.map { span -> (MathNode, Bool) in
            let found = MarkdownMath(tex: span.tex, display: span.display, line: span.line, column: span.column)
            // A display formula's source loses only the line breaks around it: a blank line
            // inside $$ ... $$ would end the formula for Markdown readers.
            let tex = span.display ? span.tex.trimmingWhiteSpace(newlines: true) : span.tex
            return (.written(tex: tex, math(found)), span.display)
        }
        return MathPlaceholders(formulas: formulas).resolve(CmarkReader().read(text))
    }
}
