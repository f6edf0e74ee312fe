import BPTestSupport
import Foundation
import Testing

/// Every file in `Tests/Corpus/bad-inputs/` is a spec, notebook or JSON spec that must be
/// refused: rendered by the command from inside that folder, it must exit with the status and
/// print exactly the message in its `NAME.expected` beside it (`exit N`, then standard error),
/// and write nothing. The expectations are readable files: review a change to one as a change
/// to what a user reads; `BPREPORT_RECORD=1` re-records them.
@Suite struct BadInputCorpusTests {
    static let folder = TestPaths.packageRoot().appendingPathComponent("Tests/Corpus/bad-inputs")

    static let inputs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") || $0.hasSuffix(".nb.md") }.sorted()
    }()

    @Test func theCorpusCoversEveryReaderAndTheEngine() {
        #expect(Self.inputs.count >= 80)
        for prefix in ["yaml-", "key-", "input-", "number-", "activation-", "loss-", "claimed-", "engine-", "notebook-", "json-"] {
            #expect(Self.inputs.contains { $0.hasPrefix(prefix) }, "no \(prefix) case")
        }
        // Every input has its expectation, and every expectation its input.
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? []
        let expected = Set(names.filter { $0.hasSuffix(".expected") }.map { String($0.dropLast(".expected".count)) })
        #expect(expected == Set(Self.inputs), "inputs and .expected files differ: \(expected.symmetricDifference(Set(Self.inputs)).sorted())")
    }

    @Test(arguments: inputs)
    func isRefusedWithItsMessage(input: String) throws {
        let output = try TestPaths.temporaryDirectory("bpreport-corpus")
        let result = try ProcessRunner.run(try ProcessRunner.bpreportExecutable(), ["render", input, "--output", output.path],
                                           in: Self.folder)
        let actual = "exit \(result.status)\n" + result.standardError
        let expectation = Self.folder.appendingPathComponent(input + ".expected")
        if let problem = Snapshot.mismatch(actual, file: expectation) { Issue.record("\(input): \(problem)") }
        #expect(result.status != 0, "\(input) was accepted")
        #expect(result.standardOutput.isEmpty, "\(input): \(result.standardOutput)")
        // All or nothing: a refused input leaves no file behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty, "\(input) wrote files")
    }
}
