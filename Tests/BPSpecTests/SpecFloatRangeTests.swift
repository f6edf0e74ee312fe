import BPSpec
import Testing

@Suite("SpecReader: numbers a float run cannot hold")
struct SpecFloatRangeTests {
    /// A float spec (sigmoid) with one number replaced.
    private func floatSpec(weight: String = "0.5", rate: String = "0.1", input: String = "1") -> String {
        """
        input: [\(input)]
        target: [0]
        layers:
          - {weights: [[\(weight)]], bias: [0], activation: sigmoid}
        loss: binary_cross_entropy
        learning_rate: \(rate)

        """
    }

    @Test("1e400 is refused at its own line and column, not at step 1")
    func tooLarge() {
        #expect(specError(floatSpec(weight: "1e400"), file: "big.yaml")?.description
            == "big.yaml:4:17: layers[0].weights[0][0]: 1e400 is too large for floating point (the largest is about 1.8e308)")
        #expect(specError(floatSpec(input: "-2e308"), file: "big.yaml")?.description
            == "big.yaml:1:9: input[0]: -2e308 is too large for floating point (the largest is about 1.8e308)")
        #expect(specError(floatSpec(rate: "\"1e300/1e-100\""), file: "big.yaml")?.description
            == "big.yaml:6:16: learning_rate: 1e300/1e-100 is too large for floating point (the largest is about 1.8e308)")
        // The exponent limit and a zero denominator keep their own messages.
        #expect(specError(floatSpec(weight: "-1e999"), file: "big.yaml")?.description
            == "big.yaml:4:17: layers[0].weights[0][0]: '-1e999' has an exponent beyond ±400")
        #expect(specError(floatSpec(weight: "\"1/0\""), file: "big.yaml")?.description
            == "big.yaml:4:17: layers[0].weights[0][0]: '1/0' has a zero denominator")
    }

    @Test("a number that would become 0 is refused too")
    func tooSmall() {
        #expect(specError(floatSpec(weight: "1e-400"), file: "tiny.yaml")?.description
            == "tiny.yaml:4:17: layers[0].weights[0][0]: 1e-400 is too close to 0 for floating point, where it would become 0 (the smallest is about 4.9e-324); write 0 if 0 is meant")
    }

    @Test("the edges of the double range are exact")
    func edges() throws {
        // The largest double and the smallest subnormal read; just past them does not.
        #expect(throws: Never.self) { try read(floatSpec(weight: "1.7976931348623157e308"), file: "ok.yaml") }
        #expect(throws: Never.self) { try read(floatSpec(weight: "5e-324"), file: "ok.yaml") }
        #expect(throws: Never.self) { try read(floatSpec(weight: "0.0"), file: "ok.yaml") }
        #expect(specError(floatSpec(weight: "1.8e308"), file: "e.yaml")?.message.contains("too large") == true)
        #expect(specError(floatSpec(weight: "2e-324"), file: "e.yaml")?.message.contains("too close to 0") == true)
    }

    @Test("exact arithmetic takes 1e400 as the rational it is")
    func exactKeepsIt() throws {
        let text = """
        arithmetic: auto
        input: [1e400]
        target: [0]
        layers:
          - {weights: [[1]], bias: [0], activation: identity}
        loss: half_sse
        steps: 0

        """
        let spec = try read(text, file: "exact.yaml")
        #expect(spec.resolvedArithmetic == .exact)
        // The same numbers, asked to run in float, are refused.
        let float = text.replacingOccurrences(of: "arithmetic: auto", with: "arithmetic: float")
        #expect(specError(float, file: "f.yaml")?.description
            == "f.yaml:2:9: input[0]: 1e400 is too large for floating point (the largest is about 1.8e308)")
    }
}
