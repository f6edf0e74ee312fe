import BPTestSupport
import Foundation
import Testing

/// The committed reports in reports/ are the end-to-end expectations: `render --check` must
/// pass, output must be byte-identical run to run, and a failed render writes nothing.
@Suite struct ReportsTests {
    let root = TestPaths.packageRoot()
    var reports: URL { root.appendingPathComponent("reports") }

    private func bpreport(_ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
        try ProcessRunner.run(try ProcessRunner.bpreportExecutable(), arguments, in: directory ?? root)
    }

    @Test func committedReportsAreUpToDate() throws {
        let result = try bpreport(["render", "--check", "reports"])
        #expect(result.status == 0, "reports/ are stale; re-record with `bpreport render reports`:\n\(result.standardError)")
        // Seven specs and the handout notebook, each with its .md and .html (16), and their
        // 21 drawings: the network of every spec and notebook cell (11), and a loss plot and the
        // trained network for each of the five runs of several steps (10).
        #expect(result.standardError.contains("37 files up to date"))
    }

    @Test func renderingIsByteIdenticalRunToRun() throws {
        let first = try TestPaths.temporaryDirectory()
        let second = try TestPaths.temporaryDirectory()
        #expect(try bpreport(["render", "reports", "--output", first.path]).status == 0)
        #expect(try bpreport(["render", "reports", "--output", second.path]).status == 0)
        for name in ["problem1", "problem2", "problem3"] {
            for ext in ["md", "network.svg", "html"] {
                let a = try Data(contentsOf: first.appendingPathComponent("\(name).\(ext)"))
                let b = try Data(contentsOf: second.appendingPathComponent("\(name).\(ext)"))
                let committed = try Data(contentsOf: reports.appendingPathComponent("\(name).\(ext)"))
                #expect(a == b, "\(name).\(ext) differs between two runs")
                #expect(a == committed, "\(name).\(ext) differs from the committed report")
            }
        }
    }

    @Test func checkFailsOnAStaleReportAndNamesIt() throws {
        let copy = try TestPaths.temporaryDirectory()
        for name in ["problem1.yaml", "problem1.md", "problem1.network.svg", "problem1.html"] {
            try FileManager.default.copyItem(at: reports.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        #expect(try bpreport(["render", "--check", copy.path]).status == 0)
        let md = copy.appendingPathComponent("problem1.md")
        let edited = try String(contentsOf: md, encoding: .utf8).replacingOccurrences(of: "-0.44", with: "-0.94")
        try Data(edited.utf8).write(to: md)
        let result = try bpreport(["render", "--check", copy.path])
        #expect(result.status != 0)
        #expect(result.standardError.contains("problem1.md: differs"))
        try FileManager.default.removeItem(at: copy.appendingPathComponent("problem1.html"))
        #expect(try bpreport(["render", "--check", copy.path]).standardError.contains("problem1.html: missing"))
    }

    @Test func aBadSpecMeansNothingIsWritten() throws {
        let folder = try TestPaths.temporaryDirectory()
        let bad = folder.appendingPathComponent("bad.yaml")
        try Data("input: [1, 1]\ntarget: [1]\nlayers:\n  - {weights: [[1, 2, 3]], bias: [0], activation: identity}\nloss: sse\nsteps: 0\n".utf8).write(to: bad)
        let out = folder.appendingPathComponent("out")
        let result = try bpreport(["render", reports.appendingPathComponent("problem1.yaml").path, bad.path, "--output", out.path])
        #expect(result.status != 0)
        #expect(result.standardError.contains("bad.yaml:4:"))
        #expect(result.standardError.contains("layers[0].weights"))
        #expect(result.standardError.contains("Nothing was written."))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(result.standardOutput.isEmpty)
    }

    /// Numbers come from the engine: the lecture notes printed -0.94 for the entry that is, by
    /// hand, W_22 = -1 - 0.01 (-56) = -0.44. The notes' number appears only as the claim marked
    /// wrong under the true value.
    @Test func reportsCarryTheTrueValuesNotTheNotesSlips() throws {
        let md = try String(contentsOf: reports.appendingPathComponent("problem1.md"), encoding: .utf8)
        #expect(md.contains(#"\underset{\text{✗}\,\text{-0.94}}{-0.44}"#))
        #expect(md.components(separatedBy: "-0.94").count - 1 == 1)
    }

    /// The Markdown's math as GitHub reads it: `$$` blocks on their own lines, with `\\` row
    /// breaks and `_{}` subscripts intact.
    @Test func markdownMathBlocksAreExact() throws {
        let md = try String(contentsOf: reports.appendingPathComponent("problem1.md"), encoding: .utf8)
        #expect(md.contains("\n\n$$\nW^{1} = \\begin{pmatrix} 1 & -2 \\\\ 2 & 4 \\\\ -3 & 1 \\end{pmatrix} , \\quad b^{1} = \\begin{pmatrix} 1 \\\\ 2 \\\\ 3 \\end{pmatrix}\n$$\n\n"))
        #expect(md.contains("\n\n$$\nL = \\frac{1}{2} [(a_{1}^{2} - t_{1})^{2} + (a_{2}^{2} - t_{2})^{2}]\n$$\n\n"))
        // Problem 3's delta^4 = 2/3 (a - t) with a^4 = (37, -11, 21) and t = (-1, 0, 1): 2/3 (38, -11, 20).
        let md3 = try String(contentsOf: reports.appendingPathComponent("problem3.md"), encoding: .utf8)
        #expect(md3.contains(#"\frac{2}{3} \, \begin{pmatrix} 38 & -11 & 20 \end{pmatrix}"#))
    }

    /// A real Markdown reader (pandoc: skipped where it is not installed, except in CI, which
    /// installs it and where its absence fails the test) finds every formula as math and no
    /// emphasis anywhere.
    @Test(.enabled(if: Tools.required("pandoc"))) func pandocReadsEveryFormulaAsMath() throws {
        let pandoc = try Tools.locate("pandoc")
        // Every report, the notebook's among them (its prose math kept as written).
        let names = try FileManager.default.contentsOfDirectory(atPath: reports.path)
            .filter { $0.hasSuffix(".md") && !$0.hasSuffix(".nb.md") }.map { String($0.dropLast(3)) }.sorted()
        #expect(names.count == 8)
        for name in names {
            let path = reports.appendingPathComponent("\(name).md").path
            let result = try ProcessRunner.run(pandoc, ["-f", "markdown", "-t", "json", path])
            #expect(result.status == 0)
            let md = try String(contentsOfFile: path, encoding: .utf8)
            let displays = md.components(separatedBy: "\n$$\n").count / 2
            #expect(result.standardOutput.components(separatedBy: "\"DisplayMath\"").count - 1 == displays, "\(name)")
            // No TeX turned into emphasis: pandoc finds exactly the emphasis the page has
            // (the notes' own), counted in the HTML the tool wrote from the same document.
            let html = try String(contentsOfFile: reports.appendingPathComponent("\(name).html").path, encoding: .utf8)
            #expect(result.standardOutput.components(separatedBy: "\"Emph\"").count == html.components(separatedBy: "<em>").count, "\(name)")
            #expect(result.standardOutput.components(separatedBy: "\"Strong\"").count == html.components(separatedBy: "<strong>").count, "\(name)")
        }
    }
}
