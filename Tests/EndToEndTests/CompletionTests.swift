import BPTestSupport
import Foundation
import Testing

/// The shell completions bpreport writes from its declarations, each loaded in its real shell
/// (bash, fish, and zsh in a pseudo-terminal): they complete subcommands, the values of --to,
/// --math and --mode, spec files (not other files) and folders for --output.
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
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(file).path, contents: Data())
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

    /// What zsh completes for `line`, driven for real: an interactive zsh in a pseudo-terminal
    /// (zsh/zpty) with the script on its `fpath`, the line typed and a completion widget run,
    /// with `compadd` wrapped to note each match it adds (as zsh-capture-completion does).
    private func zshCompletes(_ line: String, functions: URL, in directory: URL) throws -> [String] {
        let hits = directory.appendingPathComponent(".zsh-hits")
        try? FileManager.default.removeItem(at: hits)
        let setup = directory.appendingPathComponent(".zsh-setup")
        try Data("""
        PROMPT=''
        unset zle_bracketed_paste
        fpath=('\(functions.path)' $fpath)
        autoload -U compinit; compinit -u -D
        compadd () {
          if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd "$@"; return $?; fi
          typeset -a found
          builtin compadd -A found "$@"
          (( $#found == 0 )) && return 1
          print -l -- "<M>"${^found} >> '\(hits.path)'
          builtin compadd "$@"
        }
        capture () { zle complete-word; print '<END>' >> '\(hits.path)' }
        zle -N capture
        bindkey '^T' capture

        """.utf8).write(to: setup)
        let driver = """
        zmodload zsh/zpty
        zpty z zsh -f -i
        zpty -w z "source '\(setup.path)'"
        zpty -n -w z "$1"$'\\x14'
        for i in {1..100}; do
          [[ -f '\(hits.path)' ]] && grep -q '<END>' '\(hits.path)' && break
          sleep 0.05
        done
        zpty -d z
        """
        let result = try ProcessRunner.run(try Tools.locate("zsh"), ["-f", "-c", driver, "zsh", line], in: directory)
        #expect(result.status == 0, "\(result.standardError)")
        let written = (try? String(contentsOf: hits, encoding: .utf8)) ?? ""
        #expect(written.contains("<END>"), "zsh never ran the completion for '\(line)'")
        return Set(written.split(separator: "\n").filter { $0.hasPrefix("<M>") }.map { String($0.dropFirst(3)) }).sorted()
    }

    @Test(.enabled(if: Tools.required("zsh")))
    func zshCompletesSubcommandsValuesAndSpecFiles() throws {
        let (folder, script) = try folderWithScript(for: "zsh")
        defer { try? FileManager.default.removeItem(at: folder) }
        let syntax = try ProcessRunner.run(try Tools.locate("zsh"), ["-n", script.path])
        #expect(syntax.status == 0, "\(syntax.standardError)")
        // zsh finds a completion function by its file's name on fpath.
        let functions = folder.appendingPathComponent(".zsh-functions")
        try FileManager.default.createDirectory(at: functions, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: script, to: functions.appendingPathComponent("_bpreport"))

        #expect(try zshCompletes("bpreport ren", functions: functions, in: folder) == ["render"])
        #expect(try zshCompletes("bpreport ", functions: functions, in: folder)
                == ["a.yaml", "b.json", "check", "lecture.nb.md", "render", "run", "templates", "week1"])
        #expect(try zshCompletes("bpreport render --to ", functions: functions, in: folder)
                == ["html", "ipynb", "md", "md,html", "md,html,ipynb", "pdf", "tex", "tex,pdf"])
        #expect(try zshCompletes("bpreport render --math ", functions: functions, in: folder) == ["katex", "mathml"])
        #expect(try zshCompletes("bpreport render ", functions: functions, in: folder) == ["a.yaml", "b.json", "lecture.nb.md", "week1"])
        #expect(try zshCompletes("bpreport render --output ", functions: functions, in: folder) == ["week1"])
        #expect(try zshCompletes("bpreport check --claims ", functions: functions, in: folder) == ["a.yaml", "b.json", "week1"])
        #expect(try zshCompletes("bpreport templates ", functions: functions, in: folder) == ["css", "page", "tex"])
        #expect(try zshCompletes("bpreport help ", functions: functions, in: folder) == ["check", "render", "run", "templates"])
    }

    @Test func anUnknownShellIsAUsageError() throws {
        let result = try bpreport(["--generate-completion-script", "tcsh"])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("Error: --generate-completion-script takes bash, zsh or fish, not 'tcsh'\n"))
    }
}
