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
        #expect(pieces.count == max(spec.steps, 1) + 2, "a header, each step, a footer")
        #expect(pieces.joined() == whole)
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
