import BPDocument
import BPEngine
import BPReportBuilder
import BPSpec
import BPTestSupport
import BPWriters
import Foundation
import Testing

@Suite struct TikZWriterTests {
    /// A drawing with one of each item, its TikZ worked out by hand: the unit is 0.75 pt (200
    /// units at 0.75 pt is 150 pt, well inside the page), so a width of 2 is 1.5 pt and a font
    /// size of 12 is 9 pt on a 10.8 pt line; what a group sets reaches the items in it.
    @Test func aSmallDrawingIsWrittenAsWorkedOutByHand() {
        let drawing = Drawing(width: 200, height: 100, description: "A test", className: "bp-plot", fontFamily: "DejaVu Sans, sans-serif",
                              fontSize: 10, items: [
            .group(Drawing.Group(className: "edges", style: Drawing.Style(stroke: Drawing.Color(0xff0000), strokeWidth: 2, strokeOpacity: 0.5),
                                 items: [.line(Drawing.Line(x1: 10, y1: 20, x2: 110, y2: 20.25, dashes: [4, 2]))])),
            .circle(Drawing.Circle(cx: 50, cy: 50, r: 10, fill: .color(.white), stroke: Drawing.Color(0x000080), strokeWidth: 1.5, tooltip: "hidden")),
            .rect(Drawing.Rect(x: 5, y: 6, width: 30, height: 12, cornerRadius: 2, fill: .color(.white))),
            .path(Drawing.Path(commands: [.move(x: 0, y: 0), .vertical(y: 90), .horizontal(x: 190)], fill: Drawing.Paint.none,
                               stroke: Drawing.Color(0x333333), strokeWidth: 1)),
            .text(Drawing.Text(x: 14, y: 50, text: "loss", anchor: .middle, fontSize: 12, rotation: -90)),
            .text(Drawing.Text(className: "unit", x: 50, y: 50, text: "a²₁", anchor: .middle, baseline: .central, italic: true,
                               fill: Drawing.Color(0x111827))),
            .group(Drawing.Group(style: Drawing.Style(fontSize: 11, fontWeight: .bold, textAnchor: .end, baseline: .central),
                                 items: [.text(Drawing.Text(x: 100, y: 60, text: "−0.5", fill: Drawing.Color(0x9a3412)))])),
        ])
        #expect(TikZWriter.unit(for: drawing) == 0.75)
        #expect(TikZWriter.write(drawing) == #"""
            % A test
            \begin{tikzpicture}[x=0.75pt,y=-0.75pt,inner sep=0pt,outer sep=0pt]
            \useasboundingbox (0,0) rectangle (200,100);
            \draw[draw={rgb,255:red,255;green,0;blue,0},line width=1.5pt,dash pattern=on 3pt off 1.5pt,draw opacity=0.5] (10,20) -- (110,20.3);
            \filldraw[fill={rgb,255:red,255;green,255;blue,255},draw={rgb,255:red,0;green,0;blue,128},line width=1.13pt] (50,50) circle[radius=7.5pt];
            \fill[fill={rgb,255:red,255;green,255;blue,255},rounded corners=1.5pt] (5,6) rectangle ++(30,12);
            \draw[draw={rgb,255:red,51;green,51;blue,51},line width=0.75pt] (0,0) -- (0,90) -- (190,90);
            \node[anchor=base,text={rgb,255:red,0;green,0;blue,0},font=\sffamily\fontsize{9}{10.8}\selectfont,rotate=90] at (14,50) {loss};
            \node[anchor=center,text={rgb,255:red,17;green,24;blue,39},font=\sffamily\fontsize{7.5}{9}\selectfont\itshape] at (50,50) {$a^{2}_{1}$};
            \node[anchor=east,text={rgb,255:red,154;green,52;blue,18},font=\sffamily\fontsize{8.25}{9.9}\selectfont\bfseries\boldmath] at (100,60) {$-$0.5};
            \end{tikzpicture}

            """#)
    }

    /// A wide drawing is scaled down to fit: 640 units in 432.25 pt is 0.6753… pt a unit,
    /// written rounded down so the picture is never wider.
    @Test func aWideDrawingFitsTheTextWidth() {
        let wide = Drawing(width: 640, height: 300, description: "wide", className: "bp-plot", fontFamily: "serif")
        #expect(TikZWriter.unit(for: wide) == 0.6753)
        #expect(TikZWriter.write(wide).contains("[x=0.6753pt,y=-0.6753pt,"))
        #expect(640 * TikZWriter.unit(for: wide) <= 432.25)
    }

    /// TeX's specials are escaped, and what pdflatex has no glyph for is written as math.
    @Test(arguments: [
        (#"50% & $x_1 #{a}^~\"#, ##"50\% \& \$x\_1 \#\{a\}\textasciicircum{}\textasciitilde{}\textbackslash{}"##),
        ("<b>", #"\textless{}b\textgreater{}"#),
        ("a¹₁₂", "$a^{1}_{12}$"),
        ("x²³y", "$x^{23}$y"),
        ("a²₁³", "$a^{2}_{1}{}^{3}$"),
        ("10⁻³", "10$^{-3}$"),
        ("⋮", #"$\vdots$"#),
        ("b = −0.5", "b = $-$0.5"),
        ("σ(z)", #"$\sigma$(z)"#),
        ("−∞", #"$-\infty$"#),
        ("입력 layer", "입력 layer"),
        ("a\u{7}b\u{202E}c", "a bc"),
    ])
    func textIsEscapedForTeX(text: String, expected: String) {
        let drawing = Drawing(width: 10, height: 10, description: "", className: "bp-plot", fontFamily: "serif",
                              items: [.text(Drawing.Text(x: 1, y: 2, text: text))])
        let written = TikZWriter.write(drawing)
        #expect(written.contains("] at (1,2) {" + expected + "};\n"), "\(written)")
    }

    /// The report's own drawing of a seed problem, its spec read with `lang` set to `language`.
    static func drawings(_ report: String, language: String = "en") throws -> [Drawing] {
        let text = try String(contentsOf: TestPaths.report(report), encoding: .utf8).replacingOccurrences(of: "lang: ko", with: "lang: " + language)
        let spec = try SpecReader().read(text: text)
        let document = ReportBuilder(options: ReportOptions()).document(for: try AnyTrace.run(spec))
        final class Found { var drawings: [Drawing] = [] }
        let found = Found()
        DocumentWalker(block: { block in
            if case let .figure(figure) = block, case let .drawing(_, drawing) = figure.content { found.drawings.append(drawing) }
            return .descend
        }).walk(document)
        return found.drawings
    }

    /// Every edge of problem 1 is one `\draw` with the endpoints of the SVG's line (TikZ keeps
    /// the user units and scales them by its x and y), dashed exactly where the spec's weight
    /// is negative: W¹ = [[1, −2], [2, 4], [−3, 1]], W² = [[1, 2, −3], [2, −1, 3]], edge by edge
    /// from each unit of a layer to each unit of the next.
    @Test func everyEdgeIsOneDrawDashedWhereItsWeightIsNegative() throws {
        let drawing = try #require(try Self.drawings("problem1", language: "ko").first)
        let svg = SVGWriter.write(drawing), tikz = TikZWriter.write(drawing)
        let svgLine = try Regex(#"<line x1="([-0-9.]+)" y1="([-0-9.]+)" x2="([-0-9.]+)" y2="([-0-9.]+)"[^>]*?( stroke-dasharray="5 3")?/>"#)
        let svgEdges = svg.matches(of: svgLine).map { ["(\($0.output[1].substring!),\($0.output[2].substring!))",
                                                       "(\($0.output[3].substring!),\($0.output[4].substring!))"] }
        let draw = try Regex(#"\\draw\[([^\]]*)\] (\([-0-9.]+,[-0-9.]+\)) -- (\([-0-9.]+,[-0-9.]+\));"#)
        let draws = tikz.split(separator: "\n").filter { $0.hasPrefix("\\draw") }
        let tikzEdges = draws.compactMap { line in (try? draw.wholeMatch(in: String(line))).map { ($0.output[1].substring!, [String($0.output[2].substring!), String($0.output[3].substring!)]) } }
        #expect(draws.count == 12 && tikzEdges.count == 12)
        #expect(tikzEdges.map(\.1) == svgEdges)
        let weights: [[[Double]]] = [[[1, -2], [2, 4], [-3, 1]], [[1, 2, -3], [2, -1, 3]]]
        let negative = weights.flatMap { w in (0..<w[0].count).flatMap { i in (0..<w.count).map { j in w[j][i] < 0 } } }
        #expect(negative.filter { $0 }.count == 4)
        #expect(tikzEdges.map { $0.0.contains("dash pattern=") } == negative)
        // The unit makes the 582.2 units of the SVG's width at most 432.25 pt.
        #expect(svg.contains("viewBox=\"0 0 582.2 268\""))
        #expect(tikz.contains("[x=0.7424pt,y=-0.7424pt,"))
        // Each weight sits on a white card: as many cards as labels, the cards first.
        #expect(tikz.components(separatedBy: "\\fill[fill={rgb,255:red,255;green,255;blue,255},rounded corners=1.48pt]").count - 1 == 12)
        #expect(tikz.split(separator: "\n").filter { $0.hasPrefix("\\node[anchor=center,") && $0.contains("\\bfseries\\boldmath]") }.count == 12)
    }

    /// The three seed problems' networks (in English: pdflatex sets no Hangul) and a loss plot
    /// compile with pdflatex on an A4 page with 25 mm margins, none wider than the text.
    @Test(.enabled(if: Tools.find("pdflatex") != nil)) func theDrawingsCompileWithPdfLaTeX() throws {
        var pictures = try ["problem1", "problem2", "problem3"].map { try #require(try Self.drawings($0).first) }
        pictures.append(try #require(try Self.drawings("xor-bce").first { $0.className == "bp-plot" }))
        let body = pictures.map { "\\noindent " + TikZWriter.write($0) }.joined(separator: "\n\\bigskip\n\n")
        let log = try Self.compile(#"""
            \documentclass{article}
            \usepackage[a4paper,margin=25mm]{geometry}
            \usepackage[utf8]{inputenc}
            \usepackage[T1]{fontenc}
            \usepackage{tikz}
            \usepackage{amsmath}
            \begin{document}

            """# + body + "\n\\end{document}\n", with: "pdflatex")
        #expect(!log.contains("Overfull \\hbox"))
        #expect(!log.contains("Missing character"))
    }

    /// The Korean seed problems as they are, with lualatex and a Nanum font.
    @Test(.enabled(if: Tools.find("lualatex") != nil && FileManager.default.fileExists(atPath: "/usr/share/fonts/truetype/nanum/NanumGothic.ttf")))
    func theKoreanDrawingsCompileWithLuaLaTeX() throws {
        let pictures = try ["problem1", "problem2", "problem3"].map { try #require(try Self.drawings($0, language: "ko").first) }
        let body = pictures.map { "\\noindent " + TikZWriter.write($0) }.joined(separator: "\n\\bigskip\n\n")
        let log = try Self.compile(#"""
            \documentclass{article}
            \usepackage[a4paper,margin=25mm]{geometry}
            \usepackage{fontspec}
            \setmainfont{NanumMyeongjo}
            \setsansfont{NanumGothic}
            \usepackage{tikz}
            \usepackage{amsmath}
            \begin{document}

            """# + body + "\n\\end{document}\n", with: "lualatex")
        #expect(!log.contains("Overfull \\hbox"))
        #expect(!log.contains("Missing character"))
    }

    /// Compiles `source` in a temporary folder and returns the log, failing unless TeX exits 0.
    /// BP_TIKZ_KEEP names a folder to copy the PDF to, to look at it.
    static func compile(_ source: String, with engine: String) throws -> String {
        let folder = try TestPaths.temporaryDirectory("bpreport-tikz")
        defer { try? FileManager.default.removeItem(at: folder) }
        try source.write(to: folder.appendingPathComponent("figures.tex"), atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(try Tools.locate(engine), ["-interaction=nonstopmode", "-halt-on-error", "figures.tex"], in: folder)
        let log = (try? String(contentsOf: folder.appendingPathComponent("figures.log"), encoding: .utf8)) ?? ""
        #expect(result.status == 0, "\(engine) failed:\n\(log.suffix(3000))")
        if let keep = ProcessInfo.processInfo.environment["BP_TIKZ_KEEP"] {
            let target = URL(fileURLWithPath: keep).appendingPathComponent(engine + ".pdf")
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: folder.appendingPathComponent("figures.pdf"), to: target)
        }
        return log
    }
}
