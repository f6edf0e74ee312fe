import BPReport
import BPSpec
import Foundation

/// Renders inputs in parallel into files at their places: beside each input, or under
/// `--output` keeping the folder tree, with an index per folder. The outputs come back in the
/// inputs' order, so they are the same whatever the number of cores.
struct SiteRenderer: Sendable {
    let pipeline: Pipeline
    let output: String?
    let jobs: Int
    let progress: Bool
    /// Several modes put each page in a folder per mode, with an index tree each.
    var modes: [RenderMode] = [.solution]

    struct Result {
        var outputs: [(path: String, text: String)] = []
        var failures: [String] = []
        var warnings: [String] = []
        var rendered = 0
        var total = 0
        /// Each input's title and page, for the indexes (and for --watch to redo them).
        var pages: [(input: Input, title: String)] = []
    }

    func render(_ inputs: [Input], indexes: Bool) -> Result {
        let results = renderAll(inputs)
        var result = Result()
        result.total = inputs.count
        for (input, outcome) in zip(inputs, results) {
            switch outcome {
            case let .success(rendering):
                result.rendered += 1
                result.warnings += rendering.warnings
                result.pages.append((input, rendering.title))
                for file in rendering.files { result.outputs.append((path(of: file.name, for: input), file.contents)) }
            case let .failure(failure):
                result.failures.append(failure.message)
            }
        }
        if indexes { result.outputs += indexFiles(result.pages) }
        return result
    }

    /// Where an input's files go: beside it or in its folder of the site, under the mode's
    /// folder first when several modes render (`OUT/handout/week1/p1.html`).
    func path(of name: String, for input: Input) -> String {
        var root = output ?? (input.path as NSString).deletingLastPathComponent
        var file = name
        if modes.count > 1, let slash = name.firstIndex(of: "/") {
            root = (root as NSString).appendingPathComponent(String(name[..<slash]))
            file = String(name[name.index(after: slash)...])
        }
        let folder = output == nil || input.siteFolder.isEmpty ? root : (root as NSString).appendingPathComponent(input.siteFolder)
        return (folder as NSString).appendingPathComponent(file)
    }

    /// An index.html in every folder of the site that holds pages, and in each folder above.
    func indexFiles(_ pages: [(input: Input, title: String)]) -> [(path: String, text: String)] {
        guard let output else { return [] }
        var folders: [String: [SiteIndex.Page]] = ["": []]
        var children: [String: Set<String>] = [:]
        for page in pages {
            let folder = page.input.siteFolder
            folders[folder, default: []].append(SiteIndex.Page(title: page.title, file: page.input.name + ".html"))
            // Every folder on the way down gets an index that links the next one.
            var path = folder
            while !path.isEmpty {
                let parent = (path as NSString).deletingLastPathComponent
                children[parent, default: []].insert((path as NSString).lastPathComponent)
                if folders[parent] == nil { folders[parent] = [] }
                path = parent
            }
        }
        let roots = modes.count > 1 ? modes.map { (output as NSString).appendingPathComponent($0.folder) } : [output]
        return roots.flatMap { root in
            folders.keys.sorted().map { folder in
                // In a mode's tree the pages sit in that mode's folder beside their inputs'.
                let index = SiteIndex(folder: folder, pages: folders[folder] ?? [], subfolders: Array(children[folder] ?? []))
                let file = pipeline.index(index)
                let directory = folder.isEmpty ? root : (root as NSString).appendingPathComponent(folder)
                return ((directory as NSString).appendingPathComponent(file.name), file.contents)
            }
        }
    }

    /// Renders every input, `jobs` at a time; the results are in the inputs' order.
    private func renderAll(_ inputs: [Input]) -> [Swift.Result<Rendering, Failure>] {
        let results = ResultBox(count: inputs.count)
        let group = DispatchGroup()
        let slots = DispatchSemaphore(value: max(1, jobs))
        let queue = DispatchQueue(label: "bpreport.render", attributes: .concurrent)
        for (index, input) in inputs.enumerated() {
            slots.wait()
            group.enter()
            queue.async {
                let outcome = renderOne(input)
                results.set(index, outcome, total: inputs.count, path: input.path, progress: progress)
                slots.signal()
                group.leave()
            }
        }
        group.wait()
        if progress { StandardStreams.writeError("\r\u{1B}[K") }
        return results.values
    }

    struct Failure: Error { let message: String }

    func renderOne(_ input: Input) -> Swift.Result<Rendering, Failure> {
        do {
            let text = try readText(input.path)
            let source = Source(name: input.name, label: input.path, text: text, kind: input.kind)
            return .success(try pipeline.rendering(source))
        } catch let error as RenderFailure {
            return .failure(Failure(message: error.description))
        } catch let error as CommandFailure {
            return .failure(Failure(message: error.description))
        } catch {
            return .failure(Failure(message: "\(input.path): \(error)"))
        }
    }

    private func readText(_ path: String) throws -> String {
        do {
            return try SpecReader.text(contentsOf: path, maxBytes: pipeline.options.limits.maxInputBytes)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}

/// The results of parallel renders, filled in by index, and the progress line.
private final class ResultBox: @unchecked Sendable {
    // Guarded by `lock`: written from the render threads, read after they have all finished.
    private var results: [Swift.Result<Rendering, SiteRenderer.Failure>?]
    private var done = 0
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Swift.Result<Rendering, SiteRenderer.Failure>, total: Int, path: String, progress: Bool) {
        lock.lock()
        defer { lock.unlock() }
        results[index] = result
        done += 1
        if progress { StandardStreams.writeError("\r\u{1B}[K[\(done)/\(total)] \(path)") }
    }

    var values: [Swift.Result<Rendering, SiteRenderer.Failure>] {
        lock.lock()
        defer { lock.unlock() }
        return results.map { $0! }
    }
}
