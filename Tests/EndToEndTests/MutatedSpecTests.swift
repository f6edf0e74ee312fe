import BPDocument
import BPReportBuilder
import BPEngine
import BPSpec
import BPTestSupport
import BPWriters
import Foundation
import Testing

/// Mangled specs must give an error or a report, never a trap: a fixed-seed mutation run over
/// the seed specs, through the whole pipeline in process (a trap would end the test run).
@Suite struct MutatedSpecTests {
    static let fragments = ["[", "]", "{", "}", ":", ",", "-", "0", "-1", "1e308", "1e-308", "\"1/0\"", "0.0", "*a",
                            "&a ", "null", "~", "\n", "  ", "softmax", "relu", "steps: 0", "steps: 3", "numbering: 0",
                            "arithmetic: exact", "arithmetic: float", "loss: cross_entropy", "1e400",
                            "99999999999999999999", ".5", "\t", "#", "? ", "<<: *a", "{name: leaky_relu, alpha: \"1/3\"}"]

    @Test func mangledSpecsNeverTrap() throws {
        let root = TestPaths.packageRoot()
        let seeds = try ["reports/problem1.yaml", "reports/problem2.yaml", "reports/problem3.yaml",
                         "Tests/Fixtures/specs/softmax-ce-batch.yaml", "Tests/Fixtures/specs/sigmoid-bce.yaml"]
            .map { try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }
        var random = SplitMix64(seed: 2026)
        let limits = Limits(maxEntries: 100_000, maxSpecValues: 10_000, maxSteps: 20, maxDigits: 2_000)
        var rendered = 0, refused = 0
        for _ in 0..<300 {
            var text = Array(seeds[random.below(seeds.count)].unicodeScalars)
            for _ in 0...random.below(5) {
                let position = random.below(text.count + 1)
                switch random.below(3) {
                case 0: text.insert(contentsOf: Self.fragments[random.below(Self.fragments.count)].unicodeScalars, at: position)
                case 1: text.removeSubrange(position..<min(text.count, position + 1 + random.below(5)))
                default: if !text.isEmpty { text[random.below(text.count)] = "0123456789-[],: \n".unicodeScalars.randomElement(using: &random)! }
                }
            }
            do {
                let spec = try SpecReader(limits: limits).read(text: String(String.UnicodeScalarView(text)))
                let document = ReportBuilder().document(for: try AnyTrace.run(spec, limits: limits))
                _ = MarkdownWriter.write(document)
                _ = HTMLWriter.body(document)
                rendered += 1
            } catch is SpecError {
                refused += 1
            } catch is EngineError {
                refused += 1
            }
        }
        // Both outcomes occur, so the mutations neither always break nor never touch the specs.
        #expect(rendered > 10)
        #expect(refused > 10)
    }
}
