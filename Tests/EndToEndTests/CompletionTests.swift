import BPTestSupport
import Foundation
import Testing

/// The shell completions swift-argument-parser writes for bpreport: the bash script, sourced in
/// a real bash, completes subcommands, the values of --to, --math and --mode, spec files (not
/// other files) and folders for --output; the zsh and fish scripts name the same values.
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

    @Test func bashCompletesSubcommandsValuesAndSpecFiles() throws {
        let folder = try TestPaths.temporaryDirectory("bpreport-completion")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("week1"), withIntermediateDirectories: true)
        for file in ["a.yaml", "b.json", "notes.txt", "lecture.nb.md"] {
            FileManager.default.createFile(atPath: folder.appendingPathComponent(file).path, contents: Data())
        }
        let generated = try bpreport(["--generate-completion-script", "bash"])
        try #require(generated.status == 0, "\(generated.standardError)")
        let script = folder.appendingPathComponent("bpreport.bash")
        try Data(generated.standardOutput.utf8).write(to: script)
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

    @Test(arguments: ["zsh", "fish"])
    func zshAndFishScriptsNameTheSameValues(shell: String) throws {
        let generated = try bpreport(["--generate-completion-script", shell])
        #expect(generated.status == 0, "\(generated.standardError)")
        for word in ["render", "check", "ipynb", "tex,pdf", "mathml", "katex", "handout"] {
            #expect(generated.standardOutput.contains(word), "\(shell): \(word)")
        }
    }
}
