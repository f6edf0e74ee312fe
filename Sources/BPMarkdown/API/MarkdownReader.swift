import BPDocument

/// Reads Markdown a person wrote (CommonMark, through libcmark) into the document model:
/// paragraphs, headings, lists, quotes, code, emphasis, links. Raw HTML is left out, as the
/// HTML writer's safe mode would leave it out anyway; an image becomes its alternative text.
public enum MarkdownReader {
    public static func read(_ markdown: String) -> [Block] {
        CmarkReader().read(markdown)
    }
}
