import BPDocument
import FoundationEssentials

/// Writes a ``Document`` as a Jupyter notebook (nbformat 4.5) of Markdown cells, which Jupyter
/// renders with its `$`/`$$` math.
///
/// The cells follow the document's groups: every section of the report that holds no other
/// section (the givens, each step's forward, backward and update, the summary, ...) is a cell,
/// with the headings just above it; a notebook's prose between two network cells stays one
/// cell, as the lecturer wrote it. The Markdown of each cell is ``MarkdownWriter``'s, so the
/// notebook says what the Markdown page says. Drawings travel inside the notebook as cell
/// attachments (`attachment:NAME.svg`), so the one file is the whole page.
public enum NotebookWriter {
    /// The notebook's JSON text.
    public static func write(_ document: Document) -> String {
        output(document).text
    }

    /// The notebook; it has no attachments of its own (its drawings are inside it).
    public static func output(_ document: Document) -> WriterOutput {
        var groups = cells(document.blocks)
        if let title = document.title {
            // The title heads the first cell, as it heads the Markdown page.
            let heading = Block.heading(level: 1, [.text(title)])
            if groups.isEmpty { groups = [[heading]] } else { groups[0].insert(heading, at: 0) }
        }
        // A group that writes nothing (a handout's drawing of computed values, taken out) is no cell.
        let cells = groups.compactMap { cell($0, language: document.language) }.enumerated()
            .map { index, cell in NotebookCell(id: "cell-\(index + 1)", source: cell.source, attachments: cell.attachments) }
        // Laid out as Jupyter saves a notebook (nbformat's `writes`: keys sorted, one space of
        // indent, text as lists of lines), so that opening and saving it changes nothing.
        var out = "{\n \"cells\": [\n"
        out += cells.map { $0.json }.joined(separator: ",\n")
        out += "\n ],\n \"metadata\": {\n  \"bpreport\": {\n   \"language\": \(quote(document.language))\n  }\n },\n"
        out += " \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n"
        return WriterOutput(text: out)
    }

    /// The document's blocks grouped into cells (see the type's description).
    static func cells(_ blocks: [Block]) -> [[Block]] {
        var cells: [[Block]] = []
        var current: [Block] = []
        func isHeading(_ block: Block) -> Bool { if case .heading = block { return true } else { return false } }
        func isSection(_ block: Block) -> Bool { if case .section = block { return true } else { return false } }
        // Headings alone wait for what they head; anything else is a cell of its own.
        func flush(keepingHeadings: Bool) {
            guard !current.isEmpty, !(keepingHeadings && current.allSatisfy(isHeading)) else { return }
            cells.append(current)
            current = []
        }
        func visit(_ blocks: [Block], nested: Bool) {
            for block in blocks {
                switch block {
                case let .section(_, children) where children.contains(where: isSection):
                    flush(keepingHeadings: true)
                    visit(children, nested: true)
                    flush(keepingHeadings: false)
                case .section:
                    flush(keepingHeadings: true)
                    current.append(block)
                    flush(keepingHeadings: false)
                case .heading where nested:
                    // Inside a report a heading starts a group; a notebook's prose keeps its own.
                    flush(keepingHeadings: true)
                    current.append(block)
                default:
                    current.append(block)
                }
            }
        }
        visit(blocks, nested: false)
        flush(keepingHeadings: false)
        return cells
    }

    /// A group's lines of Markdown and the drawings they link, or nil when it writes nothing.
    private static func cell(_ blocks: [Block], language: String) -> (source: [String], attachments: [String: String])? {
        // The rewriter's closures cannot be mutating: the attachments live in a box.
        final class Attachments { var files: [String: String] = [:] }
        let attachments = Attachments()
        let linked = DocumentRewriter(block: { block in
            guard case var .figure(figure) = block, case let .drawing(name, drawing) = figure.content else { return nil }
            attachments.files[name] = Data(SVGWriter.write(drawing).utf8).base64EncodedString()
            figure.content = .drawing(name: "attachment:" + name, drawing)
            return [.figure(figure)]
        }).rewrite(blocks)
        var markdown = MarkdownWriter.write(Document(title: nil, language: language, blocks: linked))
        while markdown.hasSuffix("\n") { markdown.removeLast() }
        return markdown.isEmpty ? nil : (lines(markdown), attachments.files)
    }

    /// A JSON string literal, escaped by Foundation's encoder (which cannot fail on a string).
    static func quote(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    /// Jupyter's way of storing text: one string per line, each but the last ending in `\n`.
    static func lines(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        return parts.enumerated().map { index, line in index < parts.count - 1 ? line + "\n" : String(line) }
    }
}

/// A Markdown cell of nbformat 4.5.
private struct NotebookCell {
    let id: String
    let source: [String]
    /// File name to base64 SVG.
    let attachments: [String: String]

    /// The cell as Jupyter lays it out, indented for its place in `cells`.
    var json: String {
        var fields: [String] = []
        if !attachments.isEmpty {
            let files = attachments.keys.sorted().map { name in
                // A one-line list, as nbformat stores a text type's data.
                "    \(NotebookWriter.quote(name)): {\n     \"image/svg+xml\": [\n      \(NotebookWriter.quote(attachments[name]!))\n     ]\n    }"
            }
            fields.append("   \"attachments\": {\n" + files.joined(separator: ",\n") + "\n   }")
        }
        fields.append("   \"cell_type\": \"markdown\"")
        fields.append("   \"id\": \(NotebookWriter.quote(id))")
        fields.append("   \"metadata\": {}")
        fields.append(source.isEmpty ? "   \"source\": []"
                      : "   \"source\": [\n" + source.map { "    " + NotebookWriter.quote($0) }.joined(separator: ",\n") + "\n   ]")
        return "  {\n" + fields.joined(separator: ",\n") + "\n  }"
    }
}
