import BPSpec
import Foundation
import Testing

@Suite("SpecReader: nesting, size and alias limits")
struct SpecLimitsTests {
    @Test("a spec nested hundreds deep is refused at the first level past the limit")
    func deepFlow() {
        let text = "title: x\ninput: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n"
        let error = specError(text, file: "deep.yaml")
        // Level 1 is the top mapping, the first '[' (column 8) level 2: the 64th, at column 71, is level 65.
        #expect(error?.description == "deep.yaml:2:71: the spec nests deeper than 64 levels; raise the limit with --max-nesting-depth")
        let limits = Limits(maxEntries: 100, maxSteps: 10, maxDigits: 100, maxNestingDepth: 8)
        #expect(specError(text, limits: limits, file: "deep.yaml")?.description == "deep.yaml:2:15: the spec nests deeper than 8 levels; raise the limit with --max-nesting-depth")
    }

    @Test("block nesting counts the same")
    func deepBlock() {
        let text = (0..<100).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " 1\n"
        let error = specError(text, file: "deep.yaml")
        #expect(error?.description == "deep.yaml:65:65: the spec nests deeper than 64 levels; raise the limit with --max-nesting-depth")
    }

    @Test("past the YAML reader's own 1,000 levels the message is the same, never libyaml's")
    func deeperThanLibyaml() {
        let flow = "input: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
        let error = specError(flow, file: "deep.yaml")
        #expect(error?.description.hasPrefix("deep.yaml:1:") == true)
        #expect(error?.message == "the spec nests deeper than 64 levels; raise the limit with --max-nesting-depth")
        let block = (0..<1200).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " 1\n"
        let blockError = specError(block, file: "deep.yaml")
        #expect(blockError?.message == "the spec nests deeper than 64 levels; raise the limit with --max-nesting-depth")
        #expect(blockError?.description.contains("yaml_") == false)
    }

    @Test("deep JSON is refused by the JSON check with the same message")
    func deepJSON() {
        let text = "{\"input\": " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}\n"
        #expect(specError(text, file: "deep.json")?.description == "deep.json:1:74: the spec nests deeper than 64 levels; raise the limit with --max-nesting-depth")
    }

    @Test("a spec larger than maxInputBytes is refused before parsing")
    func inputBytes() throws {
        let limits = Limits(maxEntries: 1000, maxSteps: 10, maxDigits: 100, maxInputBytes: 100)
        let text = baseSpec()
        let size = text.utf8.count
        #expect(size > 100)
        #expect(specError(text, limits: limits, file: "big.yaml")?.description
            == "big.yaml: the spec is \(size) bytes, more than the limit of 100; raise it with --max-input-bytes")
        // Even text that is not YAML at all: nothing is parsed.
        let junk = String(repeating: "[", count: 200)
        #expect(specError(junk, limits: limits, file: "big.yaml")?.description
            == "big.yaml: the spec is 200 bytes, more than the limit of 100; raise it with --max-input-bytes")
        #expect(Limits.default.maxInputBytes == 10_000_000)
        #expect(Limits.default.maxNestingDepth == 64)
        // A file is refused from its size, before it is read.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bpreport-big-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: SpecError(file: url.path, message: "the spec is \(size) bytes, more than the limit of 100; raise it with --max-input-bytes")) {
            try SpecReader(limits: limits).read(contentsOf: url.path)
        }
    }

    @Test("a billion laughs with valid keys, types and shapes is stopped by the value budget")
    func billionLaughs() {
        // A 1000 x 1000 weight matrix of aliased rows, in 1000 aliased layers: 10^9 numbers,
        // each layer square and so chaining, every key a spec key. Only the budget stops it.
        let row = "&r [" + Array(repeating: "1", count: 1000).joined(separator: ", ") + "]"
        let matrix = "&m [" + row + ", " + Array(repeating: "*r", count: 999).joined(separator: ", ") + "]"
        let column = "&c [" + Array(repeating: "[1]", count: 1000).joined(separator: ", ") + "]"
        let layer = "&l {weights: \(matrix), activation: identity}"
        let text = """
        input: \(column)
        target: *c
        layers: [\(layer), \(Array(repeating: "*l", count: 999).joined(separator: ", "))]
        loss: half_sse
        steps: 0

        """
        var caught: SpecError?
        // A thousand layers by alias: past the layer limit too, which is raised here so that
        // the value budget is what stops the bomb.
        var limits = Limits.default
        limits.maxLayers = 1000
        caught = specError(text, limits: limits, file: "laughs.yaml")
        // The five top-level keys, input and target (2,000 values) and the first layer's two keys
        // spent 2,007; the first weights (10^6 values) are refused before one of them is read.
        #expect(caught?.description.hasPrefix("laughs.yaml:3:") == true)
        #expect(caught?.key == "layers[0].weights")
        #expect(caught?.message == "1000 x 1000 values, more than the 997993 left of the 1000000 a spec may hold; raise the limit with --max-spec-values if this is intended")
    }

    @Test("aliases that each fit still count once per use against maxSpecValues")
    func aliasesCountPerUse() {
        // Ten aliased 10 x 10 layers: 1,000 weights; every matrix alone fits the budget of 500.
        let row = "&r [" + Array(repeating: "1", count: 10).joined(separator: ", ") + "]"
        let matrix = "&m [" + row + ", " + Array(repeating: "*r", count: 9).joined(separator: ", ") + "]"
        let text = """
        input: &c [[1], [1], [1], [1], [1], [1], [1], [1], [1], [1]]
        target: *c
        layers: [&l {weights: \(matrix), activation: identity}, \(Array(repeating: "*l", count: 9).joined(separator: ", "))]
        loss: half_sse
        steps: 0

        """
        let limits = Limits(maxEntries: 1_000_000, maxSpecValues: 500, maxSteps: 10, maxDigits: 100)
        let caught = specError(text, limits: limits, file: "laughs.yaml")
        #expect(caught?.key?.hasPrefix("layers[4]") == true)
        #expect(caught?.message.contains("a spec may hold; raise the limit with --max-spec-values if this is intended") == true)
    }
}

@Suite("Limits: layers")
struct LayerLimitTests {
    @Test("more layers than the limit are refused at the layers key, before any is read")
    func tooManyLayers() {
        var limits = Limits.default
        limits.maxLayers = 1
        let error = specError(baseSpec(), limits: limits, file: "two.yaml")
        #expect(error?.description == "two.yaml:4:3: layers: 2 layers, more than the limit of 1; raise it with --max-layers")
        // At the limit it reads.
        limits.maxLayers = 2
        #expect(throws: Never.self) { try read(baseSpec(), limits: limits) }
    }
}
