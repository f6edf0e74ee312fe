import BPTestSupport
import Foundation
import Testing

/// `--to tex,pdf` on the seed problems (Korean, lualatex) and Mazur's example (English,
/// pdflatex): each compiles, and the PDF's text (pdftotext) has the lecture's section labels
/// and values worked out by hand or published elsewhere. CI installs TeX (texlive-latex-base,
/// texlive-latex-recommended, texlive-pictures, texlive-luatex, fonts-nanum) and poppler-utils.
@Suite(.serialized) struct PDFOutputTests {
    static let texInstalled = Tools.find("pdflatex") != nil && Tools.find("lualatex") != nil && Tools.find("pdftotext") != nil

    private func render(_ arguments: [String], environment: [String: String] = [:]) throws -> (ProcessResult, URL) {
        let output = try TestPaths.temporaryDirectory("bpreport-pdf")
        let result = try ProcessRunner.run(try ProcessRunner.bpreportExecutable(), ["render"] + arguments + ["--output", output.path, "--quiet"],
                                           in: TestPaths.packageRoot(), environment: environment)
        return (result, output)
    }

    private func text(of pdf: URL) throws -> String {
        let result = try ProcessRunner.run(try Tools.locate("pdftotext"), ["-enc", "UTF-8", pdf.path, "-"])
        try #require(result.status == 0, "pdftotext failed: \(result.standardError)")
        return result.standardOutput
    }

    private func producer(of pdf: URL) throws -> String {
        let result = try ProcessRunner.run(try Tools.locate("pdfinfo"), [pdf.path])
        return result.standardOutput.split(separator: "\n").first { $0.hasPrefix("Producer:") }.map(String.init) ?? ""
    }

    @Test(.enabled(if: texInstalled || CI.isSet))
    func seedReportsCompileAndSayTheirSectionsAndValues() throws {
        _ = try Tools.locate("pdflatex", "lualatex")
        let (result, folder) = try render(["reports/problem1.yaml", "reports/problem2.yaml", "reports/problem3.yaml", "reports/mazur.yaml", "--to", "tex,pdf"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try #require(result.status == 0, "\(result.standardError)")
        // Worked by hand from the specs (never from the lecture notes, which have slips):
        // problem 1: z¹ = W¹a⁰ + b¹ = (1-2+1, 2+4+2, -3+1+3) = (0, 8, 1), z² = (15, -4),
        //   L = ((15-2)² + (-4-3)²)/2 = 109;
        // problem 2: z² = (0, 2), a² = (0, 4), z³ = (-4, -4), a³ = (16, 16),
        //   L = ((16-2)² + (16-3)²)/2 = 182.5;
        // problem 3: the batch's first column reaches z⁴ = 25 + 12 = 37, against a target of -1.
        let expected: [(String, [String])] = [
            ("problem1", ["[Forward]", "[Backward]", "[Weight update]", "문제 1", "= 109"]),
            ("problem2", ["[Forward]", "[Backward]", "[Weight update]", "문제 2", "= 182.5"]),
            ("problem3", ["[Forward]", "[Backward]", "문제 3", "(37 − −1)"]),
            // Matt Mazur's post: out_h1 = 0.593269992, E_total = 0.298371109 (to 4 digits here).
            ("mazur", ["[Forward]", "[Backward]", "[Weight update]", "0.5933", "= 0.2984"]),
        ]
        for (name, phrases) in expected {
            let pdf = folder.appendingPathComponent(name + ".pdf")
            let text = try text(of: pdf)
            for phrase in phrases { #expect(text.contains(phrase), "\(name).pdf does not say \(phrase)") }
            let tex = try String(contentsOf: folder.appendingPathComponent(name + ".tex"), encoding: .utf8)
            // Korean needs lualatex; Mazur's English compiles with pdflatex. pdfinfo names the engine that ran.
            let engine = name == "mazur" ? "pdflatex" : "lualatex"
            #expect(tex.hasPrefix("% Made by bpreport. Compile with \(engine).\n"))
            #expect(try producer(of: pdf).contains(name == "mazur" ? "pdfTeX" : "LuaTeX"))
        }
    }

    @Test(.enabled(if: texInstalled || CI.isSet))
    func aPDFIsTheSameBytesEveryTimeSoCheckPasses() throws {
        _ = try Tools.locate("pdflatex", "lualatex")
        let (first, folder) = try render(["reports/problem1.yaml", "reports/mazur.yaml", "--to", "pdf"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try #require(first.status == 0, "\(first.standardError)")
        let check = try ProcessRunner.run(try ProcessRunner.bpreportExecutable(),
                                          ["render", "reports/problem1.yaml", "reports/mazur.yaml", "--to", "pdf", "--output", folder.path, "--check"],
                                          in: TestPaths.packageRoot())
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardError.contains("2 files up to date"))
    }

    @Test(.enabled(if: texInstalled || CI.isSet))
    func aNotebooksImageIsFoundBesideItAndItsTitleIsPrintedOnce() throws {
        _ = try Tools.locate("pdflatex")
        let course = try TestPaths.temporaryDirectory("bpreport-pdf-course")
        defer { try? FileManager.default.removeItem(at: course) }
        try FileManager.default.createDirectory(at: course.appendingPathComponent("week3"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.packageRoot().appendingPathComponent("reports/mazur.png"),
                                         to: course.appendingPathComponent("week3/net.png"))
        let notebook = "# Week three\n\nThe network as drawn:\n\n![Mazur's drawing](net.png)\n\n```network\ninput: [1, 2]\ntarget: [1]\n"
            + "layers:\n  - weights: [[0.5, -1]]\n    bias: [0]\n    activation: identity\nloss: half_sse\nlearning_rate: 0.1\nsteps: 1\n```\n"
        try Data(notebook.utf8).write(to: course.appendingPathComponent("week3/lecture.nb.md"))
        // Rendered from the course's parent folder, so the image is found from the notebook's folder, not the working one.
        let (result, folder) = try render([course.appendingPathComponent("week3/lecture.nb.md").path, "--to", "pdf"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try #require(result.status == 0, "\(result.standardError)")
        let pdf = folder.appendingPathComponent("lecture.pdf")
        let images = try ProcessRunner.run(try Tools.locate("pdfimages"), ["-list", pdf.path]).standardOutput
        // The one picture, at the PNG's own 800 x 1500 pixels.
        let rows = images.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
        #expect(rows.count == 1 && rows.first?[3] == "800" && rows.first?[4] == "1500", "\(images)")
        let text = try text(of: pdf)
        #expect(text.components(separatedBy: "Week three").count == 2, "the title is printed once: \(text)")
        // 0.5·1 − 1·2 = −1.5, worked by hand.
        #expect(text.contains("−1.5"))
    }

    @Test(.enabled(if: texInstalled || CI.isSet))
    func aCharacterNoFontHasIsAWarningNotASilentGap() throws {
        _ = try Tools.locate("lualatex")
        let folder = try TestPaths.temporaryDirectory("bpreport-pdf-emoji")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = try String(contentsOf: TestPaths.report("mazur"), encoding: .utf8)
        let title = try #require(spec.split(separator: "\n").first { $0.hasPrefix("title:") })
        try Data(spec.replacingOccurrences(of: String(title), with: "title: \"A 🧠 net\"").utf8).write(to: folder.appendingPathComponent("brain.yaml"))
        let (result, output) = try render([folder.appendingPathComponent("brain.yaml").path, "--to", "pdf"])
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("brain.pdf: warning: no font here has 🧠 (U+1F9E0); the PDF leaves it out"), "\(result.standardError)")
    }

    /// The PDF's Title property is the title as written, its Greek letters, superscripts and
    /// TeX specials kept (the text is set as math and escapes, which a PDF string cannot hold).
    @Test(.enabled(if: texInstalled || CI.isSet))
    func thePDFTitleKeepsMathAndSpecials() throws {
        let pdfinfo = try Tools.locate("pdfinfo")
        let folder = try TestPaths.temporaryDirectory("bpreport-pdf-title")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = try String(contentsOf: TestPaths.report("mazur"), encoding: .utf8)
        let line = try #require(spec.split(separator: "\n").first { $0.hasPrefix("title:") })
        let title = "σ and α² of W_1: 50% & {more} ~ #1"
        try Data(spec.replacingOccurrences(of: String(line), with: "title: \"\(title)\"").utf8).write(to: folder.appendingPathComponent("greek.yaml"))
        let (result, output) = try render([folder.appendingPathComponent("greek.yaml").path, "--to", "pdf"])
        defer { try? FileManager.default.removeItem(at: output) }
        try #require(result.status == 0, "\(result.standardError)")
        let info = try ProcessRunner.run(pdfinfo, ["-enc", "UTF-8", output.appendingPathComponent("greek.pdf").path]).standardOutput
        let property = info.split(separator: "\n").first { $0.hasPrefix("Title:") }.map { String($0.dropFirst("Title:".count)).trimmingCharacters(in: .whitespaces) }
        #expect(property == title)
        // Set with pdflatex: the Greek letters are math, which pdflatex reads.
        #expect(try producer(of: output.appendingPathComponent("greek.pdf")).contains("pdfTeX"))
    }

    @Test func withNoTeXAtAllNothingIsRenderedAndThePackagesAreNamed() throws {
        let (result, folder) = try render(["reports/problem1.yaml", "reports/mazur.yaml", "--to", "md,pdf"],
                                          environment: ["PATH": "/nonexistent"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 69)
        #expect(result.standardError == "bpreport: error: --to pdf needs pdflatex (lualatex for Korean), and neither is on PATH; on Debian or Ubuntu: "
                + "apt-get install --no-install-recommends texlive-latex-base texlive-latex-recommended texlive-pictures texlive-luatex fonts-nanum "
                + "(or write the LaTeX alone with --to tex)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test(.enabled(if: texInstalled || CI.isSet))
    func anInputNeedingTheMissingEngineIsNamedWithItsPackages() throws {
        // pdflatex alone on PATH: Mazur's English report could be made, the Korean one needs lualatex.
        let bin = try TestPaths.temporaryDirectory("bpreport-pdflatex-only")
        defer { try? FileManager.default.removeItem(at: bin) }
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("pdflatex"), withDestinationURL: try Tools.locate("pdflatex"))
        let (result, folder) = try render(["reports/problem1.yaml", "reports/mazur.yaml", "--to", "pdf"], environment: ["PATH": bin.path])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("bpreport: error: reports/problem1.yaml: problem1.pdf needs lualatex, which is not on PATH; on Debian or Ubuntu: "
                                               + "apt-get install --no-install-recommends texlive-latex-base texlive-latex-recommended texlive-pictures texlive-luatex fonts-nanum"))
        // Inputs named one by one are written all or none.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
