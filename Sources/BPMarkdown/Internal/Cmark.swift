import BPDocument
import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The bridge to libcmark, and the only file that touches it: Swift values become a cmark tree
// to write HTML, and cmark's parse of Markdown becomes Swift values. Every pointer is freed
// here.

/// Renders a ``Document`` to HTML through libcmark: the document becomes a cmark node tree and
/// cmark writes it, in its safe mode (raw HTML is omitted, unsafe link schemes blanked). Math
/// never goes through cmark's parser: it arrives as custom nodes holding the markup `math`
/// returns, which cmark writes verbatim.
struct CmarkRenderer {
    /// The HTML of a math node, inline or display, as UTF-8.
    let math: (MathNode, _ display: Bool) -> [UInt8]
    /// The HTML of a figure's drawing.
    let drawing: (Drawing) -> String

    func render(_ blocks: [Block]) -> String {
        guard let root = cmark_node_new(CMARK_NODE_DOCUMENT) else { return "" }
        defer { cmark_node_free(root) }
        for block in blocks { append(block, to: root) }
        return html(root)
    }

    /// Inline content alone (a table cell, a caption), without the paragraph around it.
    func render(_ inlines: [Inline]) -> String {
        guard let root = cmark_node_new(CMARK_NODE_DOCUMENT) else { return "" }
        defer { cmark_node_free(root) }
        let paragraph = child(CMARK_NODE_PARAGRAPH, of: root)
        for item in inlines { append(item, to: paragraph) }
        var text = html(root)
        if text.hasPrefix("<p>") { text.removeFirst(3) }
        if text.hasSuffix("</p>\n") { text.removeLast(5) }
        return text
    }

    private func html(_ root: OpaquePointer) -> String {
        guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    private func append(_ block: Block, to parent: OpaquePointer) {
        switch block {
        case let .heading(level, inlines, attributes):
            let clamped = max(1, min(level, 6))
            if attributes.isEmpty {
                let node = child(CMARK_NODE_HEADING, of: parent)
                cmark_node_set_heading_level(node, Int32(clamped))
                for item in inlines { append(item, to: node) }
            } else {
                custom(block: "<h\(clamped)\(Self.attributes(attributes))>" + render(inlines) + "</h\(clamped)>\n", in: parent)
            }
        case let .paragraph(inlines):
            let node = child(CMARK_NODE_PARAGRAPH, of: parent)
            for item in inlines { append(item, to: node) }
        case let .displayMath(node):
            var html = Array("<div class=\"bp-display\">".utf8)
            html += math(node, true)
            html += "</div>".utf8
            let custom = child(CMARK_NODE_CUSTOM_BLOCK, of: parent)
            Self.setOnEnter(custom, html)
        case let .bulletList(items), let .orderedList(_, items):
            let list = child(CMARK_NODE_LIST, of: parent)
            if case let .orderedList(start, _) = block {
                cmark_node_set_list_type(list, CMARK_ORDERED_LIST)
                cmark_node_set_list_start(list, Int32(clamping: start))
            } else {
                cmark_node_set_list_type(list, CMARK_BULLET_LIST)
            }
            cmark_node_set_list_tight(list, 1)
            for item in items {
                let node = child(CMARK_NODE_ITEM, of: list)
                for block in item { append(block, to: node) }
            }
        case let .blockQuote(blocks):
            let node = child(CMARK_NODE_BLOCK_QUOTE, of: parent)
            for block in blocks { append(block, to: node) }
        case let .codeBlock(language, text):
            let node = child(CMARK_NODE_CODE_BLOCK, of: parent)
            cmark_node_set_literal(node, text.hasSuffix("\n") ? text : text + "\n")
            if let language { cmark_node_set_fence_info(node, language) }
        case let .table(table):
            custom(block: tableHTML(table), in: parent)
        case let .figure(figure):
            var html = "<figure" + Self.attributes(figure.attributes, role: "figure") + ">\n"
            switch figure.content {
            // The tool's own drawing, so it is trusted markup.
            case let .drawing(_, picture): html += drawing(picture)
            case let .image(source, alternative):
                html += "<img src=\"" + HTMLText.escape(Self.safeURL(source)) + "\" alt=\"" + HTMLText.escape(alternative) + "\">"
            }
            if !figure.caption.isEmpty { html += "\n<figcaption>" + render(figure.caption) + "</figcaption>" }
            custom(block: html + "\n</figure>\n", in: parent)
        case .thematicBreak:
            _ = child(CMARK_NODE_THEMATIC_BREAK, of: parent)
        case let .section(attributes, blocks):
            let node = wrapper(CMARK_NODE_CUSTOM_BLOCK, "<section" + Self.attributes(attributes) + ">", "</section>", in: parent)
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
            Self.setOnEnter(custom, math(node, false))
        case let .strong(inner):
            let node = child(CMARK_NODE_STRONG, of: parent)
            for item in inner { append(item, to: node) }
        case let .emphasis(inner):
            let node = child(CMARK_NODE_EMPH, of: parent)
            for item in inner { append(item, to: node) }
        case let .code(text):
            let node = child(CMARK_NODE_CODE, of: parent)
            cmark_node_set_literal(node, text)
        case let .link(target, title, inner):
            // cmark's safe mode blanks javascript: and similar targets.
            let node = child(CMARK_NODE_LINK, of: parent)
            cmark_node_set_url(node, target)
            if let title { cmark_node_set_title(node, title) }
            for item in inner { append(item, to: node) }
        case .lineBreak:
            _ = child(CMARK_NODE_LINEBREAK, of: parent)
        case let .span(attributes, inner):
            let node = wrapper(CMARK_NODE_CUSTOM_INLINE, "<span" + Self.attributes(attributes) + ">", "</span>", in: parent)
            for item in inner { append(item, to: node) }
        }
    }

    private func tableHTML(_ table: Table) -> String {
        func align(_ column: Int) -> String {
            guard column < table.alignments.count else { return "" }
            switch table.alignments[column] {
            case .left: return " style=\"text-align: left\""
            case .center: return " style=\"text-align: center\""
            case .right: return " style=\"text-align: right\""
            }
        }
        var html = "<table" + Self.attributes(table.attributes) + ">\n"
        if !table.caption.isEmpty { html += "<caption>" + render(table.caption) + "</caption>\n" }
        html += "<thead>\n<tr>" + table.header.enumerated().map { "<th\(align($0))>" + render($1) + "</th>" }.joined() + "</tr>\n</thead>\n"
        html += "<tbody>\n" + table.rows.map { row in
            "<tr>" + row.enumerated().map { "<td\(align($0))>" + render($1) + "</td>" }.joined() + "</tr>\n"
        }.joined() + "</tbody>\n</table>\n"
        return html
    }

    /// `id` and `class` attributes; the role becomes the class `bp-ROLE`, ahead of the others.
    private static func attributes(_ attributes: Attributes, role defaultRole: String? = nil) -> String {
        var out = ""
        if let id = attributes.id { out += " id=\"" + HTMLText.escape(id) + "\"" }
        var classes: [String] = []
        if let role = attributes.role ?? defaultRole { classes.append("bp-" + role.filter { $0.isLetter || $0 == "-" }) }
        classes += attributes.classes
        if !classes.isEmpty { out += " class=\"" + HTMLText.escape(classes.joined(separator: " ")) + "\"" }
        return out
    }

    /// An image source, blanked when its scheme could run script (as cmark does for links).
    private static func safeURL(_ url: String) -> String {
        let lowered = url.lowercased().filter { !$0.isWhitespace }
        for scheme in ["javascript:", "vbscript:", "file:", "data:text/html"] where lowered.hasPrefix(scheme) { return "" }
        return url
    }

    /// A custom node that cmark writes as `open`, its children, then `close`.
    private func wrapper(_ type: cmark_node_type, _ open: String, _ close: String, in parent: OpaquePointer) -> OpaquePointer {
        let node = child(type, of: parent)
        cmark_node_set_on_enter(node, open)
        cmark_node_set_on_exit(node, close)
        return node
    }

    private func custom(block html: String, in parent: OpaquePointer) {
        let node = child(CMARK_NODE_CUSTOM_BLOCK, of: parent)
        cmark_node_set_on_enter(node, html)
    }

    /// Sets a custom node's opening markup from UTF-8 bytes, which cmark copies.
    private static func setOnEnter(_ node: OpaquePointer, _ utf8: [UInt8]) {
        var terminated = utf8
        terminated.append(0)
        terminated.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_on_enter(node, $0.baseAddress) }
        }
    }

    /// A new node of `type`, appended to `parent` (which then owns it).
    private func child(_ type: cmark_node_type, of parent: OpaquePointer) -> OpaquePointer {
        let node = cmark_node_new(type)!
        cmark_node_append_child(parent, node)
        return node
    }
}

/// Reads Markdown with cmark's parser and copies its tree into the model.
struct CmarkReader {
    func read(_ markdown: String) -> [Block] {
        guard let root = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT) else { return [] }
        defer { cmark_node_free(root) }
        return children(of: root).compactMap(block)
    }

    private func children(of node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            out.append(current)
            child = cmark_node_next(current)
        }
        return out
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private func block(_ node: OpaquePointer) -> Block? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            // An image alone in its paragraph is a figure, captioned with its description, as
            // pandoc's implicit_figures reads it; an image inside text stays its description.
            let parts = children(of: node)
            if parts.count == 1, cmark_node_get_type(parts[0]) == CMARK_NODE_IMAGE {
                let caption = inlines(of: parts[0])
                let source = cmark_node_get_url(parts[0]).map { String(cString: $0) } ?? ""
                return .figure(Figure(content: .image(source: source, alternative: Self.plainText(caption)), caption: caption))
            }
            return .paragraph(inlines(of: node))
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node))
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote(children(of: node).compactMap(block))
        case CMARK_NODE_LIST:
            let items = children(of: node).map { children(of: $0).compactMap(block) }
            if cmark_node_get_list_type(node) == CMARK_ORDERED_LIST {
                return .orderedList(start: Int(cmark_node_get_list_start(node)), items)
            }
            return .bulletList(items)
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .codeBlock(language: info.isEmpty ? nil : info, literal(node))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        default: return nil  // raw HTML blocks are left out
        }
    }

    private func inlines(of node: OpaquePointer) -> [Inline] {
        children(of: node).flatMap(inline)
    }

    /// The text of inlines without their markup, for an image's alternative text.
    private static func plainText(_ inlines: [Inline]) -> String {
        inlines.map { item -> String in
            switch item {
            case let .text(text), let .code(text): return text
            case let .strong(inner), let .emphasis(inner), let .link(_, _, inner), let .span(_, inner): return plainText(inner)
            case .lineBreak: return " "
            case .math: return ""
            }
        }.joined()
    }

    private func inline(_ node: OpaquePointer) -> [Inline] {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return [.text(literal(node))]
        case CMARK_NODE_SOFTBREAK: return [.text(" ")]
        case CMARK_NODE_LINEBREAK: return [.lineBreak]
        case CMARK_NODE_CODE: return [.code(literal(node))]
        case CMARK_NODE_EMPH: return [.emphasis(inlines(of: node))]
        case CMARK_NODE_STRONG: return [.strong(inlines(of: node))]
        case CMARK_NODE_LINK:
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let title = cmark_node_get_title(node).map { String(cString: $0) }
            return [.link(target: url, title: title?.isEmpty == false ? title : nil, inlines(of: node))]
        case CMARK_NODE_IMAGE: return inlines(of: node)  // its alternative text
        default: return []  // raw HTML is left out
        }
    }
}
