import BPTestSupport
import Foundation
import Testing

/// The command's conventions: options in any order, repeatable and comma lists, exit statuses,
/// messages for every bad input, standard input and output, the summary on standard error,
/// --check --diff, templates, and a render that writes all its files or none.
@Suite struct RenderCommandTests {
    let root = TestPaths.packageRoot()

    private func bpreport(_ arguments: [String], in directory: URL? = nil, input: String? = nil) throws -> ProcessResult {
        try ProcessRunner.run(try ProcessRunner.bpreportExecutable(), arguments, in: directory ?? root,
                              standardInput: input.map { Data($0.utf8) })
    }

    /// A fresh folder holding `p.yaml` (problem 1).
    private func folderWithSpec() throws -> URL {
        let folder = try TestPaths.temporaryDirectory("bpreport-render")
        try FileManager.default.copyItem(at: TestPaths.report("problem1"), to: folder.appendingPathComponent("p.yaml"))
        return folder
    }

    private func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    // MARK: Options

    @Test func optionsGoBeforeOrAfterThePathsAndTakeCommaListsOrRepeats() throws {
        let folder = try folderWithSpec()
        let md = try bpreport(["render", "--to", "md", "p.yaml", "-o", "md"], in: folder)
        #expect(md.status == 0, "\(md.standardError)")
        #expect(try files(in: folder.appendingPathComponent("md")) == ["p.md", "p.network.svg"])
        for (name, arguments) in [("list", ["--to", "md,html", "p.yaml"]), ("repeat", ["p.yaml", "--to", "md", "--to", "html"])] {
            let result = try bpreport(["render"] + arguments + ["--output", name], in: folder)
            #expect(result.status == 0, "\(result.standardError)")
            #expect(try files(in: folder.appendingPathComponent(name)) == ["p.html", "p.md", "p.network.svg"])
        }
        let modes = try bpreport(["render", "--mode", "handout", "p.yaml", "--mode", "solution", "-o", "modes"], in: folder)
        #expect(modes.status == 0, "\(modes.standardError)")
        #expect(try files(in: folder.appendingPathComponent("modes")) == ["handout", "solution"])
        let bad = try bpreport(["render", "--to", "docx", "p.yaml"], in: folder)
        #expect(bad.status == 64)
        #expect(bad.standardError.hasPrefix("Error: --to takes md, html, ipynb, tex or pdf, or a comma list of them (md,html), not 'docx'\n"))
    }

    /// The release number from Version.swift, and the commit as git itself describes the tree
    /// (asked here, independently of the build's plugin).
    @Test func versionPrintsTheNumberAndTheCommitItWasBuiltFrom() throws {
        let result = try bpreport(["--version"])
        #expect(result.status == 0)
        let source = try String(contentsOf: root.appendingPathComponent("Sources/bpreport/Version.swift"), encoding: .utf8)
        let number = try #require(source.firstMatch(of: /static let number = "([0-9]+\.[0-9]+\.[0-9]+)"/)?.1)
        let git = try Tools.locate("git")
        let described = try ProcessRunner.run(git, ["-C", root.path, "describe", "--tags", "--always", "--dirty"])
        if described.status == 0 {
            let commit = described.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(result.standardOutput == "bpreport \(number) (git \(commit))\n")
        } else {
            // Built outside a git checkout: the number alone.
            #expect(result.standardOutput == "bpreport \(number)\n")
        }
    }

    /// Every numeric option's range is in --help, and a value outside it is a usage error (64)
    /// with this exact message.
    @Test(arguments: [
        (["render", "p.yaml", "--digits", "0"], "--digits must be from 1 to 17, not 0", "from 1 to 17"),
        (["render", "p.yaml", "--digits", "18"], "--digits must be from 1 to 17, not 18", "from 1 to 17"),
        (["render", "p.yaml", "--decimal-places", "31"], "--decimal-places must be from 0 to 30, not 31", "from 0 to 30"),
        (["render", "p.yaml", "--decimal-places=-1"], "--decimal-places must be from 0 to 30, not -1", "from 0 to 30"),
        (["render", "p.yaml", "--max-matrix", "1"], "--max-matrix must be at least 2, not 1", "dots, at least 2"),
        (["render", "p.yaml", "--jobs", "0"], "--jobs must be at least 1, not 0", "at once, at least 1"),
        (["render", "p.yaml", "--max-entries", "0"], "--max-entries must be at least 1, not 0", "count), at least 1"),
        (["render", "p.yaml", "--max-spec-values", "0"], "--max-spec-values must be at least 1, not 0", "per use), at least 1"),
        (["run", "p.yaml", "--max-steps", "0"], "--max-steps must be at least 1, not 0", "ask for, at least 1"),
        (["check", "p.yaml", "--max-digits=-5"], "--max-digits must be at least 1, not -5", "stops, at least 1"),
        (["render", "p.yaml", "--max-input-bytes", "0"], "--max-input-bytes must be at least 1, not 0", "before parsing, at least 1"),
        (["render", "p.yaml", "--max-nesting-depth", "0"], "--max-nesting-depth must be at least 1, not 0", "may nest, at least 1"),
        (["render", "p.yaml", "--max-layers", "0"], "--max-layers must be at least 1, not 0", "may have, at least 1"),
        (["run", "p.yaml", "--max-cells", "0"], "--max-cells must be at least 1, not 0", "may hold, at least 1"),
        (["render", "p.yaml", "--max-output-bytes", "0"], "--max-output-bytes must be at least 1, not 0", "writes, at least 1"),
        (["check", "p.yaml", "--tolerance=-1"], "--tolerance must be 0 or more", "also match, 0 or more"),
        (["check", "--gradients", "p.yaml", "--gradient-tolerance=-1"], "--gradient-tolerance must be a finite number, 0 or more",
         "a finite number 0 or more"),
        (["check", "--gradients", "p.yaml", "--gradient-entries", "0"], "--gradient-entries must be at least 1", "spaced, at least 1"),
    ])
    func aNumberOutOfRangeIsAUsageError(arguments: [String], message: String, help: String) throws {
        let folder = try folderWithSpec()
        let result = try bpreport(arguments, in: folder)
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("Error: \(message)\n"), "\(result.standardError)")
        let helpText = try bpreport([arguments[0], "--help"]).standardOutput.replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        #expect(helpText.contains(help), "--help of \(arguments[0]) does not show '\(help)'")
    }

    // MARK: Bad input: exit status 2

    @Test func aMissingPathAnEmptyFolderAndAnEngineErrorAreBadInput() throws {
        let folder = try folderWithSpec()
        let missing = try bpreport(["render", "absent.yaml"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.standardError == "bpreport: error: absent.yaml: no such file or folder\n")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let empty = try bpreport(["render", "empty"], in: folder)
        #expect(empty.status == 2)
        #expect(empty.standardError == "bpreport: error: empty: no specs (.yaml, .yml, .json) or notebooks (.nb.md) in this folder\n")
        // Exact problem 1 with 5 steps passes 100 digits at step 5.
        let text = try TestPaths.text(of: TestPaths.fixtureSpec("problem1-steps8-exact")).replacingOccurrences(of: "steps: 8", with: "steps: 5")
        try Data(text.utf8).write(to: folder.appendingPathComponent("long.yaml"))
        let engine = try bpreport(["render", "long.yaml", "--max-digits", "100"], in: folder)
        #expect(engine.status == 2)
        #expect(engine.standardError.hasPrefix("bpreport: error: long.yaml: step 5"), "\(engine.standardError)")
        #expect(engine.standardError.hasSuffix("Nothing was written.\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("long.md").path))
    }

    @Test func checkOfABadSpecIsBadInputNotStale() throws {
        let folder = try folderWithSpec()
        try Data("input: [1, 2\n".utf8).write(to: folder.appendingPathComponent("broken.yaml"))
        let result = try bpreport(["render", "--check", "broken.yaml"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("bpreport: error: broken.yaml:2:1: YAML syntax error"), "\(result.standardError)")
    }

    @Test func theSameFileTwiceRendersOnceAndARealClashNamesBothInputs() throws {
        let folder = try folderWithSpec()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("p.yaml"), to: folder.appendingPathComponent("sub/p.yaml"))
        let twice = try bpreport(["render", "sub/p.yaml", "./sub/p.yaml", "sub/../sub/p.yaml"], in: folder)
        #expect(twice.status == 0, "\(twice.standardError)")
        #expect(twice.standardError == "1 of 1 input rendered, 3 files written\n")
        let clash = try bpreport(["render", "p.yaml", "sub/p.yaml", "--output", "out"], in: folder)
        #expect(clash.status == 2)
        #expect(clash.standardError == """
            bpreport: error: p.yaml and sub/p.yaml would both write out/p.html (and 2 more files); give them different names
            Nothing was written.

            """)
    }

    // MARK: Templates

    @Test func brokenOrMissingTemplatesNameTheirFolderFileLineAndColumn() throws {
        let folder = try folderWithSpec()
        let templates = folder.appendingPathComponent("tpl")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let page = templates.appendingPathComponent("page.html.mustache")
        let cases: [(String?, String)] = [
            ("<html>\n  {{#katex}}\n  {{/title}}\n", "tpl/page.html.mustache:3:3: not a valid Mustache template: the closing tag {{/title}} does not match the section {{#katex}} opened at 2:3"),
            ("<html>{{title", "tpl/page.html.mustache:1:7: not a valid Mustache template: the tag is never closed (a {{ without its }})"),
            ("<p>{{> header}}</p>", "tpl/page.html.mustache:1:4: not a valid Mustache template: the partial {{> header}} is not supported: a template is one file"),
            (nil, "tpl: holds none of page.html.mustache, report.css and page.tex.mustache"),
        ]
        for (text, message) in cases {
            if let text { try Data(text.utf8).write(to: page) } else { try? FileManager.default.removeItem(at: page) }
            let result = try bpreport(["render", "p.yaml", "--templates", "tpl"], in: folder)
            #expect(result.status == 2)
            #expect(result.standardError == "bpreport: error: \(message)\n")
            #expect(!result.standardError.contains("Mustache.") && !result.standardError.contains("Error("))
        }
        let absent = try bpreport(["render", "p.yaml", "--templates", "nowhere"], in: folder)
        #expect(absent.status == 2 && absent.standardError == "bpreport: error: nowhere: no such templates folder\n")
        let file = try bpreport(["render", "p.yaml", "--templates", "p.yaml"], in: folder)
        #expect(file.status == 2 && file.standardError.hasPrefix("bpreport: error: p.yaml: not a folder"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("p.html").path))
    }

    @Test func aTemplatesFolderMayOverrideOneFileAndTheBuiltInOnesArePrinted() throws {
        let folder = try folderWithSpec()
        let templates = folder.appendingPathComponent("tpl")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("body { color: olive; }\n".utf8).write(to: templates.appendingPathComponent("report.css"))
        let result = try bpreport(["render", "p.yaml", "--to", "html", "--templates", "tpl"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOf: folder.appendingPathComponent("p.html"), encoding: .utf8)
        #expect(html.contains("body { color: olive; }") && html.hasPrefix("<!DOCTYPE html>"))

        let page = try bpreport(["templates", "page"])
        #expect(page.status == 0)
        #expect(page.standardOutput == (try String(contentsOf: root.appendingPathComponent("templates/page.html.mustache"), encoding: .utf8)))
        let css = try bpreport(["templates", "css"])
        #expect(css.standardOutput == (try String(contentsOf: root.appendingPathComponent("templates/report.css"), encoding: .utf8)))
        let tex = try bpreport(["templates", "tex"])
        #expect(tex.standardOutput == (try String(contentsOf: root.appendingPathComponent("templates/page.tex.mustache"), encoding: .utf8)))
        let variables = try bpreport(["templates"])
        for tag in ["{{title}}", "{{lang}}", "{{{stylesheet}}}", "{{{body}}}", "{{#katex}}", "{{katexStylesheet}}", "{{katexScript}}", "{{katexAutoRender}}",
                    "<%&title%>", "<%&body%>", "<%#lualatex%>"] {
            #expect(variables.standardOutput.contains(tag), "\(tag) is not listed")
        }
    }

    // MARK: Writing

    /// The second output's destination is a folder: nothing is replaced, the first output keeps
    /// its old text, and no temporary file is left.
    @Test func aFailedWriteReplacesNothing() throws {
        let folder = try folderWithSpec()
        try Data("old\n".utf8).write(to: folder.appendingPathComponent("p.md"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("p.network.svg"), withIntermediateDirectories: true)
        let result = try bpreport(["render", "p.yaml"], in: folder)
        #expect(result.status == 74)
        #expect(result.standardError == "bpreport: error: p.network.svg: cannot write the report (a folder is in the way); nothing was replaced\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("p.md"), encoding: .utf8) == "old\n")
        #expect(try files(in: folder) == ["p.md", "p.network.svg", "p.yaml"])
    }

    /// A file that already holds what a render makes is left alone (the same inode and time);
    /// one that differs, even by a byte of the same length, is replaced; the summary counts both.
    @Test func aSecondRenderRewritesOnlyWhatChanged() throws {
        let folder = try folderWithSpec()
        let first = try bpreport(["render", "p.yaml"], in: folder)
        #expect(first.standardError == "1 of 1 input rendered, 3 files written\n")
        func identity(_ name: String) throws -> (inode: Int, modified: Date) {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            return ((attributes[.systemFileNumber] as? Int) ?? -1, (attributes[.modificationDate] as? Date) ?? .distantPast)
        }
        let before = try ["p.md", "p.html", "p.network.svg"].map(identity)
        let committed = try Data(contentsOf: folder.appendingPathComponent("p.md"))
        let again = try bpreport(["render", "p.yaml"], in: folder)
        #expect(again.status == 0 && again.standardError == "1 of 1 input rendered, nothing written: 3 files already up to date\n")
        let after = try ["p.md", "p.html", "p.network.svg"].map(identity)
        #expect(zip(before, after).allSatisfy { $0.inode == $1.inode && $0.modified == $1.modified })
        // The same length, one byte changed; and a file cut short.
        var changed = committed
        changed[0] = changed[0] == UInt8(ascii: "#") ? UInt8(ascii: "%") : UInt8(ascii: "#")
        try changed.write(to: folder.appendingPathComponent("p.md"))
        try Data("<svg".utf8).write(to: folder.appendingPathComponent("p.network.svg"))
        let third = try bpreport(["render", "p.yaml"], in: folder)
        #expect(third.standardError == "1 of 1 input rendered, 2 files written, 1 already up to date\n")
        #expect(try Data(contentsOf: folder.appendingPathComponent("p.md")) == committed)
        #expect(try identity("p.html").inode == before[1].inode)
    }

    @Test func theSummaryGoesToStandardErrorAndQuietSilencesIt() throws {
        let folder = try folderWithSpec()
        let loud = try bpreport(["render", "p.yaml"], in: folder)
        #expect(loud.status == 0 && loud.standardOutput.isEmpty)
        #expect(loud.standardError == "1 of 1 input rendered, 3 files written\n")
        let quiet = try bpreport(["render", "p.yaml", "--quiet"], in: folder)
        #expect(quiet.status == 0 && quiet.standardOutput.isEmpty && quiet.standardError.isEmpty)
        let check = try bpreport(["render", "--check", "p.yaml"], in: folder)
        #expect(check.status == 0 && check.standardOutput.isEmpty && check.standardError == "3 files up to date\n")
        #expect(try bpreport(["render", "--check", "-q", "p.yaml"], in: folder).standardError.isEmpty)
    }

    @Test func checkWithDiffShowsWhatChanged() throws {
        let folder = try folderWithSpec()
        #expect(try bpreport(["render", "p.yaml"], in: folder).status == 0)
        let md = folder.appendingPathComponent("p.md")
        let text = try String(contentsOf: md, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        try Data(text.replacingOccurrences(of: lines[0], with: "# Edited by hand").utf8).write(to: md)
        let result = try bpreport(["render", "--check", "--diff", "p.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardOutput.hasPrefix("--- p.md\n+++ p.md (as rendered)\n@@ -1,4 +1,4 @@\n-# Edited by hand\n+\(lines[0])\n \(lines[1])\n"),
                "\(result.standardOutput)")
        #expect(result.standardError.hasPrefix("bpreport: error: p.md: differs from what this version renders\n"))
        let usage = try bpreport(["render", "--diff", "p.yaml"], in: folder)
        #expect(usage.status == 64 && usage.standardError.hasPrefix("Error: --diff goes with --check\n"))
    }

    // MARK: Standard input and output

    @Test func aSpecOnStandardInputRendersToStandardOutput() throws {
        let folder = try folderWithSpec()
        let spec = try String(contentsOf: folder.appendingPathComponent("p.yaml"), encoding: .utf8)
        #expect(try bpreport(["render", "p.yaml", "--to", "html", "-q"], in: folder).status == 0)
        let html = try bpreport(["render", "-", "--output", "-", "--to", "html"], in: folder, input: spec)
        #expect(html.status == 0, "\(html.standardError)")
        #expect(html.standardOutput == (try String(contentsOf: folder.appendingPathComponent("p.html"), encoding: .utf8)))
        #expect(html.standardError.isEmpty)
        // The Markdown links its drawing, which standard output cannot hold: a warning says so.
        let md = try bpreport(["render", "p.yaml", "--to", "md", "--output", "-"], in: folder)
        #expect(md.status == 0 && md.standardOutput.contains("![") && md.standardOutput.contains("p.network.svg"))
        #expect(md.standardError == "bpreport: warning: the Markdown links drawings that --output - does not write: p.network.svg; render into a folder (--output DIR) to have them\n")
        // A bad spec on standard input is named <stdin>.
        let bad = try bpreport(["render", "-", "--output", "-", "--to", "md"], in: folder, input: "input: [1, 2\n")
        #expect(bad.status == 2 && bad.standardError.hasPrefix("bpreport: error: <stdin>:2:1: YAML syntax error"), "\(bad.standardError)")
        let run = try bpreport(["run", "-", "--format", "text"], in: folder, input: spec)
        #expect(run.status == 0 && run.standardOutput.hasPrefix("<stdin>: exact arithmetic, 1 step\n  step 1: loss 109\n"))
        let site = try bpreport(["render", "-", "--output", "out", "-q"], in: folder, input: spec)
        #expect(site.status == 0)
        #expect(try files(in: folder.appendingPathComponent("out")) == ["stdin.html", "stdin.md", "stdin.network.svg"])
    }

    /// Standard input's bytes are read as the library reads `Data`: a byte order mark dropped,
    /// anything but UTF-8 refused at its first bad byte.
    @Test func standardInputIsUTF8AfterAByteOrderMark() throws {
        let folder = try folderWithSpec()
        let spec = try Data(contentsOf: folder.appendingPathComponent("p.yaml"))
        let run = { (bytes: Data) throws -> ProcessResult in
            try ProcessRunner.run(try ProcessRunner.bpreportExecutable(), ["render", "-", "--output", "-", "--to", "html"],
                                  in: folder, standardInput: bytes)
        }
        let plain = try run(spec), marked = try run(Data([0xEF, 0xBB, 0xBF]) + spec)
        #expect(plain.status == 0 && marked.status == 0, "\(marked.standardError)")
        #expect(marked.standardOutput == plain.standardOutput)
        // "title: caf" and then é in Latin-1: 0xE9 at offset 10.
        let latin1 = try run(Data("title: caf".utf8) + Data([0xE9, 0x0A]) + spec)
        #expect(latin1.status == 2)
        #expect(latin1.standardError == "bpreport: error: <stdin>: not UTF-8 text: invalid byte 0xE9 at offset 10\n")
        // The same bytes in a file: the same offset, from the same decoder; a BOM is read past.
        try (Data("title: caf".utf8) + Data([0xE9, 0x0A]) + spec).write(to: folder.appendingPathComponent("latin1.yaml"))
        try (Data([0xEF, 0xBB, 0xBF]) + spec).write(to: folder.appendingPathComponent("marked.yaml"))
        let file = try bpreport(["render", "latin1.yaml", "--output", "out"], in: folder)
        #expect(file.status == 2)
        #expect(file.standardError.contains("latin1.yaml: the file is not UTF-8 text: invalid byte 0xE9 at offset 10\n"), "\(file.standardError)")
        #expect(try bpreport(["render", "marked.yaml", "--output", "out"], in: folder).status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("out/marked.html"), encoding: .utf8) == plain.standardOutput)
    }

    @Test(arguments: [
        (["render", "p.yaml", "--output", "-"], "--output - writes one file to standard output; choose one format: --to md, --to html or --to ipynb"),
        (["render", "p.yaml", "--output", "-", "--to", "md", "--mode", "handout,solution"], "--output - writes one file to standard output; choose one --mode"),
        (["render", "p.yaml", "--output", "-", "--to", "md", "--check"], "--output - writes a page to standard output; it does not go with --check"),
        (["render", "-"], "a spec read from standard input (-) needs --output: a folder, or - for standard output"),
    ])
    func standardOutputTakesOneFile(arguments: [String], message: String) throws {
        let result = try bpreport(arguments, in: try folderWithSpec())
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("Error: \(message)\n"), "\(result.standardError)")
    }

    @Test func standardOutputRefusesSeveralInputsOrAFolder() throws {
        let folder = try folderWithSpec()
        let two = try bpreport(["render", "p.yaml", "../\(folder.lastPathComponent)/p.yaml", TestPaths.report("problem2").path, "-o", "-", "--to", "md"], in: folder)
        #expect(two.status == 64)
        #expect(two.standardError == "bpreport: error: --output - writes one page to standard output, but 2 inputs were given; write them into a folder with --output DIR\n")
        let site = try bpreport(["render", ".", "-o", "-", "--to", "html"], in: folder)
        #expect(site.status == 64 && site.standardError.contains("but a folder was given"))
        #expect(two.standardOutput.isEmpty && site.standardOutput.isEmpty)
    }
}
