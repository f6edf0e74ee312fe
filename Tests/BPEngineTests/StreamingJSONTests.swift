import BPEngine
import BPNumerics
import BPSpec
import BPTestSupport
import Testing

@Suite("Streaming JSON trace")
struct StreamingJSONTests {
    @Test("streaming gives the same bytes as writing the whole trace", arguments: [
        "problem1-steps8-float", "relu-leaky-mse-batch", "softmax-ce-batch", "contract-example",
    ])
    func sameBytes(name: String) throws {
        let spec = try SpecReader().read(contentsOf: TestPaths.fixtureSpec(name).path)
        var pieces: [String] = []
        try TraceJSONWriter.stream(spec) { pieces.append($0) }
        let whole = TraceJSONWriter.write(try AnyTrace.run(spec))
        #expect(pieces.joined() == whole)
    }

    /// A network whose every step is far longer than one piece: 40 inputs, 30 and 5 units,
    /// a batch of 25, so a step's JSON runs to a few hundred kilobytes.
    private static func wideSpec(steps: Int) -> NetworkSpec {
        var rng = SplitMix64(seed: 7)
        func matrix(_ rows: Int, _ columns: Int, scale: Double) -> String {
            "[" + (0..<rows).map { _ in "[" + (0..<columns).map { _ in String(rng.uniform(-scale, scale)) }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        }
        let text = """
        {"input": \(matrix(40, 25, scale: 1)), "target": \(matrix(5, 25, scale: 1)),
         "layers": [{"weights": \(matrix(30, 40, scale: 0.2)), "bias": \(matrix(30, 1, scale: 0.1)), "activation": "sigmoid"},
                    {"weights": \(matrix(5, 30, scale: 0.2)), "bias": \(matrix(5, 1, scale: 0.1)), "activation": "identity"}],
         "loss": "mse", "learning_rate": 0.5, "steps": \(steps)}
        """
        return try! SpecReader().read(text: text, file: "wide.json")
    }

    @Test("a step longer than a piece is handed over in bounded pieces, the same bytes in all")
    func boundedPieces() throws {
        let spec = Self.wideSpec(steps: 4)
        var pieces: [String] = []
        try TraceJSONWriter.stream(spec) { pieces.append($0) }
        let whole = TraceJSONWriter.write(try AnyTrace.run(spec))
        #expect(pieces.joined() == whole)
        #expect(whole.utf8.count > 4 * 100_000, "each step is longer than a piece")
        // A piece is cut after the append that reaches 64 kB, and no append is longer than a
        // line's fixed words or one number.
        #expect(pieces.allSatisfy { $0.utf8.count < 65_536 + 200 })
        #expect(pieces.count > 4 * 100_000 / 65_536)
    }

    @Test("the streamed trace of a long run has the loss of every step that a run keeping all steps has")
    func longRunLosses() throws {
        let spec = Self.wideSpec(steps: 60)
        var text = ""
        try TraceJSONWriter.stream(spec) { text += $0 }
        guard case let .float(kept) = try AnyTrace.run(spec, policy: .all) else { Issue.record("not a float run"); return }
        let losses = text.split(separator: "\n").filter { $0.hasPrefix("      \"loss\": ") }.map {
            Double($0.dropFirst("      \"loss\": \"".count).dropLast(2))!
        }
        #expect(losses == kept.steps.map(\.loss))
        #expect(losses.count == 60)
    }

    @Test("an exact multi-step run streams the same bytes too")
    func exactSteps() throws {
        var spec = try SpecReader().read(contentsOf: TestPaths.report("problem1").path)
        spec.steps = 3
        var text = ""
        try TraceJSONWriter.stream(spec) { text += $0 }
        #expect(text == TraceJSONWriter.write(try AnyTrace.run(spec)))
        #expect(text.hasPrefix("{\n  \"arithmetic\": \"exact\",\n  \"numbering\": 0,\n  \"steps\": [\n    {\n      \"step\": 1,\n"))
        #expect(text.hasSuffix("\n    }\n  ]\n}\n"))
    }

    @Test("a run that fails streams no footer")
    func failure() throws {
        var spec = try SpecReader().read(contentsOf: TestPaths.fixtureSpec("problem1-steps8-exact").path)
        spec.steps = 5
        let limits = Limits(maxEntries: Limits.default.maxEntries, maxSteps: 100, maxDigits: 100)
        var text = ""
        #expect(throws: EngineError.self) { try TraceJSONWriter.stream(spec, limits: limits) { text += $0 } }
        #expect(!text.hasSuffix("}\n"))
    }
}
