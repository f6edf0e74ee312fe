import BPReport
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `render --watch`: polls the inputs' modification times and renders again whatever was
/// saved (a notebook as a whole, so cells that start `from:` another follow it), until
/// interrupted. New inputs in a watched folder are picked up too.
struct Watcher {
    let site: SiteRenderer
    let paths: [String]
    let output: String?
    let indexes: Bool
    /// `--quiet`: no summary line after each render.
    let quiet: Bool

    /// Half a second: quick enough for a save-and-look loop, cheap enough to leave running.
    static let interval: useconds_t = 500_000

    /// Every input's modification time, taken before the first render, so a file saved while
    /// it runs is rendered again.
    static func stamps(_ paths: [String], output: String?) -> [String: Stamp] {
        var out: [String: Stamp] = [:]
        for input in (try? InputDiscovery.inputs(in: paths, excluding: output)) ?? [] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: input.path)
            out[input.path] = Stamp(modified: attributes?[.modificationDate] as? Date ?? .distantPast,
                                    size: attributes?[.size] as? Int ?? -1)
        }
        return out
    }

    /// What tells a saved file: its modification time, and its size where the clock is coarse.
    struct Stamp: Equatable {
        var modified: Date
        var size: Int
    }

    func run(first: SiteRenderer.Result, stampsBefore: [String: Stamp]) throws -> Never {
        // Interrupting or terminating must end the loop, even when the parent started this
        // process with those signals blocked or ignored.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &signals, nil)
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        var pages = Dictionary(uniqueKeysWithValues: first.pages.map { ($0.input.path, $0) })
        write(first)
        var seen = stampsBefore
        while true {
            usleep(Self.interval)
            let now = Self.stamps(paths, output: output)
            guard now != seen else { continue }
            let changed = now.filter { seen[$0.key] != $0.value }.map(\.key)
            seen = now
            let inputs = ((try? InputDiscovery.inputs(in: paths, excluding: output)) ?? []).filter { changed.contains($0.path) }
            guard !inputs.isEmpty else { continue }
            var result = site.render(inputs, indexes: false)
            for page in result.pages { pages[page.input.path] = page }
            if indexes { result.outputs += site.indexFiles(pages.keys.sorted().compactMap { pages[$0] }.map(SiteRenderer.IndexedPage.init)) }
            write(result)
        }
    }

    /// `rendered 1 of 2 (1 failed: its old files stay), 3 files and 4 indexes written`.
    static func summary(_ result: SiteRenderer.Result) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : word.hasSuffix("x") ? "es" : "s")" }
        let pages = result.outputs.filter { $0.input != nil }.count, indexes = result.outputs.count - pages
        let failed = result.failures.count
        var text = "rendered \(result.rendered) of \(result.total)"
        if failed > 0 { text += " (\(failed) failed: \(failed == 1 ? "its" : "their") old files stay)" }
        text += ", " + count(pages, "file") + (indexes > 0 ? " and " + count(indexes, "index") : "") + " written"
        return text
    }

    private func write(_ result: SiteRenderer.Result) {
        for warning in result.warnings { StandardStreams.writeError(warning + "\n") }
        for failure in result.failures { StandardStreams.writeError("bpreport: error: " + failure.message + "\n") }
        do {
            let written = try ReportFiles.write(result.outputs, creating: output)
            let unchanged = result.outputs.count - written
            if !quiet { StandardStreams.writeError(Self.summary(result) + (unchanged > 0 ? " (\(unchanged) of them already up to date)" : "") + "\n") }
        } catch {
            StandardStreams.writeError("bpreport: error: \(error)\n")
        }
    }

}
