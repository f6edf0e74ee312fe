import ArgumentParser
import BPReport
import BPSpec
import Foundation

/// `bpreport render SPEC|NOTEBOOK|DIR... [--output DIR] [--check] [--watch]`: worked solutions
/// as Markdown and HTML, and a folder as a site.
///
/// The command finds files, runs the library's ``Pipeline`` on them (in parallel) and writes.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render specs and notebooks (or every one in a folder) to Markdown and HTML.",
        discussion: """
        Each SPEC.yaml (or NOTEBOOK.nb.md) becomes SPEC.md and SPEC.html beside it, or in \
        --output. A folder is rendered with every spec and notebook under it; with --output it \
        becomes a site: the folder tree kept, an index.html in every folder, relative links \
        only. A bad input in a folder is reported and the others are still written (exit \
        status 1); for files named one by one, and with --check, nothing is written unless \
        every input renders. --check writes nothing and exits 1 when a committed file differs \
        from what this version renders.
        """
    )

    @Argument(help: "Specs (.yaml, .yml, .json), notebooks (.nb.md) or folders holding them.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Write into this folder instead of beside each input; folders keep their tree and get an index.html each.")
    var output: String?

    @Flag(help: "Compare with the files on disk instead of writing them.")
    var check = false

    @Flag(help: "Keep running, and render again whatever changes, until interrupted.")
    var watch = false

    @Option(help: "Inputs rendered at once (default: every core).")
    var jobs: Int?

    @Option(help: ArgumentHelp("The solution, the handout with blanks, or both (handout,solution: into handout/ and solution/).",
                               valueName: "solution|handout|handout,solution"))
    var mode: String = "solution"

    /// The modes `--mode` names, in its order.
    var modes: [RenderMode] {
        get throws {
            try mode.split(separator: ",").map { name in
                guard let mode = RenderMode(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--mode takes solution, handout or both (handout,solution), not '\(name)'")
                }
                return mode
            }
        }
    }

    @OptionGroup var report: ReportFormatOptions
    @OptionGroup var engine: EngineOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
        if watch && check { throw ValidationError("--watch and --check do not go together") }
        let modes = try self.modes
        if modes.isEmpty || Set(modes).count != modes.count { throw ValidationError("--mode names each of solution and handout at most once") }
    }

    func run() throws {
        let pipeline: Pipeline
        var options: RenderOptions
        do {
            options = try report.renderOptions(limits: engine.limits)
        } catch {
            throw CommandFailure(error.description)
        }
        options.modes = try modes
        do {
            pipeline = try Pipeline(options: options)
        } catch {
            throw CommandFailure(error.description)
        }
        var site = SiteRenderer(pipeline: pipeline, output: output, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                progress: isatty(STDERR_FILENO) == 1)
        site.modes = try modes
        let inputs = try InputDiscovery.inputs(in: paths, excluding: output)
        let folderGiven = paths.contains { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        let stamps = watch ? Watcher.stamps(paths, output: output) : [:]
        let result = site.render(inputs, indexes: output != nil && folderGiven)
        if watch {
            try Watcher(site: site, paths: paths, output: output, indexes: output != nil && folderGiven).run(first: result, stampsBefore: stamps)
            return
        }
        try finish(result, partial: folderGiven && !check)
    }

    /// Writes (or checks) what rendered; reports every failure.
    private func finish(_ result: SiteRenderer.Result, partial: Bool) throws {
        for warning in result.warnings { StandardStreams.writeError(warning + "\n") }
        var failures = result.failures
        let clashes = Dictionary(grouping: result.outputs.map(\.path), by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        for path in clashes { failures.append("\(path): two inputs would write this file; give them different names") }
        if !failures.isEmpty && !partial {
            throw CommandFailure(failures.joined(separator: "\n") + "\nNothing was written.")
        }
        if check {
            try ReportFiles.check(result.outputs)
            return
        }
        let outputs = result.outputs.filter { !clashes.contains($0.path) }
        try ReportFiles.write(outputs, creating: output)
        let summary = "\(result.rendered) of \(result.total) input\(result.total == 1 ? "" : "s") rendered, \(outputs.count) files written"
        StandardStreams.writeOutput(summary + (output.map { " to \($0)" } ?? "") + "\n")
        if !failures.isEmpty {
            throw CommandFailure(failures.joined(separator: "\n") + "\n\(failures.count) input\(failures.count == 1 ? "" : "s") failed; the others were written.")
        }
    }
}
