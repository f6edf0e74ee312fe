import BPTestSupport
import Foundation
import Testing

/// The command line's own rules, which bpreport's parser implements: help (and the default
/// subcommand's), each kind of usage error with its exact words and the usage after it, `--`
/// before a path that starts with a dash, short options, `--name=value`, and the last of a
/// repeated option winning.
@Suite struct CommandLineTests {
    private func bpreport(_ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
        try ProcessRunner.run(try ProcessRunner.bpreportExecutable(), arguments, in: directory)
    }

    /// A fresh folder holding `p.yaml` (problem 1).
    private func folderWithSpec(named name: String = "p.yaml") throws -> URL {
        let folder = try TestPaths.temporaryDirectory("bpreport-command-line")
        try FileManager.default.copyItem(at: TestPaths.report("problem1"), to: folder.appendingPathComponent(name))
        return folder
    }

    @Test func helpListsTheSubcommandsAndEveryOptionWithinEightyColumns() throws {
        let root = try bpreport(["--help"])
        #expect(root.status == 0)
        for line in ["  render (default)", "  run ", "  check ", "  templates ", "  --version ", "  --generate-completion-script <bash|zsh|fish>"] {
            #expect(root.standardOutput.contains(line), "bpreport --help: \(line)")
        }
        // One help, however it is asked for; the default subcommand's too.
        let render = try bpreport(["render", "--help"])
        #expect(render.status == 0 && render.standardOutput.hasPrefix("OVERVIEW: Render specs and notebooks (or every one in a folder) to Markdown and\nHTML.\n\n"))
        #expect(try bpreport(["help", "render"]).standardOutput == render.standardOutput)
        #expect(try bpreport(["p.yaml", "-h"]).standardOutput == render.standardOutput)
        #expect(try bpreport(["help"]).standardOutput == root.standardOutput)
        for option in ["-o, --output <folder|->", "--check", "--diff", "--watch", "-q, --quiet", "--jobs <n>", "--shard <K/N>", "--indexes-only",
                       "--mode <solution|handout>", "--to <md|html|ipynb|tex|pdf>", "--math <mathml|katex>", "--katex-url <url>",
                       "--templates <folder>", "--digits <n>", "--max-matrix <n>", "--decimal-places <n>", "--show-steps <steps>",
                       "--exact-style <fraction|decimal|both>", "--no-gradient-check", "--no-common-factor", "--max-entries <n>",
                       "--max-output-bytes <n>", "-h, --help"] {
            #expect(render.standardOutput.contains("  \(option)"), "render --help: \(option)")
        }
        #expect(render.standardOutput.contains("KaTeX. (default: mathml)"))
        for arguments in [["--help"], ["render", "--help"], ["run", "--help"], ["check", "--help"], ["templates", "--help"]] {
            let long = try bpreport(arguments).standardOutput.split(separator: "\n").filter { $0.count > 80 && !$0.contains("://") }
            #expect(long.isEmpty, "\(arguments): \(long)")
        }
    }

    @Test(arguments: [
        (["render", "p.yaml", "--tto", "md"], "Unknown option '--tto' (did you mean '--to'?)", "bpreport render <paths> ... [<options>]", "bpreport render --help"),
        (["p.yaml", "--chek"], "Unknown option '--chek' (did you mean '--check'?)", "bpreport render <paths> ... [<options>]", "bpreport render --help"),
        (["render", "p.yaml", "--output"], "Missing value for '-o, --output <folder|->'", "bpreport render <paths> ... [<options>]", "bpreport render --help"),
        (["render", "p.yaml", "--output", "--check"], "Missing value for '-o, --output <folder|->'", "bpreport render <paths> ... [<options>]", "bpreport render --help"),
        (["render", "p.yaml", "--check=yes"], "--check takes no value", "bpreport render <paths> ... [<options>]", "bpreport render --help"),
        (["render", "p.yaml", "--jobs", "two"], "--jobs takes a whole number, not 'two'", "bpreport render <paths> ... [<options>]", "bpreport render --help"),
        (["render", "p.yaml", "--math", "tex"], "--math takes mathml or katex, not 'tex'", "bpreport render <paths> ... [<options>]", "bpreport render --help"),
        (["render"], "Missing expected argument '<paths> ...'", "bpreport render <paths> ... [<options>]", "bpreport render --help"),
        (["run", "p.yaml", "--format", "yaml"], "--format takes json or text, not 'yaml'", "bpreport run <specs> ... [<options>]", "bpreport run --help"),
        (["check", "p.yaml", "--tolerance", "a bit"], "--tolerance takes a number, not 'a bit'", "bpreport check <specs> ... [<options>]", "bpreport check --help"),
        (["templates", "nope"], "templates takes page, css or tex, not 'nope'", "bpreport templates [<page|css|tex>]", "bpreport templates --help"),
        (["templates", "page", "css"], "Unexpected argument 'css'", "bpreport templates [<page|css|tex>]", "bpreport templates --help"),
        (["help", "nope"], "Unknown subcommand 'nope'; bpreport has render, run, check or templates", "bpreport <subcommand>", "bpreport --help"),
    ])
    func aUsageErrorSaysWhatIsWrongThenTheUsage(arguments: [String], message: String, usage: String, help: String) throws {
        let folder = try folderWithSpec()
        let result = try bpreport(arguments, in: folder)
        #expect(result.status == 64)
        #expect(result.standardError == "Error: \(message)\nUsage: \(usage)\n  See '\(help)' for more information.\n")
        #expect(result.standardOutput.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["p.yaml"])
    }

    @Test func shortOptionsEqualsValuesAndTheLastOfARepeatedOption() throws {
        let folder = try folderWithSpec()
        // -o and -q; --jobs given twice: the second (valid) value counts.
        let short = try bpreport(["p.yaml", "-o", "out", "-q", "--jobs", "0", "--jobs", "1"], in: folder)
        #expect(short.status == 0 && short.standardError.isEmpty, "\(short.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/p.html").path))
        let equals = try bpreport(["render", "--output=eq", "--to=md", "p.yaml"], in: folder)
        #expect(equals.status == 0, "\(equals.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("eq").path).sorted() == ["p.md", "p.network.svg"])
    }

    @Test func afterTwoDashesAPathMayStartWithADash() throws {
        let folder = try folderWithSpec(named: "-x.yaml")
        let refused = try bpreport(["render", "-x.yaml"], in: folder)
        #expect(refused.status == 64 && refused.standardError.hasPrefix("Error: Unknown option '-x.yaml'"), "\(refused.standardError)")
        let rendered = try bpreport(["render", "--to", "md", "--", "-x.yaml"], in: folder)
        #expect(rendered.status == 0, "\(rendered.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("-x.md").path))
    }

    /// A write to standard output that fails (a full disk behind the redirection) is exit 74,
    /// said on standard error, never a crash: for a short text and for a streamed trace.
    @Test(arguments: [["templates", "css"], ["run", "p.yaml"], ["render", "p.yaml", "--to", "html", "--output", "-"]])
    func aFullStandardOutputIsAnOutputError(arguments: [String]) throws {
        let folder = try folderWithSpec()
        let shell = "\"$0\" \"$@\" > /dev/full"
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", shell, try ProcessRunner.bpreportExecutable().path] + arguments,
                                           in: folder)
        #expect(result.status == 74, "\(arguments): \(result.standardError)")
        #expect(result.standardError == "bpreport: error: standard output: No space left on device\n")
    }
}
