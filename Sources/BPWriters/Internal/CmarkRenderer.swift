import BPDocument
import CCmark
import Foundation

/// Renders a ``Document`` to HTML through libcmark: the document becomes a cmark node tree and
/// cmark writes it, in its safe mode (raw HTML in prose is omitted). Math never goes through
/// cmark's parser: it arrives as custom nodes holding the markup `math` returns, which cmark
/// writes verbatim. This is the only file that touches cmark; every pointer is freed here.
struct CmarkRenderer {
    /// The HTML of a math node, inline or display.
    let math: (MathNode, _ display: Bool) -> String

    func render(_ blocks: [Block]) -> String {
        guard let root = cmark_node_new(CMARK_NODE_DOCUMENT) else { return "" }
        defer { cmark_node_free(root) }
        for block in blocks { append(block, to: root) }
        guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    private func append(_ block: Block, to parent: OpaquePointer) {
        switch block {
        case let .heading(level, inlines):
            let node = child(CMARK_NODE_HEADING, of: parent)
            cmark_node_set_heading_level(node, Int32(max(1, min(level, 6))))
            for item in inlines { append(item, to: node) }
        case let .paragraph(inlines):
            let node = child(CMARK_NODE_PARAGRAPH, of: parent)
            for item in inlines { append(item, to: node) }
        case let .displayMath(node):
            let custom = child(CMARK_NODE_CUSTOM_BLOCK, of: parent)
            cmark_node_set_on_enter(custom, "<div class=\"bp-display\">" + math(node, true) + "</div>")
        case let .markdown(text):
            // Prose a person wrote: cmark parses it, and its nodes join this tree.
            guard let parsed = cmark_parse_document(text, text.utf8.count, CMARK_OPT_DEFAULT) else { return }
            defer { cmark_node_free(parsed) }
            while let first = cmark_node_first_child(parsed) {
                cmark_node_unlink(first)
                cmark_node_append_child(parent, first)
            }
        case let .bulletList(items):
            let list = child(CMARK_NODE_LIST, of: parent)
            cmark_node_set_list_type(list, CMARK_BULLET_LIST)
            cmark_node_set_list_tight(list, 1)
            for item in items {
                let node = child(CMARK_NODE_ITEM, of: list)
                for block in item { append(block, to: node) }
            }
        case let .section(role, blocks):
            let node = child(CMARK_NODE_CUSTOM_BLOCK, of: parent)
            cmark_node_set_on_enter(node, "<section class=\"bp-\(role.filter { $0.isLetter || $0 == "-" })\">")
            cmark_node_set_on_exit(node, "</section>")
            for block in blocks { append(block, to: node) }
        }
    }

    private func append(_ inline: Inline, to parent: OpaquePointer) {
        switch inline {
        case let .text(text):
            // A literal, not parsed: cmark escapes it when writing.
            let node = child(CMARK_NODE_TEXT, of: parent)
            cmark_node_set_literal(node, text)
        case let .math(node):
            let custom = child(CMARK_NODE_CUSTOM_INLINE, of: parent)
            cmark_node_set_on_enter(custom, math(node, false))
        case let .strong(inner):
            let node = child(CMARK_NODE_STRONG, of: parent)
            for item in inner { append(item, to: node) }
        case let .emphasis(inner):
            let node = child(CMARK_NODE_EMPH, of: parent)
            for item in inner { append(item, to: node) }
        }
    }

    /// A new node of `type`, appended to `parent` (which then owns it).
    private func child(_ type: cmark_node_type, of parent: OpaquePointer) -> OpaquePointer {
        let node = cmark_node_new(type)!
        cmark_node_append_child(parent, node)
        return node
    }
}
