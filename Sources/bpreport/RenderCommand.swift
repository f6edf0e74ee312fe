import BPReport
import BPWriters
import BPSpec
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `bpreport render SPEC|NOTEBOOK|DIR|-... [--output DIR|-] [--check [--diff]] [--watch]`:
/// worked solutions as Markdown and HTML, and a folder as a site.
///
/// The command finds files, runs the library's ``Pipeline`` on them (in parallel) and writes.
struct RenderCommand: Subcommand {
    static let pathsArgument = ArgumentDeclaration.positional("paths", list: true, completion: .files(extensions: ["yaml", "yml", "json", "md"]),
        help: "Specs (.yaml, .yml, .json), notebooks (.nb.md), folders holding them, or - for a spec on standard input.")
    static let outputOption = ArgumentDeclaration.option("output", short: "o", valueName: "folder|-", completion: .directories,
        help: "Write into this folder instead of beside each input; folders keep their tree and get an index.html each. - writes the one page (one input, one format) to standard output.")
    static let checkFlag = ArgumentDeclaration.flag("check", help: "Compare with the files on disk instead of writing them.")
    static let diffFlag = ArgumentDeclaration.flag("diff", help: "With --check: print a unified diff of each file that differs (at most 200 lines a file).")
    static let watchFlag = ArgumentDeclaration.flag("watch", help: "Keep running, and render again whatever changes, until interrupted.")
    static let quietFlag = ArgumentDeclaration.flag("quiet", short: "q", help: "Print no summary line (\"... files written\", \"... up to date\") on standard error.")
    static let jobsOption = ArgumentDeclaration.option("jobs", valueName: "n", help: "Inputs rendered at once, at least 1 (default: every core).")
    static let shardOption = ArgumentDeclaration.option("shard", valueName: "K/N",
        help: "Render only the K-th of N shares of the inputs into --output, for a course built by N CI jobs; then --indexes-only writes the site's indexes once.")
    static let indexesOnlyFlag = ArgumentDeclaration.flag("indexes-only",
        help: "Write only the indexes of the site in --output, from the pages its --shard jobs rendered there (the same paths and options as theirs).")
    static let modeOption = ArgumentDeclaration.option("mode", valueName: "solution|handout", repeats: true,
        completion: .values(["solution", "handout", "handout,solution"]),
        help: "The solution, the handout with blanks, or both (handout,solution: into handout/ and solution/); repeat it or give a comma list.")

    static let description = CommandDescription(
        name: "render",
        abstract: "Render specs and notebooks (or every one in a folder) to Markdown and HTML.",
        discussion: """
        Each SPEC.yaml (or NOTEBOOK.nb.md) becomes SPEC.md and SPEC.html beside it, or in \
        --output. A folder is rendered with every spec and notebook under it; with --output it \
        becomes a site: the folder tree kept, an index.html in every folder, relative links \
        only. - reads a spec from standard input; --output - writes one page to standard output. \
        A bad input in a folder is reported and the others are still written (exit status 2); \
        for files named one by one, and with --check, nothing is written unless every input \
        renders, and a render writes all its files or none. --check writes nothing and exits 1 \
        when a committed file differs from what this version renders. Exit status: 0 ok, 1 stale \
        (--check), 2 bad input, 64 bad options, 69 no TeX for --to pdf, 70 internal error, 74 a file not written.
        """,
        arguments: [pathsArgument, outputOption, checkFlag, diffFlag, watchFlag, quietFlag, jobsOption, shardOption, indexesOnlyFlag, modeOption]
            + ReportFormatOptions.declarations + EngineOptions.declarations
    )

    var paths: [String]
    var output: String?
    var check: Bool
    var diff: Bool
    var watch: Bool
    var quiet: Bool
    var jobs: Int?
    var shard: Shard?
    var indexesOnly: Bool
    var modeNames: [String]
    var report: ReportFormatOptions
    var engine: EngineOptions

    init(_ arguments: ParsedArguments) throws(UsageError) {
        paths = arguments.values(Self.pathsArgument)
        output = arguments.value(Self.outputOption)
        check = arguments.flag(Self.checkFlag)
        diff = arguments.flag(Self.diffFlag)
        watch = arguments.flag(Self.watchFlag)
        quiet = arguments.flag(Self.quietFlag)
        jobs = try arguments.int(Self.jobsOption)
        shard = try arguments.value(Self.shardOption).map { text throws(UsageError) in try Shard.parse(text) }
        indexesOnly = arguments.flag(Self.indexesOnlyFlag)
        modeNames = arguments.values(Self.modeOption)
        report = try ReportFormatOptions(arguments)
        engine = try EngineOptions(arguments)
    }

    /// The modes `--mode` names, in its order.
    var modes: [RenderMode] {
        get throws(UsageError) {
            try CommaList.values(modeNames, fallback: [.solution], refusal: "--mode takes solution, handout or both (handout,solution)") {
                RenderMode(rawValue: $0)
            }
        }
    }

    /// `--output -`: the page goes to standard output.
    var toStandardOutput: Bool { output == "-" }

    func validate() throws(UsageError) {
        try report.validate()
        if let jobs, jobs < 1 { throw UsageError("--jobs must be at least 1, not \(jobs)") }
        if watch && check { throw UsageError("--watch and --check do not go together") }
        if diff && !check { throw UsageError("--diff goes with --check") }
        let modes = try self.modes
        if Set(modes).count != modes.count { throw UsageError("--mode names each of solution and handout at most once") }
        if toStandardOutput {
            if check || watch { throw UsageError("--output - writes a page to standard output; it does not go with --\(check ? "check" : "watch")") }
            if try report.outputFormats.count != 1 {
                throw UsageError("--output - writes one file to standard output; choose one format: --to md, --to html or --to ipynb")
            }
            if modes.count != 1 { throw UsageError("--output - writes one file to standard output; choose one --mode") }
        }
        if shard != nil || indexesOnly {
            let flag = indexesOnly ? "--indexes-only" : "--shard"
            if shard != nil && indexesOnly { throw UsageError("--shard and --indexes-only are separate steps: each share renders its pages, then one job writes the indexes") }
            if output == nil || toStandardOutput { throw UsageError("\(flag) builds a site: it needs --output DIR, the same folder for every share") }
            if watch { throw UsageError("\(flag) does not go with --watch") }
        }
        if paths.contains(StandardInput.path) {
            if output == nil { throw UsageError("a spec read from standard input (-) needs --output: a folder, or - for standard output") }
            if watch { throw UsageError("--watch cannot watch standard input (-)") }
        }
    }

    func run() throws {
        var options: RenderOptions
        do {
            options = try report.renderOptions(limits: engine.limits)
        } catch {
            throw CommandFailure(error.description, status: .badInput)
        }
        options.modes = try modes
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        // With cores to spare, a page's formats are written side by side too: the last inputs
        // of a render then do not leave a core idle.
        options.writesFormatsConcurrently = jobs > 1
        // With no TeX at all, say so before anything is rendered, rather than once per input.
        if options.formats.contains(.pdf), TeXCompiler.find(TeXEngine.pdflatex.command) == nil,
           TeXCompiler.find(TeXEngine.lualatex.command) == nil {
            throw CommandFailure("--to pdf needs pdflatex (lualatex for Korean), and neither is on PATH; on Debian or Ubuntu: apt-get install "
                                 + "--no-install-recommends \(TeXEngine.lualatex.debianPackages.joined(separator: " ")) (or write the LaTeX alone with --to tex)",
                                 status: .unavailable)
        }
        let pipeline: Pipeline
        do {
            pipeline = try Pipeline(options: options)
        } catch {
            throw CommandFailure(error.description, status: .badInput)
        }
        let folder = toStandardOutput ? nil : output
        let site = SiteRenderer(pipeline: pipeline, output: folder, jobs: jobs,
                                progress: !quiet && !toStandardOutput && isatty(STDERR_FILENO) == 1)
        let discovered = try InputDiscovery.inputs(in: paths, excluding: folder)
        if indexesOnly, let folder { return try writeIndexes(site, into: folder, options: options, inputs: discovered) }
        let inputs = shard.map { shard in discovered.enumerated().filter { shard.contains(position: $0.offset) }.map(\.element) } ?? discovered
        let folderGiven = paths.contains { path in
            var isDirectory = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory
        }
        if toStandardOutput && (folderGiven || inputs.count != 1) {
            throw CommandFailure("--output - writes one page to standard output, but \(folderGiven ? "a folder was" : "\(inputs.count) inputs were") given; "
                                 + "write them into a folder with --output DIR", status: .usage)
        }
        let stamps = watch ? Watcher.stamps(paths, output: folder) : [:]
        var result = site.render(inputs, indexes: folder != nil && folderGiven && shard == nil)
        if let shard, let folder, !check {
            // The share's list of pages goes with its pages, all or nothing.
            let positions = Dictionary(uniqueKeysWithValues: discovered.enumerated().map { ($0.element.path, $0.offset) })
            let manifest = ShardManifest(shard: shard.index, of: shard.count, inputs: discovered.map(\.siteKey),
                                         formats: options.formats.sorted().map(\.rawValue),
                                         modes: options.modes.map(\.rawValue),
                                         pages: result.pages.map { ShardManifest.Page(position: positions[$0.input.path] ?? 0, page: SiteRenderer.IndexedPage($0)) })
            let path = PathText.appending(PathText.appending(folder, Shard.manifestFolder), shard.manifestName)
            result.outputs.append(OutputFile(path: path, text: manifest.json(), input: nil))
        }
        if watch {
            try Watcher(site: site, paths: paths, output: folder, indexes: folder != nil && folderGiven, quiet: quiet)
                .run(first: result, stampsBefore: stamps)
        }
        if toStandardOutput { return try writeToStandardOutput(result) }
        try finish(result, partial: folderGiven && !check)
    }

    /// Writes (or checks) what rendered; reports every failure.
    private func finish(_ result: SiteRenderer.Result, partial: Bool) throws {
        for warning in result.warnings { StandardStreams.writeError(warning + "\n") }
        var failures = result.failures
        // Two inputs that would write one file (after `a/p.md` and `./a/p.md` are made one):
        // one message a set of inputs, naming them and the first file they both write.
        let byPath = Dictionary(grouping: result.outputs) { PathText.standardized($0.path) }
        let clashes = byPath.values.filter { $0.count > 1 }.sorted { $0[0].path < $1[0].path }
        let clashingInputs = Set(clashes.flatMap { $0.compactMap(\.input) })
        for (inputs, files) in Dictionary(grouping: clashes, by: { $0.compactMap(\.input) }).sorted(by: { $0.value[0][0].path < $1.value[0][0].path }) {
            let more = files.count > 1 ? " (and \(files.count - 1) more file\(files.count == 2 ? "" : "s"))" : ""
            failures.append(SiteRenderer.Failure(message: "\(inputs.joined(separator: " and ")) would both write \(files[0][0].path)\(more); give them different names"))
        }
        let status = failures.contains { $0.status == .internalError } ? ExitStatus.internalError : .badInput
        let messages = failures.map(\.message).joined(separator: "\n")
        if !failures.isEmpty && !partial {
            throw CommandFailure(messages + "\nNothing was written.", status: status)
        }
        if check {
            try ReportFiles.check(result.outputs, diff: diff, quiet: quiet)
            return
        }
        // A clashing input's files are all left out, so no page links a drawing of another's.
        let outputs = result.outputs.filter { $0.input.map { !clashingInputs.contains($0) } ?? true }
        let written = try ReportFiles.write(outputs, creating: output)
        if !quiet {
            let inputs = "\(result.rendered) of \(result.total) input\(result.total == 1 ? "" : "s") rendered"
            StandardStreams.writeError(inputs + ", " + ReportFiles.summary(written: written, of: outputs.count, into: output) + "\n")
        }
        if !failures.isEmpty {
            // "The others" only when there were others: a folder whose every input failed got its indexes alone.
            let rest = result.rendered == 0 ? "only the indexes were written" : "the others were written"
            throw CommandFailure(messages + "\n\(failures.count) input\(failures.count == 1 ? "" : "s") failed; \(rest).", status: status)
        }
    }

    /// `--indexes-only`: the site's indexes from every share's list of pages, which are then
    /// removed (they are not part of the site).
    private func writeIndexes(_ site: SiteRenderer, into folder: String, options: RenderOptions, inputs: [Input]) throws {
        let (pages, manifests) = try ShardManifest.merged(in: folder, formats: options.formats.sorted().map(\.rawValue),
                                                          modes: options.modes.map(\.rawValue), inputs: inputs.map(\.siteKey))
        let indexes = site.indexFiles(pages)
        if check { return try ReportFiles.check(indexes, diff: diff, quiet: quiet) }
        try ReportFiles.write(indexes, creating: folder)
        do {
            try FileManager.default.removeItem(atPath: manifests)
        } catch {
            throw CommandFailure("\(manifests): the indexes are written, but the shards' lists could not be removed (\(SystemErrorReason.text(for: error))); remove the folder before publishing",
                                 status: .cannotWrite)
        }
        if !quiet {
            StandardStreams.writeError("\(indexes.count) index\(indexes.count == 1 ? "" : "es") of \(pages.count) page\(pages.count == 1 ? "" : "s") written to \(folder)\n")
        }
    }

    /// `--output -`: the one page on standard output. A Markdown page's drawings are files of
    /// their own, which this cannot write: the page still links them, and a warning says so.
    private func writeToStandardOutput(_ result: SiteRenderer.Result) throws {
        for warning in result.warnings { StandardStreams.writeError(warning + "\n") }
        if let failure = result.failures.first { throw CommandFailure(failure.message, status: failure.status) }
        guard let page = result.outputs.first else { return }
        let attachments = result.outputs.dropFirst().map { PathText.lastComponent($0.path) }
        if !attachments.isEmpty {
            StandardStreams.writeError("bpreport: warning: the Markdown links drawings that --output - does not write: "
                                       + attachments.joined(separator: ", ") + "; render into a folder (--output DIR) to have them\n")
        }
        StandardStreams.writeOutput(page.bytes)
    }
}
