import BPTestSupport
import Foundation
import Testing

/// The shell completions bpreport writes from its declarations: the bash and fish scripts, loaded
/// in a real bash and fish, complete subcommands, the values of --to, --math and --mode, spec
/// files (not other files) and folders for --output; the zsh script parses and names the same values.
@Suite struct CompletionTests {
    private func bpreport(_ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
        try ProcessRunner.run(try ProcessRunner.bpreportExecutable(), arguments, in: directory)
    }

    /// What bash completes after `words` (the last being the word under the cursor), sorted.
    private func bashCompletes(_ words: [String], script: URL, in directory: URL) throws -> [String] {
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        let program = """
        source '\(script.path)'
        COMP_WORDS=(\(quoted)); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
        _bpreport bpreport "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        // The script calls bpreport itself for some completions: it must be on the PATH.
        let binFolder = try ProcessRunner.bpreportExecutable().deletingLastPathComponent().path
        let path = binFolder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), ["-c", program], in: directory,
                                           environment: ["PATH": path])
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput.split(separator: "\n").map(String.init).sorted()
    }

    /// A fresh folder with specs, a notebook, a text file and a sub-folder to complete, and the
    /// shell's script written into it.
    private func folderWithScript(for shell: String) throws -> (folder: URL, script: URL) {
        let folder = try TestPaths.temporaryDirectory("bpreport-completion-\(shell)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("week1"), withIntermediateDirectories: true)
        for file in ["a.yaml", "b.json", "notes.txt", "lecture.nb.md"] {
            FileManager.default.createFile(atPath: folder.appendingPathComponent(file).path, contents: Data())
        }
        let generated = try bpreport(["--generate-completion-script", shell])
        try #require(generated.status == 0, "\(generated.standardError)")
        let script = folder.appendingPathComponent("bpreport.\(shell)")
        try Data(generated.standardOutput.utf8).write(to: script)
        return (folder, script)
    }

    @Test func bashCompletesSubcommandsValuesAndSpecFiles() throws {
        let (folder, script) = try folderWithScript(for: "bash")
        defer { try? FileManager.default.removeItem(at: folder) }
        let syntax = try ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), ["-n", script.path])
        #expect(syntax.status == 0, "\(syntax.standardError)")

        #expect(try bashCompletes(["bpreport", "ren"], script: script, in: folder) == ["render"])
        #expect(Set(try bashCompletes(["bpreport", ""], script: script, in: folder)).isSuperset(of: ["check", "render", "run", "templates"]))
        #expect(try bashCompletes(["bpreport", "render", "--to", ""], script: script, in: folder)
                == ["html", "ipynb", "md", "md,html", "md,html,ipynb", "pdf", "tex", "tex,pdf"])
        #expect(try bashCompletes(["bpreport", "render", "--math", ""], script: script, in: folder) == ["katex", "mathml"])
        #expect(try bashCompletes(["bpreport", "render", "--mode", "h"], script: script, in: folder) == ["handout", "handout,solution"])
        // Specs, notebooks and folders to go into; not the text file.
        #expect(try bashCompletes(["bpreport", "render", ""], script: script, in: folder) == ["a.yaml", "b.json", "lecture.nb.md", "week1"])
        #expect(try bashCompletes(["bpreport", "render", "--output", ""], script: script, in: folder) == ["week1"])
        #expect(try bashCompletes(["bpreport", "check", "--claims", ""], script: script, in: folder) == ["a.yaml", "b.json", "week1"])
    }

    /// What fish completes for `line` (its `complete -C`), without the descriptions, sorted.
    private func fishCompletes(_ line: String, script: URL, in directory: URL) throws -> [String] {
        let fish = try Tools.locate("fish")
        let result = try ProcessRunner.run(fish, ["--no-config", "-c", "source '\(script.path)'; complete -C '\(line)'"], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput.split(separator: "\n").map { String($0.split(separator: "\t", maxSplits: 1)[0]) }.sorted()
    }

    @Test(.enabled(if: Tools.required("fish")))
    func fishCompletesSubcommandsValuesAndSpecFiles() throws {
        let (folder, script) = try folderWithScript(for: "fish")
        defer { try? FileManager.default.removeItem(at: folder) }

        #expect(try fishCompletes("bpreport ren", script: script, in: folder) == ["render"])
        // No subcommand yet: the subcommands, and the inputs of render, which runs by default.
        #expect(try fishCompletes("bpreport ", script: script, in: folder)
                == ["a.yaml", "b.json", "check", "lecture.nb.md", "render", "run", "templates", "week1/"])
        #expect(try fishCompletes("bpreport render --to ", script: script, in: folder)
                == ["html", "ipynb", "md", "md,html", "md,html,ipynb", "pdf", "tex", "tex,pdf"])
        #expect(try fishCompletes("bpreport render --math ", script: script, in: folder) == ["katex", "mathml"])
        #expect(try fishCompletes("bpreport render --mode h", script: script, in: folder) == ["handout", "handout,solution"])
        #expect(try fishCompletes("bpreport render ", script: script, in: folder) == ["a.yaml", "b.json", "lecture.nb.md", "week1/"])
        #expect(try fishCompletes("bpreport render --output ", script: script, in: folder) == ["week1/"])
        #expect(try fishCompletes("bpreport check --claims ", script: script, in: folder) == ["a.yaml", "b.json", "week1/"])
        #expect(try fishCompletes("bpreport run --format ", script: script, in: folder) == ["json", "text"])
        #expect(try fishCompletes("bpreport templates ", script: script, in: folder) == ["css", "page", "tex"])
    }

    @Test(.enabled(if: Tools.required("zsh")))
    func zshScriptParsesAndNamesTheSameValues() throws {
        let generated = try bpreport(["--generate-completion-script", "zsh"])
        #expect(generated.status == 0, "\(generated.standardError)")
        let folder = try TestPaths.temporaryDirectory("bpreport-completion-zsh")
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("_bpreport")
        try Data(generated.standardOutput.utf8).write(to: script)
        let syntax = try ProcessRunner.run(try Tools.locate("zsh"), ["-n", script.path])
        #expect(syntax.status == 0, "\(syntax.standardError)")
        #expect(generated.standardOutput.hasPrefix("#compdef bpreport\n"))
        for word in ["_bpreport_render", "_bpreport_check", "(md html ipynb tex pdf md,html md,html,ipynb tex,pdf)", "(mathml katex)",
                     "(solution handout handout,solution)", "_files -g \"*.(yaml|yml|json|md)\"", "{-o,--output}"] {
            #expect(generated.standardOutput.contains(word), "zsh: \(word)")
        }
    }

    @Test func anUnknownShellIsAUsageError() throws {
        let result = try bpreport(["--generate-completion-script", "tcsh"])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("Error: --generate-completion-script takes bash, zsh or fish, not 'tcsh'\n"))
    }
}
