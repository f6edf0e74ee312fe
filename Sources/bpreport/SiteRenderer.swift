import BPNumerics
import BPReport
import BPSpec
import BPWriters
import FoundationEssentials

/// Renders inputs in parallel into files at their places: beside each input, or under
/// `--output` keeping the folder tree, with an index per folder. The outputs come back in the
/// inputs' order, so they are the same whatever the number of cores.
struct SiteRenderer: Sendable {
    let pipeline: Pipeline
    let output: String?
    let jobs: Int
    let progress: Bool
    /// Several modes put each page in a folder per mode, with an index tree each.
    var modes: [RenderMode] { pipeline.options.modes }

    struct Result {
        var outputs: [OutputFile] = []
        var failures: [Failure] = []
        var warnings: [String] = []
        var total = 0
        /// Inputs rendered: each gave its page.
        var rendered: Int { pages.count }
        /// Each input's title and page, for the indexes (and for --watch to redo them).
        var pages: [(input: Input, title: String)] = []
    }

    func render(_ inputs: [Input], indexes: Bool) -> Result {
        let results = renderAll(inputs)
        var result = Result()
        result.total = inputs.count
        var copied: Set<String> = []
        for (input, outcome) in zip(inputs, results) {
            switch outcome {
            case let .success(rendering):
                result.warnings += rendering.warnings
                result.pages.append((input, rendering.title))
                for file in rendering.files {
                    result.outputs.append(OutputFile(path: path(of: file.name, for: input), text: file.contents, binary: file.binary, input: input.label))
                }
                copyImages(rendering.images, of: input, into: &result, copied: &copied)
            case let .failure(failure):
                result.failures.append(failure)
            }
        }
        if indexes { result.outputs += indexFiles(result.pages.map(IndexedPage.init)) }
        return result
    }

    /// A site written elsewhere gets a copy of each image a page shows, beside the page (in
    /// every mode's folder), once however many pages show it; a missing image is a warning.
    private func copyImages(_ images: [String], of input: Input, into result: inout Result, copied: inout Set<String>) {
        guard output != nil, input.path != StandardInput.path else { return }
        let folder = PathText.deletingLastComponent(input.path)
        for image in images {
            // Only what lies in the input's own folder: a site must not publish whatever a path reaches.
            guard !image.hasPrefix("/"), !image.split(separator: "/").contains("..") else {
                result.warnings.append("\(input.label): warning: \(image): not copied into the site, as it is outside the input's folder; its pages link it all the same")
                continue
            }
            let source = PathText.appending(folder, image)
            guard let data = FileManager.default.contents(atPath: source) else {
                result.warnings.append("\(input.label): warning: \(image): no such image beside it; its pages link it all the same")
                continue
            }
            for mode in modes {
                let target = path(of: (modes.count > 1 ? mode.folder + "/" : "") + image, for: input)
                guard copied.insert(PathText.standardized(target)).inserted else { continue }
                result.outputs.append(OutputFile(path: target, text: "", binary: Array(data), input: nil))
            }
        }
    }

    /// Where an input's files go: beside it or in its folder of the site, under the mode's
    /// folder first when several modes render (`OUT/handout/week1/p1.html`).
    func path(of name: String, for input: Input) -> String {
        // Standard input's outputs go to --output (`-` has no folder to go beside).
        var root = output ?? (input.path == StandardInput.path ? "" : PathText.deletingLastComponent(input.path))
        var file = name
        if modes.count > 1, let slash = name.firstIndex(of: "/") {
            root = PathText.appending(root, String(name[..<slash]))
            file = String(name[name.index(after: slash)...])
        }
        let folder = output == nil || input.siteFolder.isEmpty ? root : PathText.appending(root, input.siteFolder)
        return PathText.appending(folder, file)
    }

    /// A page as the indexes list it: its folder in the site, its name and its title.
    struct IndexedPage: Codable, Equatable {
        var folder: String
        var name: String
        var title: String

        init(folder: String, name: String, title: String) {
            self.folder = folder
            self.name = name
            self.title = title
        }

        init(_ page: (input: Input, title: String)) {
            self.init(folder: page.input.siteFolder, name: page.input.name, title: page.title)
        }
    }

    /// An index.html in every folder of the site that holds pages, and in each folder above.
    func indexFiles(_ pages: [IndexedPage]) -> [OutputFile] {
        guard let output else { return [] }
        var folders: [String: [SiteIndex.Page]] = ["": []]
        var children: [String: Set<String>] = [:]
        // The index links the HTML page, else the PDF (a print course), else the first format written.
        let formats = pipeline.options.formats
        let linked = [OutputFormat.html, .pdf].first(where: formats.contains) ?? formats.sorted().first ?? .html
        for page in pages {
            let folder = page.folder
            // The other formats written, linked after the title (a notebook to download).
            let alternates = formats.sorted().filter { $0 != linked }.map { format in
                SiteIndex.Page.Alternate(label: format.label, file: page.name + "." + format.fileExtension)
            }
            folders[folder, default: []].append(SiteIndex.Page(title: page.title, file: page.name + "." + linked.fileExtension,
                                                               alternates: alternates))
            // Every folder on the way down gets an index that links the next one.
            var path = folder
            while !path.isEmpty {
                let parent = PathText.deletingLastComponent(path)
                children[parent, default: []].insert(PathText.lastComponent(path))
                if folders[parent] == nil { folders[parent] = [] }
                path = parent
            }
        }
        let roots = modes.count > 1 ? modes.map { PathText.appending(output, $0.folder) } : [output]
        // Several modes: the site's own top links each mode's tree, so its address is not a 404.
        let top = modes.count > 1
            ? [OutputFile(path: PathText.appending(output, "index.html"),
                          text: pipeline.index(SiteIndex(folder: "", pages: [], subfolders: modes.map(\.folder))).contents)]
            : []
        return top + roots.flatMap { root in
            folders.keys.sorted().map { folder in
                // In a mode's tree the pages sit in that mode's folder beside their inputs'.
                let index = SiteIndex(folder: folder, pages: folders[folder] ?? [], subfolders: Array(children[folder] ?? []))
                let file = pipeline.index(index)
                let directory = folder.isEmpty ? root : PathText.appending(root, folder)
                return OutputFile(path: PathText.appending(directory, file.name), text: file.contents)
            }
        }
    }

    /// Renders every input, `jobs` at a time; the results are in the inputs' order.
    private func renderAll(_ inputs: [Input]) -> [Swift.Result<Rendering, Failure>] {
        // Renders side by side keep the cores busy already: a large float product then stays
        // on its caller's thread instead of taking a second (its bits are the same either way).
        if jobs > 1 && inputs.count > 1 { Double.largeProductsMayUseTwoThreads = false }
        let line = progress ? ProgressLine(total: inputs.count) : nil
        let results = ParallelWork.map(inputs.count, width: jobs) { index in
            let outcome = renderOne(inputs[index])
            line?.finished(inputs[index].label)
            return outcome
        }
        if progress { StandardStreams.writeError("\r\u{1B}[K") }
        return results
    }

    /// Why an input did not render, worded for the user, and the exit status it calls for.
    struct Failure: Error {
        let message: String
        var status: ExitStatus = .badInput
    }

    func renderOne(_ input: Input) -> Swift.Result<Rendering, Failure> {
        do {
            let text = try StandardInput.text(of: input.path, maxBytes: pipeline.options.limits.maxInputBytes)
            var source = Source(name: input.name, label: input.label, text: text, kind: input.kind)
            // A PDF is compiled elsewhere: its images are found from the input's folder.
            if input.path != "-" {
                let folder = PathText.deletingLastComponent(input.path)
                source.folder = folder.hasPrefix("/") ? folder
                    : PathText.appending(FileManager.default.currentDirectoryPath, folder.isEmpty ? "." : folder)
            }
            return .success(try pipeline.rendering(source))
        } catch let error as SpecError {
            return .failure(Failure(message: error.description))
        } catch let error as RenderFailure {
            return .failure(Failure(message: error.description))
        } catch {
            // Reading and rendering throw only the two above: anything else is a bug.
            return .failure(Failure(message: "internal error: \(input.label): \(error) (please report this)", status: .internalError))
        }
    }
}

/// The progress line on a terminal: how many inputs are done, and the last one's name.
private final class ProgressLine: @unchecked Sendable {
    private let total: Int
    // Guarded by `lock`: renders finish on several threads.
    private var done = 0
    private let lock = Lock()

    init(total: Int) { self.total = total }

    func finished(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        StandardStreams.writeError("\r\u{1B}[K[\(done)/\(total)] \(path)")
    }
}
