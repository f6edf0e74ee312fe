import BPTestSupport
import Foundation
import Testing

/// The page's highlight in headless Chromium: an event on an entry of a worked result lights
/// exactly the operands' entries it came from, and until then the page looks as it would
/// without its script.
@Suite(.serialized) struct HoverBrowserTests {
    static let root = TestPaths.packageRoot()

    /// What one event lit: each lit element's part (its link's role) and text, in document
    /// order; the lit cell's background; and how many stay lit after the pointer or focus leaves.
    struct Lit: Decodable, Equatable {
        let lit: [[String]]
        let background: String
        let left: Int
    }

    struct Probe: Decodable {
        let before: Int
        let delta: Lit
        let update: Lit
        let gradient: Lit
        let unlitBackground: String
    }

    /// Dispatches the events from inside the page, after its own script, and records what lit.
    static let probe = """
    <script>
    (function () {
      function cell(group, row, column) {
        const result = document.querySelector('[data-link="' + group + '"][data-role="result"]');
        return result.querySelector('mtable').children[row - 1].children[column - 1];
      }
      function fire(group, row, column, type) {
        const target = cell(group, row, column).querySelector('mn');
        target.dispatchEvent(new Event(type, {bubbles: true}));
        const lit = Array.from(document.querySelectorAll('.bp-lit')).map(el =>
          [el.closest('[data-link]').getAttribute('data-role'), el.textContent.replace(/\\u2713/g, '')]);
        const background = getComputedStyle(cell(group, row, column)).backgroundColor;
        target.dispatchEvent(new Event(type === 'mouseover' ? 'mouseout' : 'focusout', {bubbles: true}));
        return {lit, background, left: document.querySelectorAll('.bp-lit').length};
      }
      const before = document.querySelectorAll('.bp-lit').length;
      const delta = fire('s1.l1.delta', 2, 1, 'mouseover');
      const update = fire('s1.l2.W+', 1, 2, 'focusin');
      const gradient = fire('s1.l2.dW', 2, 1, 'mouseover');
      const unlitBackground = getComputedStyle(cell('s1.l1.delta', 2, 1)).backgroundColor;
      const out = document.createElement('pre');
      out.id = 'bp-probe';
      out.textContent = JSON.stringify({before, delta, update, gradient, unlitBackground});
      document.body.appendChild(out);
    })();
    </script>
    """

    /// problem1 (numbering 0): W^1 = ((1, -2), (2, 4), (-3, 1)), W^2 = ((1, 2, -3), (2, -1, 3)),
    /// identity layers, so delta^2 = a^2 - t = (13, -7) and sigma' = 1. By hand:
    /// - delta^1 = (W^2)^T delta^2 ⊙ (1, 1, 1): entry 2 is row 2 of (W^2)^T, (2, -1), times the
    ///   column (13, -7), 26 + 7 = 33, times entry 2 of sigma', 1;
    /// - W^2 - 0.01 dW^2: entry (1, 2) is 2 - 0.01 · 104 = 0.96;
    /// - dW^2 = delta^2 (a^1)^T with a^1 = (0, 8, 1): entry (2, 1) is row 2 of delta^2, -7,
    ///   times column 1 of (a^1)^T, 0.
    @Test(.enabled(if: Tools.required("chromium")))
    func anEntryOfAResultLightsTheEntriesItCameFrom() throws {
        let html = try String(contentsOf: Self.root.appendingPathComponent("reports/problem1.html"), encoding: .utf8)
        let folder = try TestPaths.temporaryDirectory("bpreport-hover")
        let probe = try PageProbe.decode(Probe.self, html, probe: Self.probe, in: folder, name: "problem1.html")
        #expect(probe.before == 0)
        #expect(probe.delta.lit == [["rows", "2"], ["rows", "\u{2212}1"], ["columns", "13"], ["columns", "\u{2212}7"],
                                    ["entries", "1"], ["result", "33"]])
        #expect(probe.update.lit == [["entries", "2"], ["entries", "104"], ["result", "0.96"]])
        #expect(probe.gradient.lit == [["rows", "\u{2212}7"], ["columns", "0"], ["result", "0"]])
        for lit in [probe.delta, probe.update, probe.gradient] {
            #expect(lit.left == 0, "still lit after the pointer or focus left")
            #expect(lit.background != probe.unlitBackground && lit.background.hasPrefix("rgba(255, 190, 0"))
        }
    }

    /// Until a hover, the page is laid out and coloured exactly as the same page without its
    /// script: every element's box and background, measured from inside the page. (Compared as
    /// layout rather than as screenshots, which Chromium may take before a cold start has
    /// painted the whole page.)
    @Test(.enabled(if: Tools.required("chromium")))
    func theScriptChangesNothingUntilAHover() throws {
        let html = try String(contentsOf: Self.root.appendingPathComponent("reports/mazur.html"), encoding: .utf8)
        let script = try #require(html.range(of: "<script>\n")?.lowerBound)
        let scriptEnd = try #require(html.range(of: "</script>\n", range: script..<html.endIndex)?.upperBound)
        let folder = try TestPaths.temporaryDirectory("bpreport-noscript")
        let probe = """
        <script>
        window.addEventListener('load', function () {
          const boxes = Array.from(document.body.querySelectorAll('*')).filter(e => e.id !== 'bp-layout' && e.tagName !== 'SCRIPT').map(e => {
            const r = e.getBoundingClientRect(), style = getComputedStyle(e);
            return [e.tagName, Math.round(r.left * 10), Math.round(r.top * 10), Math.round(r.width * 10), Math.round(r.height * 10),
                    style.backgroundColor, style.outlineStyle, style.color].join(' ');
          });
          const out = document.createElement('pre');
          out.id = 'bp-layout';
          out.textContent = boxes.join('\\n');
          document.body.appendChild(out);
        });
        </script>
        """
        func layout(_ name: String, _ page: String) throws -> String {
            try PageProbe.text(page, probe: probe, in: folder, name: name + ".html", height: 2400, id: "bp-layout")
        }
        let with = try layout("with", html)
        let without = try layout("without", html.replacingCharacters(in: script..<scriptEnd, with: ""))
        let withLines = with.split(separator: "\n"), withoutLines = without.split(separator: "\n")
        #expect(withLines.count > 500)
        #expect(withLines.count == withoutLines.count)
        // Element by element: the same tag, colours and outline, and the same box to a tenth of
        // a pixel, give or take one tenth (Chromium's subpixel layout of a stretchy operator can
        // round either way from one load to the next, script or not).
        for (a, b) in zip(withLines, withoutLines) {
            let x = a.split(separator: " "), y = b.split(separator: " ")
            let sameBox = x.count == y.count && x.count > 5 && (1...4).allSatisfy { index in
                guard let p = Int(x[index]), let q = Int(y[index]) else { return false }
                return abs(p - q) <= 1
            }
            #expect(x[0] == y[0] && x.dropFirst(5) == y.dropFirst(5) && sameBox, "\(a)\n\(b)")
        }
    }
}
