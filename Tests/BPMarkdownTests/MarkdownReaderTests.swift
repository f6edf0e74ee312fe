import BPDocument
import BPMarkdown
import Testing

/// Markdown a person wrote, read into the model (expected trees written by hand from CommonMark).
@Suite struct MarkdownReaderTests {
    @Test func paragraphsWithEmphasisCodeAndLinks() {
        let blocks = MarkdownReader.read("Some *light* and **strong** text,\nwith `code` and [a link](https://example.org \"t\").\n")
        #expect(blocks == [.paragraph([
            .text("Some "), .emphasis([.text("light")]), .text(" and "), .strong([.text("strong")]), .text(" text,"),
            .text(" "), .text("with "), .code("code"), .text(" and "),
            .link(target: "https://example.org", title: "t", [.text("a link")]), .text("."),
        ])])
    }

    @Test func headingsListsQuotesAndCode() {
        let markdown = """
        ## Setup

        - one
        - two

        3. three
        4. four

        > quoted

        ```yaml
        input: [1, 2]
        ```

        ---
        """
        #expect(MarkdownReader.read(markdown) == [
            .heading(level: 2, [.text("Setup")]),
            .bulletList([[.paragraph([.text("one")])], [.paragraph([.text("two")])]]),
            .orderedList(start: 3, [[.paragraph([.text("three")])], [.paragraph([.text("four")])]]),
            .blockQuote([.paragraph([.text("quoted")])]),
            .codeBlock(language: "yaml", "input: [1, 2]\n"),
            .thematicBreak,
        ])
    }

    @Test func rawHTMLIsLeftOut() {
        let blocks = MarkdownReader.read("<script>alert(1)</script>\n\nText with <b>tags</b>.\n")
        #expect(blocks == [.paragraph([.text("Text with "), .text("tags"), .text(".")])])
    }

    @Test func hardBreaksAndImages() {
        #expect(MarkdownReader.read("a\\\nb ![alt text](x.png)") == [.paragraph([.text("a"), .lineBreak, .text("b "), .text("alt text")])])
        // Alone in its paragraph, an image is a figure captioned with its description (pandoc's implicit_figures).
        #expect(MarkdownReader.read("![The *net*](img/net.png)") == [.figure(Figure(content: .image(source: "img/net.png", alternative: "The net"),
                                                                                      caption: [.text("The "), .emphasis([.text("net")])]))])
    }
}
