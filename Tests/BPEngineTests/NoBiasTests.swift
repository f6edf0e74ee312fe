import BPEngine
import BPNumerics
import BPSpec
import BPTestSupport
import Testing

/// Layers without a bias (`bias: none`, or no bias key): z = W a, nothing to update.
@Suite struct NoBiasTests {
    static let spec = TestSpecs.noBias

    @Test func theRunMatchesTheHandWorkedValues() throws {
        guard case let .exact(trace) = try AnyTrace.run(try readSpec(Self.spec)) else {
            Issue.record("an exact run was expected")
            return
        }
        let step = trace.steps[0]
        func q(_ text: String) -> Rational { specValue(text).exact }
        // By hand: z2 = W2 a1 = (1 - 2, 0.5 + 2) = (-1, 5/2); a2 = relu = (0, 5/2);
        // z3 = 2*0 - 5/2 = -5/2; L = 1/2 (-7/2)^2 = 49/8.
        #expect(step.forward[0].z.entries == [q("-1"), q("5/2")])
        #expect(step.forward[1].z.entries == [q("-5/2")])
        #expect(step.loss == q("49/8"))
        // delta3 = -7/2; delta2 = (2, -1)^T (-7/2) ⊙ (0, 1) = (0, 7/2).
        #expect(step.backward[1].delta.entries == [q("0"), q("7/2")])
        // W3' = (2, -1) - 0.1 (0, -35/4) = (2, -1/8); W2' = W2 - 0.1 (0, 0; 7/2, 7).
        #expect(step.updated![1].weights.entries == [q("2"), q("-1/8")])
        #expect(step.updated![0].weights.entries == [q("1"), q("-1"), q("3/20"), q("3/10")])
        // The biases stay zero: there are none to train.
        #expect(step.updated!.allSatisfy { $0.bias.entries.allSatisfy(\.isZero) })
    }

    @Test func theTraceLeavesOutTheBiasItDoesNotHave() throws {
        let json = try jsonTrace(ofSpecText: Self.spec)
        #expect(!json.contains("\"bias\""))
        #expect(json.contains(#"{"layer": 3, "weights": [["2", "-1/8"]]}"#))
        // A layer with a bias keeps its key.
        let mixed = Self.spec.replacingOccurrences(of: "{weights: [[2, -1]], activation: identity}",
                                                   with: "{weights: [[2, -1]], bias: [0], activation: identity}")
        #expect(try jsonTrace(ofSpecText: mixed).contains(#""layer": 3, "weights": [["0", "-35/4"]], "bias": [["-7/2"]]}"#))
    }

    @Test func biasNoneIsReadAndAnythingElseMustBeNumbers() throws {
        let spec = try readSpec(Self.spec)
        #expect(spec.layers.map(\.hasBias) == [false, false])
        #expect(throws: SpecError.self) {
            try readSpec(Self.spec.replacingOccurrences(of: "bias: none", with: "bias: nothing"))
        }
    }
}
