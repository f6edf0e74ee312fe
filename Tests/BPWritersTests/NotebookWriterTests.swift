import BPDocument
import BPWriters
import Foundation
import Testing

/// The notebook writer on documents built by hand: which blocks go to which cell, the Markdown
/// in each, the drawings as attachments, and the JSON laid out as Jupyter lays it out.
@Suite struct NotebookWriterTests {
    private func json(_ document: Document) throws -> [String: Any] {
        let text = NotebookWriter.write(document)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func sources(_ document: Document) throws -> [String] {
        let cells = try #require(try json(document)["cells"] as? [[String: Any]])
        return cells.map { (($0["source"] as? [String]) ?? []).joined() }
    }

    @Test func aReportGoesToACellPerInnermostSectionWithTheHeadingsAboveIt() throws {
        // A report's shape: the givens, then a step holding forward and backward, then prose.
        let document = Document(title: "T", language: "en", blocks: [
            .section(role: "given", [.paragraph([.text("given")])]),
            .section(role: "step", [
                .heading(level: 2, [.text("Step 1")]),
                .section(role: "forward", [.heading(level: 3, [.text("F")]), .paragraph([.text("f")])]),
                .section(role: "backward", [.paragraph([.text("b")])]),
            ]),
            .heading(level: 2, [.text("Loss")]),
            .paragraph([.text("l")]),
        ])
        // Worked out by hand: the title heads the first cell; "Step 1" waits for the forward
        // section it stands above; the last heading and its paragraph are one cell.
        #expect(try sources(document) == ["# T\n\ngiven", "## Step 1\n\n### F\n\nf", "b", "## Loss\n\nl"])
    }

    @Test func aNotebooksProseBetweenCellsStaysOneCellAsWritten() throws {
        let document = Document(title: nil, language: "en", blocks: [
            .heading(level: 1, [.text("Lecture")]),
            .paragraph([.text("intro")]),
            .heading(level: 2, [.text("Part")]),
            .paragraph([.text("more")]),
            .section(Attributes(id: "p1", role: "cell"), [.section(role: "given", [.paragraph([.text("g")])])]),
            .paragraph([.text("after")]),
        ])
        #expect(try sources(document) == ["# Lecture\n\nintro\n\n## Part\n\nmore", "g", "after"])
    }

    @Test func drawingsTravelAsAttachmentsTheMarkdownLinks() throws {
        let drawing = Drawing(width: 4, height: 4, description: "n & m", className: "bp-plot", fontFamily: "serif")
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bp-plot\" viewBox=\"0 0 4 4\" width=\"4\" height=\"4\" role=\"img\" font-family=\"serif\">\n<title>n &amp; m</title>\n</svg>\n"
        let document = Document(title: nil, language: "ko", blocks: [
            .section(role: "given", [.figure(Figure(content: .drawing(name: "p.network.svg", drawing), caption: [.text("net")]))]),
        ])
        let notebook = try json(document)
        let cell = try #require((notebook["cells"] as? [[String: Any]])?.first)
        #expect((cell["source"] as? [String])?.joined() == "![net](attachment:p.network.svg)\n\nnet")
        let attachments = try #require(cell["attachments"] as? [String: [String: [String]]])
        let encoded = try #require(attachments["p.network.svg"]?["image/svg+xml"]?.joined())
        #expect(Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } == svg)
        #expect(NotebookWriter.output(document).attachments.isEmpty)
        #expect((notebook["metadata"] as? [String: [String: String]])?["bpreport"]?["language"] == "ko")
        #expect(notebook["nbformat"] as? Int == 4 && notebook["nbformat_minor"] as? Int == 5)
    }

    @Test func sourcesAreLinesEndingInNewlinesAndStringsAreEscaped() throws {
        let document = Document(title: nil, language: "en", blocks: [
            .paragraph([.text("quote \" backslash \\ tab\tand a\u{1}control")]),
            .codeBlock(language: nil, "a\nb\n"),
        ])
        let text = NotebookWriter.write(document)
        // Escaped as JSON requires; the Markdown escapes the backslash itself first.
        #expect(text.contains(#""quote \" backslash \\\\ tab\tand a\u0001control\n","#))
        let cells = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])["cells"] as? [[String: Any]]
        #expect(cells?.first?["source"] as? [String] == ["quote \" backslash \\\\ tab\tand a\u{1}control\n", "\n", "```\n", "a\n", "b\n", "```"])
    }

    @Test func aGroupThatWritesNothingIsNoCellAndIdsStayConsecutive() throws {
        // A handout takes out a drawing of computed values and leaves its section empty.
        let document = Document(title: nil, language: "en", blocks: [
            .paragraph([.text("before")]), .section(role: "cell", []), .section(role: "given", [.paragraph([.text("after")])]),
        ])
        let cells = try #require(try json(document)["cells"] as? [[String: Any]])
        #expect(cells.map { $0["id"] as? String } == ["cell-1", "cell-2"])
        #expect(try sources(document) == ["before", "after"])
    }

    @Test func anEmptyDocumentIsANotebookWithNoCells() throws {
        let notebook = try json(Document(title: nil, language: "en", blocks: []))
        #expect((notebook["cells"] as? [Any])?.isEmpty == true)
    }
}
