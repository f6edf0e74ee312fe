import BPDocument
import BPTestSupport
import BPWriters
import Foundation
import Testing

/// The LaTeX writer's text, block by block, each expected string worked out by hand from
/// TeX's rules: what must be escaped, and how each block is set.
@Suite struct LaTeXWriterTests {
    private func body(_ blocks: [Block], language: String = "en") -> String {
        LaTeXWriter.body(Document(title: nil, language: language, blocks: blocks))
    }

    @Test func textCannotBeReadAsTeX() {
        let text = "50% of $5 & {a} #2 ~x^y \\ a_b -- '' <b> |"
        #expect(body([.paragraph([.text(text)])])
                == "50\\% of \\$5 \\& \\{a\\} \\#2 \\textasciitilde{}x\\textasciicircum{}y \\textbackslash{} a\\_b -{}- '{}' \\textless{}b\\textgreater{} \\textbar{}\n")
    }

    @Test func symbolsOfTheReportsAreCommandsSoPDFLaTeXReadsThem() {
        let text = "✓ ✗ → a²₁ σ −1 ⋮ é"
        let tex = body([.paragraph([.text(text)])])
        #expect(tex == "\\bpcheck{} \\bpcross{} $\\to$ $a^{2}_{1}$ $\\sigma$ $-$1 $\\vdots$ é\n")
        #expect(TeXEngine.required(by: tex) == .pdflatex)
    }

    @Test func hangulOrOtherScriptsNeedLuaLaTeX() {
        let korean = Document(title: "문제 1", language: "ko", blocks: [.paragraph([.text("input")])])
        #expect(LaTeXWriter.engine(of: korean) == .lualatex)
        #expect(LaTeXWriter.engine(of: Document(title: "Problem", language: "en", blocks: [.paragraph([.text("中")])])) == .lualatex)
        #expect(LaTeXWriter.engine(of: Document(title: "Problème", language: "fr", blocks: [.paragraph([.text("Größe — “x”")])])) == .pdflatex)
        // Text inside math is the writer's too: a Korean word in \text{} needs lualatex.
        let math = Document(title: nil, language: "ko", blocks: [.displayMath(.text("batch에 대한 합"))])
        #expect(LaTeXWriter.body(math) == "\\bpmath{\\text{batch에 대한 합}}\n")
        #expect(LaTeXWriter.engine(of: math) == .lualatex)
    }

    @Test func headingsListsAndQuotes() {
        let tex = body([
            .heading(level: 2, [.text("[Forward]")]),
            .heading(level: 3, [.text("Anchored")], Attributes(id: "p1")),
            .paragraph([.link(target: "#p1", title: nil, [.text("back")]), .text(" and "),
                        .link(target: "https://e.org/a_b#c d", title: nil, [.emphasis([.text("out")])])]),
            .orderedList(start: 3, [[.paragraph([.text("third")])], [.paragraph([.strong([.text("fourth")])])]]),
            .blockQuote([.paragraph([.code("x_1")])]),
            .thematicBreak,
        ])
        #expect(tex == """
        \\subsection*{[Forward]}

        \\subsubsection*{\\hypertarget{p1}{}Anchored}

        \\hyperlink{p1}{back} and \\href{https://e.org/a\\_b\\#c%20d}{\\emph{out}}

        \\begin{enumerate}
        \\setcounter{enumi}{2}
        \\item third
        \\item \\textbf{fourth}
        \\end{enumerate}

        \\begin{quote}
        \\texttt{x\\_1}
        \\end{quote}

        \\par\\noindent\\rule{\\linewidth}{0.4pt}\\par

        """)
    }

    @Test func codeIsNeverReadAsTeXNotEvenAnEndOfVerbatim() {
        #expect(body([.codeBlock(language: "yaml", "a  b\n\\end{verbatim} 100%\n")]) == """
        \\begin{bpcode}
        a\\ \\ b\\par
        \\textbackslash{}end\\{verbatim\\}\\ 100\\%
        \\end{bpcode}

        """)
    }

    @Test func tablesAreScaledToTheLineAndLongOnesBreakAcrossPages() {
        let short = Table(alignments: [.left, .right], header: [[.text("layer")], [.math(.identifier("z"))]],
                          rows: [[[.text("2")], [.math(.number("-1.5"))]]])
        #expect(body([.table(short)]) == """
        \\begin{bpdisplay}
        \\bpfit{\\begin{tabular}{lr}
        \\toprule
        layer & $z$ \\\\
        \\midrule
        2 & $-1.5$ \\\\
        \\bottomrule
        \\end{tabular}}
        \\end{bpdisplay}

        """)
        let long = Table(caption: [.text("Loss")], alignments: [.right], header: [[.text("step")]],
                         rows: (1...31).map { [[.text(String($0))]] })
        let tex = body([.table(long)])
        #expect(tex.hasPrefix("\\begin{longtable}{r}\n\\toprule\nstep \\\\\n\\midrule\n\\endhead\n1 \\\\\n2 \\\\\n"))
        #expect(tex.hasSuffix("31 \\\\\n\\bottomrule\n\\end{longtable}\n\\bpcaption{Loss}\n"))
    }

    @Test func imagesAreIncludedWhenTeXCanReadTheirNameAndLinkedOtherwise() {
        #expect(body([.figure(Figure(content: .image(source: "mazur.png", alternative: "the net"), caption: [.text("Mazur's network")]))]) == """
        \\begin{bpdisplay}
        \\bpimage{mazur.png}
        \\bpcaption{Mazur's network}
        \\end{bpdisplay}

        """)
        // A URL, or a name with a space, is not something \includegraphics can take.
        #expect(body([.figure(Figure(content: .image(source: "https://e.org/n.png", alternative: "the net"), caption: []))])
                == "\\begin{bpdisplay}\n\\href{https://e.org/n.png}{the net}\n\\end{bpdisplay}\n")
        #expect(body([.figure(Figure(content: .image(source: "my net.png", alternative: ""), caption: []))])
                == "\\begin{bpdisplay}\n\\href{my%20net.png}{my net.png}\n\\end{bpdisplay}\n")
    }

    @Test func theTemplateSaysWhichEngineAndLoadsFontsOnlyForLuaLaTeX() throws {
        let writer = try LaTeXWriter()
        let english = writer.write(Document(title: "A & B", language: "en", blocks: [.paragraph([.text("x")])]))
        #expect(english.hasPrefix("% Made by bpreport. Compile with pdflatex.\n\\documentclass"))
        #expect(english.contains("{\\LARGE\\bfseries A \\& B\\par}"))
        #expect(english.contains("\\usepackage[T1]{fontenc}") && !english.contains("fontspec"))
        #expect(english.hasSuffix("x\n\n\\end{document}\n"))
        let korean = writer.write(Document(title: "문제 1", language: "ko", blocks: [.paragraph([.text("x")])]))
        #expect(korean.hasPrefix("% Made by bpreport. Compile with lualatex.\n"))
        #expect(korean.contains("\\usepackage{fontspec}") && korean.contains("NanumMyeongjo") && !korean.contains("fontenc"))
    }

    @Test func aUsersLaTeXTemplateIsUsedAndABrokenOneIsNamed() throws {
        let folder = try TestPaths.temporaryDirectory()
        try Data("{{=<% %>=}}\\title{<%&title%>}<%&body%>".utf8).write(to: folder.appendingPathComponent(PageTemplates.texFile))
        let templates = try PageTemplates.load(directory: folder.path)
        #expect(templates.page == PageTemplates.builtIn.page)
        let page = try LaTeXWriter(templates: templates).write(Document(title: "T_1", language: "en", blocks: [.paragraph([.text("x")])]))
        #expect(page == "\\title{T\\_1}x\n")
        try Data("line one\n{{=<% %>=}}\n<%#open%>".utf8).write(to: folder.appendingPathComponent(PageTemplates.texFile))
        #expect(throws: TemplateError.self) { try LaTeXWriter(templates: try PageTemplates.load(directory: folder.path)) }
        let path = folder.appendingPathComponent(PageTemplates.texFile).path
        // Where the section opens, spelled with the delimiters it was opened with.
        #expect(brokenTemplateMessage(in: folder) == path + ":3:1: not a valid Mustache template: the section <%#open%> is never closed with <%/open%>")
        try Data("{{=<% %>=}}\n\\title{<%&title%>}\n  <%#lualatex%>x\n<%#inner%>y<%/inner%>\n<%&body%>\n".utf8)
            .write(to: folder.appendingPathComponent(PageTemplates.texFile))
        #expect(brokenTemplateMessage(in: folder) == path + ":3:3: not a valid Mustache template: the section <%#lualatex%> is never closed with <%/lualatex%>")
        try Data("{{=<% %>=}}\n<%&body".utf8).write(to: folder.appendingPathComponent(PageTemplates.texFile))
        #expect(brokenTemplateMessage(in: folder) == path + ":2:1: not a valid Mustache template: the tag is never closed (a <% without its %>)")
    }

    private func brokenTemplateMessage(in folder: URL) -> String? {
        do {
            _ = try LaTeXWriter(templates: try PageTemplates.load(directory: folder.path))
            return nil
        } catch {
            return error.message
        }
    }
}
