import Foundation
import PackagePlugin

/// Writes `GitVersion.swift` for the `bpreport` command: the commit (or tag) the package is
/// built from, as `git describe --tags --always --dirty` gives it, or nil outside a git
/// checkout (a source tarball), so that `bpreport --version` names the tree it was built from.
///
/// A build command whose inputs are git's own state (HEAD, the index, HEAD's log) and the
/// package's source files: a commit, a checkout or an edit makes it run again. (A prebuild
/// command would be simpler, but SwiftPM does not run one on every build, and the version went
/// stale.) The file is rewritten only when the description changes, so an unchanged tree
/// compiles nothing again.
@main
struct GitVersionPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("GitVersion.swift")
        var inputs = context.package.targets.flatMap { target -> [URL] in
            (target as? SourceModuleTarget)?.sourceFiles.map(\.url) ?? []
        }
        inputs += Self.gitState(of: root)
        return [.buildCommand(
            displayName: "Reading the git commit for bpreport --version",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", Self.script, "git-version", root.path, output.path],
            inputFiles: inputs,
            outputFiles: [output])]
    }

    /// The files git changes on a commit, a checkout, a reset or staging: HEAD, the index and
    /// HEAD's log, in the checkout's git folder (a worktree's `.git` file points to it). Not the
    /// branch's ref: `git gc` packs it away, and an input that has gone fails the build. None
    /// outside a checkout.
    static func gitState(of root: URL) -> [URL] {
        let dotGit = root.appendingPathComponent(".git")
        var gitDir = dotGit
        if let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir:") {
            let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
            gitDir = URL(fileURLWithPath: path, relativeTo: root).standardizedFileURL
        }
        return ["HEAD", "index", "logs/HEAD"].map { gitDir.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// $1: the package's folder; $2: the Swift file to write.
    static let script = #"""
    description=$(git -C "$1" describe --tags --always --dirty 2>/dev/null | tr -cd 'A-Za-z0-9._+-')
    if [ -n "$description" ]; then value="\"$description\""; else value=nil; fi
    text="/// Written by GitVersionPlugin at build time: git describe of the built tree.
    let gitDescription: String? = $value"
    if [ "$(cat "$2" 2>/dev/null)" != "$text" ]; then printf '%s\n' "$text" > "$2"; fi
    """#
}
