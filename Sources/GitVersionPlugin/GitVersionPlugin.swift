import Foundation
import PackagePlugin

/// Writes `GitVersion.swift` for the `bpreport` command before every build: the commit (or
/// tag) the package was built from, as `git describe --tags --always --dirty` gives it, or nil
/// outside a git checkout (a source tarball). A prebuild command rather than a constant, so that
/// `bpreport --version` names the tree it was built from; the file is rewritten only when the
/// description changes, so an unchanged tree compiles nothing again.
@main
struct GitVersionPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("GitVersion")
        return [.prebuildCommand(
            displayName: "Reading the git commit for bpreport --version",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", Self.script, "git-version", context.package.directoryURL.path, output.path],
            outputFilesDirectory: output)]
    }

    /// $1: the package's folder; $2: where the Swift file goes.
    static let script = #"""
    mkdir -p "$2"
    description=$(git -C "$1" describe --tags --always --dirty 2>/dev/null | tr -cd 'A-Za-z0-9._+-')
    if [ -n "$description" ]; then value="\"$description\""; else value=nil; fi
    text="/// Written by GitVersionPlugin at build time: git describe of the built tree.
    let gitDescription: String? = $value"
    if [ "$(cat "$2/GitVersion.swift" 2>/dev/null)" != "$text" ]; then printf '%s\n' "$text" > "$2/GitVersion.swift"; fi
    """#
}
