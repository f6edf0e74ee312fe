import BPTestSupport
import Foundation
import Testing

/// A folder of specs and notebooks rendered as a site: the tree kept, an index per folder with
/// relative links, byte-identical whatever the number of cores, bad inputs reported while the
/// others are written, and --watch following a saved file.
@Suite(.serialized) struct SiteTests {
    let root = TestPaths.packageRoot()

    private func bpreport(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(try ProcessRunner.bpreportExecutable(), arguments, in: root)
    }

    static let spec = "title: \"TITLE\"\n" + TestSpecs.contractNetwork

    /// course/{p1.yaml, p2.yaml, week.nb.md, sub/p1.yaml, sub/deeper/q.yaml}
    private func course() throws -> URL {
        let folder = try TestPaths.temporaryDirectory("bpreport-site")
        let course = folder.appendingPathComponent("course")
        try FileManager.default.createDirectory(at: course.appendingPathComponent("sub/deeper"), withIntermediateDirectories: true)
        func write(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: course.appendingPathComponent(path)) }
        try write("p1.yaml", Self.spec.replacingOccurrences(of: "TITLE", with: "Top one"))
        try write("p2.yaml", Self.spec.replacingOccurrences(of: "TITLE", with: "Top two"))
        try write("week.nb.md", "# Week 1\n\nProse with $a^1$.\n\n```network id=p\n\(Self.spec.replacingOccurrences(of: "TITLE", with: "Cell"))\n```\n")
        try write("sub/p1.yaml", Self.spec.replacingOccurrences(of: "TITLE", with: "Sub one"))
        try write("sub/deeper/q.yaml", Self.spec.replacingOccurrences(of: "TITLE", with: "Deep"))
        return course
    }

    private func tree(_ folder: URL) throws -> [String: Data] { try TestPaths.files(under: folder) }

    @Test func aFolderBecomesASiteTheSameOnOneCoreAndOnAll() throws {
        let course = try course()
        let one = course.deletingLastPathComponent().appendingPathComponent("one")
        let all = course.deletingLastPathComponent().appendingPathComponent("all")
        let first = try bpreport(["render", course.path, "--output", one.path, "--jobs", "1"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(try bpreport(["render", course.path, "--output", all.path]).status == 0)
        let a = try tree(one), b = try tree(all)
        #expect(a.keys.sorted() == [
            "index.html", "p1.html", "p1.md", "p1.network.svg", "p2.html", "p2.md", "p2.network.svg",
            "sub/deeper/index.html", "sub/deeper/q.html", "sub/deeper/q.md", "sub/deeper/q.network.svg",
            "sub/index.html", "sub/p1.html", "sub/p1.md", "sub/p1.network.svg", "week.html", "week.md", "week.network.svg",
        ])
        #expect(a == b)
        // Indexes list pages by title and link with relative paths only.
        let top = String(decoding: a["index.html"]!, as: UTF8.self)
        #expect(top.contains("<a href=\"p1.html\">Top one</a>") && top.contains("<a href=\"week.html\">Week 1</a>"))
        #expect(top.contains("<a href=\"sub/index.html\">sub/</a>"))
        let sub = String(decoding: a["sub/index.html"]!, as: UTF8.self)
        #expect(sub.contains("<a href=\"../index.html\">") && sub.contains("<a href=\"deeper/index.html\">deeper/</a>"))
        for page in a.keys where page.hasSuffix("index.html") {
            let html = String(decoding: a[page]!, as: UTF8.self)
            #expect(!html.contains("href=\"/") && !html.contains("file:"), "\(page) has an absolute link")
        }
        // --check covers the whole site.
        #expect(try bpreport(["render", course.path, "--output", one.path, "--check"]).status == 0)
        try Data("changed".utf8).write(to: one.appendingPathComponent("sub/index.html"))
        let stale = try bpreport(["render", course.path, "--output", one.path, "--check"])
        #expect(stale.status != 0 && stale.standardError.contains("sub/index.html: differs"))
    }

    @Test func handoutAndSolutionGoIntoFoldersOfTheirOwnEachWithItsIndexes() throws {
        let course = try course()
        let out = course.deletingLastPathComponent().appendingPathComponent("both")
        let result = try bpreport(["render", course.path, "--output", out.path, "--mode", "handout,solution"])
        #expect(result.status == 0, "\(result.standardError)")
        let files = try tree(out).keys.sorted()
        // The site's own top links the two trees.
        let top = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(top.contains("href=\"handout/index.html\"") && top.contains("href=\"solution/index.html\""))
        for mode in ["handout", "solution"] {
            for file in ["index.html", "p1.html", "p1.md", "week.html", "sub/index.html", "sub/p1.md", "sub/deeper/index.html", "sub/deeper/q.html"] {
                #expect(files.contains("\(mode)/\(file)"), "\(mode)/\(file) missing")
            }
        }
        let handout = try String(contentsOf: out.appendingPathComponent("handout/p1.md"), encoding: .utf8)
        let solution = try String(contentsOf: out.appendingPathComponent("solution/p1.md"), encoding: .utf8)
        // Problem 1's z^2 = (0, 8, 1) is worked in the solution and a column of boxes in the handout.
        #expect(solution.contains(#"\begin{pmatrix} 0 \\ 8 \\ 1 \end{pmatrix}"#))
        #expect(!handout.contains(#"\begin{pmatrix} 0 \\ 8 \\ 1 \end{pmatrix}"#) && handout.contains(#"\boxed{\phantom{\dfrac{000}{000}}}"#))
        let bad = try bpreport(["render", course.path, "--output", out.path, "--mode", "key"])
        #expect(bad.status != 0 && bad.standardError.contains("--mode takes solution, handout or both"))
    }

    @Test func withoutHTMLTheIndexesLinkTheFirstFormatWritten() throws {
        let course = try course()
        // A print course (PDF, not HTML) links its PDFs; it needs TeX, which CI has.
        let pdf = Tools.find("pdflatex") != nil || CI.isSet ? [("tex,pdf", "pdf")] : []
        for (format, linked) in [("ipynb", "ipynb"), ("md,ipynb", "md"), ("ipynb,html", "html"), ("md,tex", "md")] + pdf {
            let out = course.deletingLastPathComponent().appendingPathComponent("to-" + format)
            let result = try bpreport(["render", course.path, "--output", out.path, "--to", format])
            #expect(result.status == 0, "\(result.standardError)")
            let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
            let deeper = try String(contentsOf: out.appendingPathComponent("sub/deeper/index.html"), encoding: .utf8)
            #expect(index.contains("href=\"p1.\(linked)\"") && index.contains("href=\"week.\(linked)\""), "\(format)")
            #expect(deeper.contains("href=\"q.\(linked)\""), "\(format)")
            // The other formats follow the title, so a notebook can be found from the HTML site.
            if format == "ipynb,html" { #expect(index.contains("\">Top one</a> (<a href=\"p1.ipynb\">Jupyter notebook</a>)"), "\(index)") }
            if format == "md,ipynb" { #expect(index.contains("(<a href=\"p1.ipynb\">Jupyter notebook</a>)")) }
            if format == "tex,pdf" { #expect(index.contains("(<a href=\"p1.tex\">LaTeX</a>)"), "\(index)") }
            // Every page an index links is there.
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("sub/deeper/q.\(linked)").path))
        }
    }

    // MARK: Shards

    /// The course rendered as `count` shares into `folder` (each share alone first, into a
    /// folder of its own, to see what it writes), then the indexes.
    private func sharded(_ course: URL, count: Int, into folder: URL, extra: [String] = []) throws -> [[String]] {
        var shares: [[String]] = []
        for index in 1...count {
            let alone = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-share\(index)")
            let own = try bpreport(["render", course.path, "--output", alone.path, "--shard", "\(index)/\(count)"] + extra)
            #expect(own.status == 0, "\(own.standardError)")
            shares.append(try tree(alone).keys.filter { !$0.hasPrefix(".bpreport-shards/") }.sorted())
            let result = try bpreport(["render", course.path, "--output", folder.path, "--shard", "\(index)/\(count)"] + extra)
            #expect(result.status == 0, "\(result.standardError)")
        }
        let indexes = try bpreport(["render", course.path, "--output", folder.path, "--indexes-only"] + extra)
        #expect(indexes.status == 0, "\(indexes.standardError)")
        return shares
    }

    @Test(arguments: [[], ["--mode", "handout,solution"]])
    func sharesAndThenTheIndexesMakeTheSameSiteAsOneRender(extra: [String]) throws {
        let course = try course()
        let whole = course.deletingLastPathComponent().appendingPathComponent("whole")
        #expect(try bpreport(["render", course.path, "--output", whole.path] + extra).status == 0)
        let site = course.deletingLastPathComponent().appendingPathComponent("site")
        let shares = try sharded(course, count: 3, into: site, extra: extra)
        // Byte for byte the one render's site, and the shares' lists are gone.
        #expect(try tree(site) == tree(whole))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(".bpreport-shards").path))
        // Five inputs in three shares: 2, 2 and 1 of them; no page in two shares, no index in any.
        let pages = shares.map { Set($0.filter { $0.hasSuffix(".md") }) }
        #expect(pages.map(\.count) == (extra.isEmpty ? [2, 2, 1] : [4, 4, 2]))
        #expect(pages[0].isDisjoint(with: pages[1]) && pages[1].isDisjoint(with: pages[2]) && pages[0].isDisjoint(with: pages[2]))
        #expect(shares.joined().allSatisfy { !$0.hasSuffix("index.html") })
    }

    @Test func theIndexesWaitForEveryShareAndTheirOptions() throws {
        let course = try course()
        let site = course.deletingLastPathComponent().appendingPathComponent("partial")
        for share in ["1/3", "3/3"] {
            #expect(try bpreport(["render", course.path, "--output", site.path, "--shard", share]).status == 0)
        }
        let missing = try bpreport(["render", course.path, "--output", site.path, "--indexes-only"])
        #expect(missing.status == 2 && missing.standardError.contains("share 2/3 missing"), "\(missing.standardError)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
        #expect(try bpreport(["render", course.path, "--output", site.path, "--shard", "2/3"]).status == 0)
        let otherFormats = try bpreport(["render", course.path, "--output", site.path, "--indexes-only", "--to", "md"])
        #expect(otherFormats.status == 64 && otherFormats.standardError.contains("rendered --to md,html"), "\(otherFormats.standardError)")
        let empty = try bpreport(["render", course.path, "--output", course.deletingLastPathComponent().appendingPathComponent("none").path, "--indexes-only"])
        #expect(empty.status == 2 && empty.standardError.contains("render the shares first"))
        // A spec added between two shares: the shares disagree, and nothing is indexed.
        let grown = course.deletingLastPathComponent().appendingPathComponent("grown")
        #expect(try bpreport(["render", course.path, "--output", grown.path, "--shard", "1/2"]).status == 0)
        try Data(Self.spec.replacingOccurrences(of: "TITLE", with: "Late").utf8).write(to: course.appendingPathComponent("aaa.yaml"))
        #expect(try bpreport(["render", course.path, "--output", grown.path, "--shard", "2/2"]).status == 0)
        let disagree = try bpreport(["render", course.path, "--output", grown.path, "--indexes-only"])
        #expect(disagree.status == 2 && disagree.standardError.contains("the shares disagree on the inputs: 1/2 found 5, 2/2 6 (only in the second: aaa.yaml)"),
                "\(disagree.standardError)")
        #expect(!FileManager.default.fileExists(atPath: grown.appendingPathComponent("index.html").path))
        // The index step given other paths than the shares (here: one more spec since).
        let otherPaths = try bpreport(["render", course.path, "--output", site.path, "--indexes-only"])
        #expect(otherPaths.status == 2 && otherPaths.standardError.contains("the shares found 5 inputs, these paths 6 (only in the second: aaa.yaml)"),
                "\(otherPaths.standardError)")
        for (arguments, message) in [(["--shard", "4/3", "--output", site.path], "--shard takes K/N"), (["--shard", "1/2"], "it needs --output DIR"),
                                     (["--shard", "1/2", "--indexes-only", "--output", site.path], "separate steps")] {
            let bad = try bpreport(["render", course.path] + arguments)
            #expect(bad.status == 64 && bad.standardError.contains(message), "\(arguments): \(bad.standardError)")
        }
    }

    /// Keys kept beside their specs (`p1.key.yaml`) are not specs: a folder's render leaves
    /// them out, and naming one says how to check it; a notebook given to check says what to do.
    @Test func keysBesideSpecsAreLeftOutAndNotebooksAreNotChecked() throws {
        let course = try course()
        try Data("steps:\n  - step: 1\n    loss: 4.5\n".utf8).write(to: course.appendingPathComponent("p1.key.yaml"))
        let out = course.deletingLastPathComponent().appendingPathComponent("keyed")
        let result = try bpreport(["render", course.path, "--output", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try !tree(out).keys.contains { $0.contains("key") })
        let named = try bpreport(["render", course.appendingPathComponent("p1.key.yaml").path, "--output", out.path])
        #expect(named.status == 2 && named.standardError.contains("p1.key.yaml: a key of claimed values, not a spec; check it with bpreport check "))
        #expect(named.standardError.contains("p1.yaml --claims "))
        let notebook = try bpreport(["check", "--gradients", course.appendingPathComponent("week.nb.md").path])
        #expect(notebook.status == 2 && notebook.standardError.contains("week.nb.md: a notebook, not a spec: run and check take specs"), "\(notebook.standardError)")
    }

    @Test func aNotebooksImagesAreCopiedBesideItsPagesOnceAndOnlyFromItsFolder() throws {
        let course = try course()
        let picture = Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3])
        try FileManager.default.createDirectory(at: course.appendingPathComponent("sub/img"), withIntermediateDirectories: true)
        try picture.write(to: course.appendingPathComponent("sub/img/net.png"))
        try Data([9]).write(to: course.deletingLastPathComponent().appendingPathComponent("secret.png"))
        let cell = "```network\n\(Self.spec.replacingOccurrences(of: "TITLE", with: "Cell"))\n```\n"
        let notebook = "# Pictures\n\n![The net](img/net.png)\n\n![Gone](gone.png)\n\n![Outside](../../secret.png)\n\n" + cell
        try Data(notebook.utf8).write(to: course.appendingPathComponent("sub/a.nb.md"))
        try Data(notebook.utf8).write(to: course.appendingPathComponent("sub/b.nb.md"))
        let out = course.deletingLastPathComponent().appendingPathComponent("pictures")
        let result = try bpreport(["render", course.path, "--output", out.path, "--mode", "handout,solution"])
        #expect(result.status == 0, "\(result.standardError)")
        // In each mode's folder, beside the pages that show it, once for the two notebooks.
        for mode in ["handout", "solution"] {
            #expect(FileManager.default.contents(atPath: out.appendingPathComponent("\(mode)/sub/img/net.png").path) == picture)
            let html = try String(contentsOf: out.appendingPathComponent("\(mode)/sub/a.html"), encoding: .utf8)
            #expect(html.contains("<img src=\"img/net.png\" alt=\"The net\">"))
        }
        #expect(result.standardError.contains("sub/a.nb.md: warning: gone.png: no such image beside it; its pages link it all the same"))
        #expect(result.standardError.contains("sub/b.nb.md: warning: ../../secret.png: not copied into the site, as it is outside the input's folder"))
        #expect(!(try tree(out)).keys.contains { $0.hasSuffix("secret.png") })
    }

    @Test func aBadInputInAFolderIsReportedAndTheOthersAreWritten() throws {
        let course = try course()
        try Data("input: [1, 2\n".utf8).write(to: course.appendingPathComponent("sub/broken.yaml"))
        let out = course.deletingLastPathComponent().appendingPathComponent("out")
        let result = try bpreport(["render", course.path, "--output", out.path])
        #expect(result.status != 0)
        #expect(result.standardError.contains("broken.yaml:2:1: YAML syntax error"))
        #expect(result.standardError.contains("1 input failed; the others were written"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("sub/p1.html").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("sub/broken.html").path))
        // Files named one by one stay all-or-nothing.
        let strict = try bpreport(["render", course.appendingPathComponent("p1.yaml").path, course.appendingPathComponent("sub/broken.yaml").path,
                                   "--output", course.deletingLastPathComponent().appendingPathComponent("strict").path])
        #expect(strict.status != 0 && strict.standardError.contains("Nothing was written."))
        // A folder whose every input fails gets its index alone, and the message says so.
        let bad = course.deletingLastPathComponent().appendingPathComponent("all-bad")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try Data("input: [1, 2\n".utf8).write(to: bad.appendingPathComponent("only.yaml"))
        let none = try bpreport(["render", bad.path, "--output", bad.path + "-out"])
        #expect(none.status == 2 && none.standardError.hasSuffix("1 input failed; only the indexes were written.\n"), "\(none.standardError)")
    }

    @Test func watchRendersASavedFileAgain() throws {
        let course = try course()
        let out = course.deletingLastPathComponent().appendingPathComponent("watched")
        let process = Process()
        process.executableURL = try ProcessRunner.bpreportExecutable()
        process.arguments = ["render", course.path, "--output", out.path, "--watch"]
        process.standardOutput = FileHandle.nullDevice
        let log = course.deletingLastPathComponent().appendingPathComponent("watch.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let page = out.appendingPathComponent("p2.md")
        func waitFor(_ condition: () -> Bool) -> Bool {
            for _ in 0..<100 {
                if condition() { return true }
                usleep(100_000)
            }
            return false
        }
        #expect(waitFor { FileManager.default.fileExists(atPath: page.path) })
        try Data(Self.spec.replacingOccurrences(of: "TITLE", with: "Saved again").utf8).write(to: course.appendingPathComponent("p2.yaml"))
        #expect(waitFor { ((try? String(contentsOf: page, encoding: .utf8)) ?? "").hasPrefix("# Saved again") })
        // A broken save: the page stays as it was, and the summary says so (the folder's three
        // indexes are written again).
        try Data("layers: [".utf8).write(to: course.appendingPathComponent("p2.yaml"))
        let said = "rendered 0 of 1 (1 failed: its old files stay), 0 files and 3 indexes written"
        #expect(waitFor { ((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains(said) })
        #expect(((try? String(contentsOf: page, encoding: .utf8)) ?? "").hasPrefix("# Saved again"))
        #expect(process.isRunning)
    }
}
