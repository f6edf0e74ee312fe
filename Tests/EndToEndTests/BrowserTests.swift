import BPTestSupport
import Foundation
import Testing

/// Opens every committed report in headless Chromium and measures it from inside the page: on
/// screen at a window 800 px wide, and with the print stylesheet on a column as wide as A4's.
@Suite(.serialized) struct BrowserTests {
    static let root = TestPaths.packageRoot()

    /// Every page in reports/.
    static let pages: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("reports").path)) ?? []
        return names.filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// What the probe script reports.
    struct Measurement: Decodable {
        let maths: Int
        let emptyMaths: Int
        let matrices: Int
        let flatMatrices: Int
        let unstretchedBrackets: Int
        let leaks: [String]
        let lineHeight: Double
        /// Display formulas wider than their column, as [scroll width, column width, TeX].
        let overflowing: [[String]]
        let columnWidth: Double
        let tallestDisplay: Double
        /// Network diagrams, and the pairs of weight labels (as "text @ x,y") whose boxes overlap.
        let networks: Int
        let labelOverlaps: [[String]]
        /// Weight labels in all diagrams, and labels that overlap a unit's circle or a bias.
        let weightLabels: Int
        let labelsOnUnits: [String]
        /// Figures wider than their column.
        let wideFigures: Int
    }

    /// Runs at the end of <body>: every <math> must have a box, every matrix be taller than a
    /// line with brackets as tall as it, no TeX may show in the page's text, and no display
    /// formula may be wider than the column.
    static let probe = """
    <script>
    (function () {
      const maths = Array.from(document.querySelectorAll('math'));
      const emptyMaths = maths.filter(m => { const r = m.getBoundingClientRect(); return !(r.width > 0 && r.height > 0); }).length;
      const lineHeight = parseFloat(getComputedStyle(document.querySelector('p')).lineHeight) || 20;
      const matrices = Array.from(document.querySelectorAll('mtable')).filter(t => !t.classList.contains('bp-array') && !t.classList.contains('bp-aligned') && t.querySelectorAll(':scope > mtr').length >= 2);
      const flatMatrices = matrices.filter(t => t.getBoundingClientRect().height <= lineHeight).length;
      const unstretchedBrackets = matrices.filter(t => {
        const open = t.previousElementSibling;
        return !open || open.getBoundingClientRect().height < 0.8 * t.getBoundingClientRect().height;
      }).length;
      const text = document.body.innerText;
      const leaks = ['$$', '\\\\begin', '\\\\frac', '\\\\left'].filter(s => text.includes(s));
      const displays = Array.from(document.querySelectorAll('.bp-display'));
      const overflowing = displays.filter(d => d.scrollWidth > d.clientWidth + 1)
        .map(d => [String(d.scrollWidth), String(d.clientWidth), ((d.querySelector('annotation') || {}).textContent || '').slice(0, 100)]);
      const columnWidth = displays.length ? displays[0].clientWidth : 0;
      const tallestDisplay = Math.max(0, ...displays.map(d => d.getBoundingClientRect().height));
      // The drawings, as laid out: no two weight labels may overlap, nor cover a unit or a bias.
      const networks = Array.from(document.querySelectorAll('svg.bp-network'));
      const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const name = (e, r) => e.textContent + ' @ ' + Math.round(r.left) + ',' + Math.round(r.top);
      const labelOverlaps = [], labelsOnUnits = [];
      let weightLabels = 0;
      for (const svg of networks) {
        const labels = Array.from(svg.querySelectorAll('g.weights text')).map(e => [e, e.getBoundingClientRect()]);
        const fixed = Array.from(svg.querySelectorAll('circle, text.bias')).map(e => e.getBoundingClientRect());
        weightLabels += labels.length;
        labels.forEach(([e, r], i) => {
          labels.slice(i + 1).forEach(([f, q]) => { if (overlap(r, q)) labelOverlaps.push([name(e, r), name(f, q)]); });
          if (fixed.some(q => overlap(r, q))) labelsOnUnits.push(name(e, r));
        });
      }
      const wideFigures = Array.from(document.querySelectorAll('figure > svg')).filter(s => s.getBoundingClientRect().width > s.parentElement.getBoundingClientRect().width + 1).length;
      const out = document.createElement('pre');
      out.id = 'bp-probe';
      out.textContent = JSON.stringify({maths: maths.length, emptyMaths, matrices: matrices.length, flatMatrices, unstretchedBrackets, leaks, lineHeight, overflowing, columnWidth, tallestDisplay, networks: networks.length, labelOverlaps, weightLabels, labelsOnUnits, wideFigures});
      document.body.appendChild(out);
    })();
    </script>
    """

    static func chromium() throws -> URL {
        try Tools.locate("chromium", "chromium-browser")
    }

    /// Measures `report` in a window `width` px wide; `print` applies the print stylesheet as
    /// if on screen (the column is then A4's: 210 mm less 2 x 14 mm margins, 688 px).
    func measure(_ report: String, width: Int, print: Bool = false) throws -> Measurement {
        var html = try String(contentsOf: Self.root.appendingPathComponent("reports/\(report).html"), encoding: .utf8)
        if print { html = html.replacingOccurrences(of: "@media print {", with: "@media all {") }
        let folder = try TestPaths.temporaryDirectory("bpreport-browser")
        return try PageProbe.decode(Measurement.self, html, probe: Self.probe, in: folder, name: "\(report).html", width: width)
    }

    @Test(.enabled(if: Tools.required("chromium")), arguments: pages)
    func everyFormulaRendersAsMath(report: String) throws {
        let m = try measure(report, width: 1000)
        #expect(m.maths >= 15, "\(report): only \(m.maths) formulas")
        #expect(m.emptyMaths == 0, "\(report): \(m.emptyMaths) formulas have no box")
        #expect(m.matrices > 5)
        #expect(m.flatMatrices == 0, "\(report): \(m.flatMatrices) matrices are no taller than a line (\(m.lineHeight)px)")
        #expect(m.unstretchedBrackets == 0, "\(report): \(m.unstretchedBrackets) matrices have brackets shorter than their rows")
        #expect(m.leaks.isEmpty, "\(report): TeX visible in the page: \(m.leaks)")
    }

    /// At a window 800 px wide, no display formula is wider than the text column: long chains
    /// were broken onto lines, and nothing scrolls.
    @Test(.enabled(if: Tools.required("chromium")), arguments: pages)
    func nothingIsWiderThanTheColumnAt800px(report: String) throws {
        let m = try measure(report, width: 800)
        #expect(m.columnWidth > 700 && m.columnWidth < 800)
        #expect(m.overflowing.isEmpty, "\(report): wider than the column: \(m.overflowing)")
    }

    /// A notebook's picture wider than the column (an 800 x 1500 screenshot) is scaled down to
    /// it, keeping its shape, and the page does not scroll sideways.
    @Test(.enabled(if: Tools.required("chromium")))
    func aNotebooksLargePictureFitsTheColumn() throws {
        struct Fit: Decodable { let image: Double; let imageHeight: Double; let column: Double; let scroll: Double; let window: Double }
        let folder = try TestPaths.temporaryDirectory("bpreport-browser-image")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("reports/mazur.png"), to: folder.appendingPathComponent("big.png"))
        try Data("# Pictures\n\n![A large screenshot](big.png)\n".utf8).write(to: folder.appendingPathComponent("p.nb.md"))
        let result = try ProcessRunner.run(try ProcessRunner.bpreportExecutable(), ["render", "p.nb.md", "--to", "html", "--quiet"], in: folder)
        try #require(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOf: folder.appendingPathComponent("p.html"), encoding: .utf8)
        let probe = """
        <pre id="bp-probe"></pre><script>
        window.addEventListener('load', function () {
          var img = document.querySelector('figure > img'), box = img.getBoundingClientRect();
          document.getElementById('bp-probe').textContent = JSON.stringify({image: box.width, imageHeight: box.height,
            column: document.querySelector('.bp-report').clientWidth, scroll: document.documentElement.scrollWidth, window: window.innerWidth});
        });
        </script>
        """
        let fit = try PageProbe.decode(Fit.self, html, probe: probe, in: folder, name: "probed.html", width: 800)
        #expect(fit.image > 600 && fit.image <= fit.column, "\(fit)")
        // 800 x 1500 scaled as a whole: height / width stays 1.875.
        #expect(abs(fit.imageHeight / fit.image - 1.875) < 0.01, "\(fit)")
        #expect(fit.scroll <= fit.window, "\(fit)")
    }

    /// Every report draws its network, and in the drawing as Chromium lays it out (fonts and
    /// all) no weight label overlaps another, a unit's circle or a bias; no figure is wider
    /// than the column.
    @Test(.enabled(if: Tools.required("chromium")), arguments: pages)
    func diagramLabelsDoNotOverlap(report: String) throws {
        let m = try measure(report, width: 800)
        #expect(m.networks >= 1, "\(report): no network diagram")
        #expect(m.weightLabels >= 6, "\(report): only \(m.weightLabels) weight labels")
        #expect(m.labelOverlaps.isEmpty, "\(report): weight labels overlap: \(m.labelOverlaps)")
        #expect(m.labelsOnUnits.isEmpty, "\(report): weight labels on a unit or bias: \(m.labelsOnUnits)")
        #expect(m.wideFigures == 0, "\(report): \(m.wideFigures) figures wider than the column")
    }

    /// With the print stylesheet on A4's column, no display formula is cut at the side, and
    /// each is shorter than a page, so `break-inside: avoid` keeps every matrix whole on one page.
    @Test(.enabled(if: Tools.required("chromium")), arguments: pages)
    func printKeepsEveryMatrixWhole(report: String) throws {
        let m = try measure(report, width: 688, print: true)
        #expect(m.overflowing.isEmpty, "\(report): cut off in print: \(m.overflowing)")
        // A4 is 297 mm high less 2 x 16 mm margins: 265 mm, about 1,000 px.
        #expect(m.tallestDisplay < 1000, "\(report): a formula \(m.tallestDisplay) px high cannot stay on one page")
    }

    /// Handouts of every report, rendered beside their solutions: they pass the same checks
    /// (every formula a box, nothing wider than the column at 800 px), show no value the
    /// solution computed, and the solution shows every one of them.
    @Test(.enabled(if: Tools.required("chromium")))
    func handoutsShowNoComputedValue() throws {
        let folder = try TestPaths.temporaryDirectory("bpreport-handouts")
        let render = try ProcessRunner.run(try ProcessRunner.bpreportExecutable(),
                                           ["render", Self.root.appendingPathComponent("reports").path, "--output", folder.path,
                                            "--mode", "handout,solution"])
        #expect(render.status == 0, "\(render.standardError)")
        let probe = """
        <script>
        (function () {
          const keyed = Array.from(document.querySelectorAll('[data-q]'));
          const numbers = keyed.flatMap(q => Array.from(q.querySelectorAll('mn')).map(n => n.textContent));
          const displays = Array.from(document.querySelectorAll('.bp-display'));
          const overflowing = displays.filter(d => d.scrollWidth > d.clientWidth + 1).length;
          const given = document.querySelector('section.bp-given');
          const out = document.createElement('pre');
          out.id = 'bp-probe';
          out.textContent = JSON.stringify({keyed: keyed.length, numbers, overflowing,
            text: document.body.innerText, givenText: given ? given.innerText : '',
            boxes: document.querySelectorAll('mspace.bp-box, mspace.bp-line').length,
            emptyMaths: Array.from(document.querySelectorAll('math')).filter(m => { const r = m.getBoundingClientRect(); return !(r.width > 0 && r.height > 0); }).length});
          document.body.appendChild(out);
        })();
        </script>
        """
        struct Page: Decodable {
            let keyed: Int
            let numbers: [String]
            let overflowing: Int
            let text: String
            let givenText: String
            let boxes: Int
            let emptyMaths: Int
        }
        func measure(_ page: URL) throws -> Page {
            let html = try String(contentsOf: page, encoding: .utf8)
            return try PageProbe.decode(Page.self, html, probe: probe, in: page.deletingLastPathComponent(), name: "probed-" + page.lastPathComponent)
        }
        for name in Self.pages {
            let handout = try measure(folder.appendingPathComponent("handout/\(name).html"))
            let solution = try measure(folder.appendingPathComponent("solution/\(name).html"))
            #expect(handout.keyed == solution.keyed && handout.keyed > 10, "\(name)")
            #expect(handout.numbers.isEmpty, "\(name): the handout shows \(handout.numbers.prefix(5))")
            #expect(handout.boxes > 10 && handout.emptyMaths == 0 && handout.overflowing == 0, "\(name)")
            // Read as text: no computed number of the solution (three characters or more, and not
            // also a given) is on the handout page, and every one is on the solution page.
            let computed = Set(solution.numbers.filter { $0.count >= 3 && !solution.givenText.contains($0) })
            #expect(!computed.isEmpty, "\(name)")
            for number in computed {
                #expect(solution.text.contains(number), "\(name): \(number) is not on the solution page")
                #expect(!handout.text.contains(number), "\(name): \(number) is on the handout page")
            }
        }
    }

    /// Chromium prints the page to a PDF (A4, from the page's @page rule); where pdftotext is
    /// installed (always in CI), the PDF holds the report's last words, so nothing was lost.
    @Test(.enabled(if: Tools.required("chromium")), arguments: ["mazur", "problem1"])
    func printsToPDF(report: String) throws {
        let folder = try TestPaths.temporaryDirectory("bpreport-print")
        let pdf = folder.appendingPathComponent("\(report).pdf")
        let page = Self.root.appendingPathComponent("reports/\(report).html")
        let result = try ProcessRunner.run(try Self.chromium(), [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString,
        ])
        #expect(result.status == 0, "chromium failed: \(result.standardError.suffix(500))")
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "\(report).pdf has \(size) bytes")
        guard Tools.required("pdftotext") else { return }
        let pdftotext = try Tools.locate("pdftotext")
        let text = try ProcessRunner.run(pdftotext, [pdf.path, "-"]).standardOutput
        #expect(text.contains("[Weight update]"))
        // The last sentence of the English report (Korean text needs a CJK font to come back out).
        if report == "mazur" { #expect(text.contains("After the update the loss is")) }
    }
}

/// KaTeX pages against Debian's own copy of KaTeX (libjs-katex), loaded from the file system
/// as a course without network access would: every formula typeset, none left as TeX.
@Suite(.serialized) struct KaTeXBrowserTests {
    static let debianKaTeX = "/usr/share/javascript/katex"
    static var installed: Bool {
        FileManager.default.fileExists(atPath: debianKaTeX + "/katex.min.js") || CI.isSet
    }

    struct Typeset: Decodable {
        let formulas: Int
        let errors: Int
        let rawTeX: [String]
        let displays: Int
    }

    static let probe = """
    <script>
    window.addEventListener('load', function () {
      // auto-render runs in its script's onload, before the window's load event.
      const text = document.body.innerText;
      const rawTeX = ['\\\\(', '\\\\[', '\\\\frac', '\\\\begin'].filter(s => text.includes(s));
      const out = document.createElement('pre');
      out.id = 'bp-probe';
      out.textContent = JSON.stringify({formulas: document.querySelectorAll('.katex').length,
        errors: document.querySelectorAll('.katex-error').length, rawTeX,
        displays: document.querySelectorAll('.katex-display').length});
      document.body.appendChild(out);
    });
    </script>
    """

    @Test(.enabled(if: installed), arguments: ["mazur", "problem1", "handout"])
    func everyFormulaIsTypesetByDebiansKaTeX(report: String) throws {
        #expect(FileManager.default.fileExists(atPath: Self.debianKaTeX + "/contrib/auto-render.js"), "libjs-katex is not installed")
        let folder = try TestPaths.temporaryDirectory("bpreport-katex")
        let source = BrowserTests.root.appendingPathComponent("reports/\(report).\(report == "handout" ? "nb.md" : "yaml")")
        let render = try ProcessRunner.run(try ProcessRunner.bpreportExecutable(), [
            "render", source.path, "--to", "html", "--math", "katex", "--katex-url", "file://" + Self.debianKaTeX, "--output", folder.path,
        ])
        #expect(render.status == 0, "\(render.standardError)")
        let html = try String(contentsOf: folder.appendingPathComponent("\(report).html"), encoding: .utf8)
        // Debian has no contrib/auto-render.min.js: the page asks for the file that is there.
        #expect(html.contains("file:///usr/share/javascript/katex/contrib/auto-render.js\""))
        // Formulas in the body (the head's script names the delimiters too).
        let body = html[(html.range(of: "<body")?.lowerBound ?? html.startIndex)...]
        let mathCount = body.components(separatedBy: "\\(").count - 1 + body.components(separatedBy: "\\[").count - 1
        let typeset = try PageProbe.decode(Typeset.self, html, probe: Self.probe, in: folder, name: "probed.html")
        #expect(typeset.rawTeX.isEmpty, "\(report): TeX left in the page: \(typeset.rawTeX)")
        #expect(typeset.errors == 0, "\(report): \(typeset.errors) formulas KaTeX could not read")
        #expect(mathCount > 15)
        #expect(typeset.formulas == mathCount, "\(report): \(typeset.formulas) typeset of \(mathCount)")
        #expect(typeset.displays > 5)
    }
}
