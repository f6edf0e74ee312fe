import BPDocument
import BPReportBuilder
import BPSpec
import BPTestSupport
import BPWriters
import Foundation
import Testing

/// A drawing of one dot, and its SVG worked out by hand.
let sampleDrawing = Drawing(width: 10, height: 10, description: "A dot", className: "bp-network", fontFamily: "sans-serif",
                            items: [.circle(Drawing.Circle(cx: 5, cy: 5, r: 2.5))])
let sampleDrawingSVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bp-network\" viewBox=\"0 0 10 10\" width=\"10\" height=\"10\" role=\"img\" font-family=\"sans-serif\">\n<title>A dot</title>\n<circle cx=\"5\" cy=\"5\" r=\"2.5\"/>\n</svg>\n"

/// A small document with every kind of block, written by both writers.
let sampleDocument = Document(title: "Sample <b>&</b> *title*", language: "en", blocks: [
    .heading(level: 2, [.text("[Forward]")]),
    .paragraph([.text("Plain text with *stars*, _underscores_, a $ sign and <tags>; the input is "),
                .math(.sup(.id("a"), .num(1))), .text(".")]),
    .displayMath(.seq(.sup(.id("W"), .num(2)), .symbol(.equals),
                      .matrix([[.number("1"), .number("-2")], [.number("0.5"), .number("4")]]))),
    .paragraph([.text("Some "), .strong([.text("prose")]), .text(" with <script>alert(1)</script> as text, "),
                .link(target: "https://example.org", title: nil, [.text("a link")]), .text(", "),
                .link(target: "javascript:alert(1)", title: nil, [.text("a bad link")]), .text(" and "),
                .code("x `y` z"), .text(".")]),
    .bulletList([[.paragraph([.text("first")])], [.paragraph([.text("second")])]]),
    .orderedList(start: 3, [[.paragraph([.text("third")])], [.paragraph([.text("fourth")])]]),
    .blockQuote([.paragraph([.text("quoted")])]),
    .codeBlock(language: "yaml", "input: [1, 1]\n```inner```\n"),
    .table(Table(alignments: [.left, .right], header: [[.text("layer")], [.math(.id("z"))]],
                 rows: [[[.text("2")], [.math(.number("-1.5"))]], [[.text("3 | 4")], [.math(.fraction(.num(1), .num(3)))]]])),
    .figure(Figure(content: .drawing(name: "net.svg", sampleDrawing),
                   caption: [.text("The network")])),
    .heading(level: 3, [.text("Anchored")], Attributes(id: "p1", classes: ["extra"])),
    .thematicBreak,
    .section(role: "step", [.paragraph([.text("inside a section")])]),
])

@Suite struct MarkdownWriterTests {
    @Test func sampleDocumentMatchesItsSnapshot() {
        let url = TestPaths.packageRoot().appendingPathComponent("Tests/BPWritersTests/Snapshots/sample.md")
        #expect(Snapshot.mismatch(MarkdownWriter.write(sampleDocument), file: url) == nil)
    }

    @Test func textCannotTurnIntoMarkup() {
        let markdown = MarkdownWriter.write(sampleDocument)
        #expect(markdown.contains(#"with \*stars\*, \_underscores\_, a \$ sign and \<tags\>"#))
        #expect(markdown.hasPrefix(#"# Sample \<b\>&\</b\> \*title\*"#))
        // Brackets that cannot form a link are left as they are: `\[` would be display math to MathJax.
        #expect(markdown.contains("## [Forward]\n"))
    }

    /// What looks like an entity or a list marker stays text, so the Markdown reads as the HTML
    /// does: `A &amp; B` shows those five characters in both, and a lone `&` stays bare.
    @Test func entitiesAndListMarkersStayText() {
        let document = Document(title: nil, language: "en", blocks: [.paragraph([.text("A &amp; B, &#38; and &c; & more")]), .paragraph([.text("1. not a list")])])
        #expect(MarkdownWriter.write(document) == "A \\&amp; B, \\&#38; and \\&c; & more\n\n1\\. not a list\n")
    }

    @Test func proseNodesAreWrittenAsMarkdown() {
        let output = MarkdownWriter.output(sampleDocument)
        let markdown = output.text
        #expect(markdown.contains("Some **prose** with \\<script\\>alert(1)\\</script\\> as text, [a link](https://example.org), [a bad link](<javascript:alert(1)>) and ``x `y` z``."))
        #expect(markdown.contains("3. third\n4. fourth"))
        #expect(markdown.contains("> quoted"))
        // The fence is longer than the backticks inside.
        #expect(markdown.contains("````yaml\ninput: [1, 1]\n```inner```\n````"))
        #expect(markdown.contains("| layer | $z$ |\n|:---|---:|\n| 2 | $-1.5$ |\n| 3 \\| 4 | $\\frac{1}{3}$ |"))
        // Markdown cannot embed the SVG: it refers to the file and hands it back as an attachment.
        #expect(markdown.contains("![The network](net.svg)"))
        #expect(output.attachments == [Attachment(name: "net.svg", contents: sampleDrawingSVG)])
    }

    @Test func displayMathStandsAloneWithItsRowBreaksIntact() {
        let markdown = MarkdownWriter.write(sampleDocument)
        #expect(markdown.contains("\n\n$$\nW^{2} = \\begin{pmatrix} 1 & -2 \\\\ 0.5 & 4 \\end{pmatrix}\n$$\n\n"))
        #expect(markdown.contains("the input is $a^{1}$."))
    }
}

@Suite struct HTMLWriterTests {
    let body = HTMLWriter.body(sampleDocument)

    @Test func sampleDocumentMatchesItsSnapshot() {
        let url = TestPaths.packageRoot().appendingPathComponent("Tests/BPWritersTests/Snapshots/sample.html")
        #expect(Snapshot.mismatch(body, file: url) == nil)
    }

    @Test func textFromTheSpecIsEscaped() {
        #expect(body.contains("<h1>Sample &lt;b&gt;&amp;&lt;/b&gt; *title*</h1>"))
        #expect(body.contains("a $ sign and &lt;tags&gt;"))
    }

    @Test func proseNodesBecomeTheirElementsAndTextStaysText() {
        #expect(!body.contains("<script>"))
        #expect(body.contains("with &lt;script&gt;alert(1)&lt;/script&gt; as text"))
        #expect(body.contains("<strong>prose</strong>"))
        #expect(body.contains("<a href=\"https://example.org\">a link</a>"))
        // cmark's safe mode blanks a script link.
        #expect(body.contains("<a href=\"\">a bad link</a>"))
        #expect(body.contains("<code>x `y` z</code>"))
        #expect(body.contains("<ol start=\"3\">"))
        #expect(body.contains("<blockquote>\n<p>quoted</p>\n</blockquote>"))
        #expect(body.contains("<pre><code class=\"language-yaml\">input: [1, 1]\n```inner```\n</code></pre>"))
        #expect(body.contains("<h3 id=\"p1\" class=\"extra\">Anchored</h3>"))
        #expect(body.contains("<hr />"))
    }

    @Test func tablesAndFiguresAreWrittenWithTheirCells() {
        #expect(body.contains("<th style=\"text-align: left\">layer</th>"))
        #expect(body.contains("<td style=\"text-align: left\">3 | 4</td>"))
        #expect(body.contains("<td style=\"text-align: right\"><math><semantics><mrow><mfrac><mrow><mn>1</mn></mrow><mrow><mn>3</mn></mrow></mfrac>"))
        #expect(body.contains("<figure class=\"bp-figure\">\n" + sampleDrawingSVG + "\n<figcaption>The network</figcaption>\n</figure>"))
    }

    @Test func mathArrivesAsMathMLWithItsTeXUnmangled() {
        #expect(body.contains("<div class=\"bp-display\"><math display=\"block\">"))
        #expect(body.contains(#"<annotation encoding="application/x-tex">W^{2} = \begin{pmatrix} 1 &amp; -2 \\ 0.5 &amp; 4 \end{pmatrix}</annotation>"#))
        #expect(body.contains("the input is <math><semantics><mrow><msup><mrow><mi>a</mi></mrow><mrow><mn>1</mn></mrow></msup></mrow><annotation encoding=\"application/x-tex\">a^{1}</annotation></semantics></math>."))
        #expect(!body.contains("<em>"))
    }

    @Test func sectionsWrapTheirBlocks() {
        #expect(body.contains("<section class=\"bp-step\">\n<p>inside a section</p>\n</section>"))
    }

    @Test func katexKeepsTheTeXBetweenDelimiters() throws {
        let options = HTMLOptions(math: .katex(.jsDelivr))
        let html = HTMLWriter.body(sampleDocument, options: options)
        #expect(html.contains(#"\[W^{2} = \begin{pmatrix} 1 &amp; -2 \\ 0.5 &amp; 4 \end{pmatrix}\]"#))
        #expect(html.contains(#"<span class="bp-math">\(a^{1}\)</span>"#))
        let page = try PageWriter(options: options).write(sampleDocument)
        // Pinned: each CDN file with its integrity hash, so a changed copy is refused.
        #expect(page.contains("<script defer src=\"https://cdn.jsdelivr.net/npm/katex@0.16.11/dist/katex.min.js\" integrity=\"sha384-7zkQWkzuo3B5mTepMUcHkMB5jZaolc2xDwL6VFqjFALcbeS9Ggm/Yr2r3Dy4lfFg\" crossorigin=\"anonymous\"></script>"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"https://cdn.jsdelivr.net/npm/katex@0.16.11/dist/katex.min.css\" integrity=\"sha384-nB0miv6/jRmo5UMMR1wu3Gz6NLsoTkbqJghGIsx//Rlm+ZU03BU6SQNC66uf4l5+\" crossorigin=\"anonymous\">"))
        #expect(page.contains("contrib/auto-render.min.js\" integrity=\"sha384-43gviWU0YVjaDtb/GhzOouOXtZMP/7XUzwPTstBeZFe/+rCMvRwr4yROQP43s0Xk\" crossorigin=\"anonymous\" onload="))
        // A copy of one's own has no hash to check, and the page names none.
        let own = try PageWriter(options: HTMLOptions(math: .katex(KaTeXAssets(stylesheet: "k.css", script: "k.js", autoRender: "a.js")))).write(sampleDocument)
        #expect(own.contains("<script defer src=\"k.js\"></script>") && !own.contains("integrity"))
    }

    @Test func theMathMLPageLoadsNothing() throws {
        let page = try PageWriter().write(sampleDocument)
        // One inline script (the highlight of a result's operands), nothing from elsewhere.
        #expect(page.components(separatedBy: "<script>").count == 2)
        #expect(!page.contains("<script ") && !page.contains("<link "))
        #expect(page.contains("<title>Sample &lt;b&gt;&amp;&lt;/b&gt; *title*</title>"))
        #expect(page.contains("<html lang=\"en\">"))
    }
}

@Suite struct PageTemplateTests {
    /// The built-in page equals the files in templates/. BPREPORT_RECORD=1 rewrites the Swift
    /// copy from the files (refused in CI, where the comparison always runs).
    @Test func builtInTemplatesEqualTheFilesInTemplatesFolder() throws {
        let root = TestPaths.packageRoot()
        let folder = root.appendingPathComponent("templates")
        let page = try String(contentsOf: folder.appendingPathComponent(PageTemplates.pageFile), encoding: .utf8)
        let css = try String(contentsOf: folder.appendingPathComponent(PageTemplates.stylesheetFile), encoding: .utf8)
        let tex = try String(contentsOf: folder.appendingPathComponent(PageTemplates.texFile), encoding: .utf8)
        if let refusal = RecordMode.refusal() { Issue.record(Comment(rawValue: refusal)) }
        if Snapshot.isRecording {
            let source = """
            // The built-in copies of templates/page.html.mustache, templates/report.css and templates/page.tex.mustache.
            // Re-record with `BPREPORT_RECORD=1 swift test --filter PageTemplateTests` after editing them.

            enum DefaultTemplates {
                static let page = #\"\"\"
            \(page)
            \"\"\"#

                static let stylesheet = #\"\"\"
            \(css)
            \"\"\"#

                static let tex = #\"\"\"
            \(tex)
            \"\"\"#
            }

            """
            try Data(source.utf8).write(to: root.appendingPathComponent("Sources/BPWriters/Internal/DefaultTemplates.swift"))
            return
        }
        #expect(PageTemplates.builtIn.page == page)
        #expect(PageTemplates.builtIn.stylesheet == css)
        #expect(PageTemplates.builtIn.tex == tex)
        #expect(try PageTemplates.load(directory: folder.path) == PageTemplates.builtIn)
    }

    @Test func aUsersTemplatesFolderIsUsed() throws {
        let folder = try TestPaths.temporaryDirectory()
        try Data("<main>{{title}}|{{{body}}}</main>".utf8).write(to: folder.appendingPathComponent(PageTemplates.pageFile))
        try Data("".utf8).write(to: folder.appendingPathComponent(PageTemplates.stylesheetFile))
        let page = try PageWriter(templates: try PageTemplates.load(directory: folder.path)).write(sampleDocument)
        #expect(page.hasPrefix("<main>Sample &lt;b&gt;&amp;&lt;/b&gt; *title*|<h1>"))
    }

    @Test func aMissingTemplateIsAClearError() throws {
        let folder = try TestPaths.temporaryDirectory()
        #expect(throws: TemplateError.self) { try PageTemplates.load(directory: folder.path) }
        do {
            _ = try PageTemplates.load(directory: folder.path)
        } catch {
            #expect(error.description.contains("page.html.mustache"))
        }
    }
}
