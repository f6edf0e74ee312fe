import BPTestSupport
import Foundation
import Testing

/// Opens each committed report in headless Chromium and measures it from inside the page.
@Suite(.serialized) struct BrowserTests {
    let root = TestPaths.packageRoot()

    /// What the probe script reports.
    struct Measurement: Decodable {
        let maths: Int
        let emptyMaths: Int
        let matrices: Int
        let flatMatrices: Int
        let unstretchedBrackets: Int
        let leaks: [String]
        let lineHeight: Double
    }

    /// Runs at the end of <body>: every <math> must have a box, every matrix be taller than a
    /// line with brackets as tall as it, and no TeX may show in the page's text.
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
      const out = document.createElement('pre');
      out.id = 'bp-probe';
      out.textContent = JSON.stringify({maths: maths.length, emptyMaths, matrices: matrices.length, flatMatrices, unstretchedBrackets, leaks, lineHeight});
      document.body.appendChild(out);
    })();
    </script>
    """

    func measure(_ report: String) throws -> Measurement {
        let html = try String(contentsOf: root.appendingPathComponent("reports/\(report).html"), encoding: .utf8)
        let folder = try TestPaths.temporaryDirectory("bpreport-browser")
        let page = folder.appendingPathComponent("\(report).html")
        try Data(html.replacingOccurrences(of: "</body>", with: Self.probe + "\n</body>").utf8).write(to: page)
        let chromium = try #require(Tools.find("chromium") ?? Tools.find("chromium-browser"), "chromium is not installed")
        let result = try ProcessRunner.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--window-size=1000,1400", "--dump-dom", page.absoluteString,
        ])
        #expect(result.status == 0, "chromium failed: \(result.standardError.suffix(500))")
        let dom = result.standardOutput
        let start = try #require(dom.range(of: "<pre id=\"bp-probe\">"), "the probe did not run")
        let end = try #require(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
        let json = dom[start.upperBound..<end.lowerBound]
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        return try JSONDecoder().decode(Measurement.self, from: Data(json.utf8))
    }

    @Test(.enabled(if: Tools.required("chromium")), arguments: ["problem1", "problem2", "problem3"])
    func everyFormulaRendersAsMath(report: String) throws {
        let m = try measure(report)
        #expect(m.maths >= 15, "\(report): only \(m.maths) formulas")
        #expect(m.emptyMaths == 0, "\(report): \(m.emptyMaths) formulas have no box")
        #expect(m.matrices > 10)
        #expect(m.flatMatrices == 0, "\(report): \(m.flatMatrices) matrices are no taller than a line (\(m.lineHeight)px)")
        #expect(m.unstretchedBrackets == 0, "\(report): \(m.unstretchedBrackets) matrices have brackets shorter than their rows")
        #expect(m.leaks.isEmpty, "\(report): TeX visible in the page: \(m.leaks)")
    }
}
