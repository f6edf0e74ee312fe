import BPFuzzBodies
import BPTestSupport
import Foundation
import Testing

/// The fuzzers' findings kept in the normal test run: every crash they found (a trap would end
/// this process, so running an input is the check), and the corpora they grew, replayed through
/// the same bodies the fuzz targets call.
@Suite struct FuzzReplayTests {
    static let root = TestPaths.packageRoot()

    /// The files of a folder, sorted, hidden ones left out; none when it does not exist.
    static func inputs(in folder: String) -> [URL] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0) }
    }

    /// `Tests/Fixtures/fuzz-regressions/TARGET/`: each crash input under the target that found it.
    @Test(arguments: FuzzBody.allCases)
    func everyRegressionRunsWithoutATrap(body: FuzzBody) throws {
        for file in Self.inputs(in: "Tests/Fixtures/fuzz-regressions/\(body.rawValue)") {
            body.run(String(decoding: try Data(contentsOf: file), as: UTF8.self))
        }
    }

    /// The committed corpus of each target, within a time budget (the corpora are minimized,
    /// a few hundred small inputs each; a slow machine replays what fits).
    @Test(arguments: FuzzBody.allCases)
    func theCorpusReplays(body: FuzzBody) throws {
        let files = Self.inputs(in: "Fuzz/corpus/\(body.rawValue)")
        #expect(files.count >= 10, "Fuzz/corpus/\(body.rawValue) holds \(files.count) inputs; run Fuzz/seed")
        let deadline = ContinuousClock.now + .seconds(20)
        var ran = 0
        for file in files where ContinuousClock.now < deadline {
            body.run(String(decoding: try Data(contentsOf: file), as: UTF8.self))
            ran += 1
        }
        #expect(ran >= min(files.count, 10))
    }

    /// Every target has its dictionary, in libFuzzer's format: one quoted entry a line.
    @Test(arguments: FuzzBody.allCases)
    func everyTargetHasADictionary(body: FuzzBody) throws {
        let text = try TestPaths.text(of: Self.root.appendingPathComponent("Fuzz/dict/\(body.rawValue).dict"))
        let entries = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(entries.count > 20)
        for entry in entries {
            #expect(entry.hasPrefix("\"") && entry.hasSuffix("\"") && entry.count >= 3, "\(entry)")
        }
    }
}
