import BPEngine
import BPNumerics
import BPSpec
import BPTestSupport
import Foundation
import Testing

/// A spec and the trace the independent Python implementation computed for it.
struct FixtureCase: Sendable, CustomTestStringConvertible {
    let name: String
    let spec: URL
    let trace: URL
    var testDescription: String { name }

    /// Every fixture spec with a stored trace (problem1-steps8-exact has none: 705 KB), and the
    /// reports in reports/ (the seed problems' traces are named after them, the others
    /// `report-NAME`).
    static let all: [FixtureCase] = {
        let fixtures = TestPaths.fixtureSpecNames().filter { $0 != "problem1-steps8-exact" }.map {
            FixtureCase(name: $0, spec: TestPaths.fixtureSpec($0), trace: TestPaths.fixtureTrace($0))
        }
        let reports = ["problem1", "problem2", "problem3"].map {
            FixtureCase(name: "reports/\($0)", spec: TestPaths.report($0), trace: TestPaths.fixtureTrace($0))
        }
        let english = ["mazur", "softmax-batch", "xor-bce", "exact-steps"].map {
            FixtureCase(name: "reports/\($0)", spec: TestPaths.report($0), trace: TestPaths.fixtureTrace("report-\($0)"))
        }
        return fixtures + reports + english
    }()
}

@Suite("Traces equal the reference implementation's")
struct FixtureTraceTests {
    @Test("the fixture list is complete")
    func fixtureList() throws {
        let names = FixtureCase.all.map(\.name)
        #expect(names.count == 15)
        for expected in ["contract-example", "problem1-steps8-float", "relu-leaky-mse-batch", "relu-zero-exact",
                         "sigmoid-bce", "softmax-ce-batch", "square-leaky-flat-target", "tanh-sse",
                         "reports/problem1", "reports/problem2", "reports/problem3", "reports/mazur",
                         "reports/softmax-batch", "reports/xor-bce", "reports/exact-steps"] {
            #expect(names.contains(expected), "\(expected) missing")
        }
        // Every stored trace is used.
        let traces = try FileManager.default.contentsOfDirectory(
            atPath: TestPaths.packageRoot().appendingPathComponent("Tests/Fixtures/traces").path)
        #expect(Set(traces) == Set(FixtureCase.all.map(\.trace.lastPathComponent)))
    }

    @Test("trace matches the fixture", arguments: FixtureCase.all)
    func matchesFixture(fixture: FixtureCase) throws {
        let expected = try JSONTree.load(fixture.trace)
        let text = try jsonTrace(ofSpecAt: fixture.spec)
        let actual = try JSONTree.parse(text)
        let arithmetic = try #require(value(expected, ["arithmetic"]) as? String)
        let mode: NumberComparison = arithmetic == "exact" ? .exactStrings : .relativeTolerance(1e-12)
        let differences = JSONComparison.differences(actual, expected, numbers: mode)
        #expect(differences.isEmpty, "\(fixture.name):\n\(differences.joined(separator: "\n"))")
        // The comparison saw every number.
        #expect(JSONComparison.numericStrings(in: actual).count == JSONComparison.numericStrings(in: expected).count)
        #expect(!JSONComparison.numericStrings(in: expected).isEmpty)
    }

    @Test("every number is written in the contract's format", arguments: FixtureCase.all)
    func numberFormat(fixture: FixtureCase) throws {
        let actual = try JSONTree.parse(try jsonTrace(ofSpecAt: fixture.spec))
        let arithmetic = try #require(value(actual, ["arithmetic"]) as? String)
        for text in JSONComparison.numericStrings(in: actual) {
            if arithmetic == "exact" {
                // p or p/q with q > 1, in lowest terms.
                let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                #expect(parts.count <= 2, "\(text)")
                let p = try #require(Rational(integerText: parts[0]), "\(text)")
                if parts.count == 2 {
                    let q = try #require(Rational(integerText: parts[1]), "\(text)")
                    #expect(Rational(1) < q, "\(text): denominator must exceed 1")
                    #expect(Rational.gcd(p, q) == Rational(1), "\(text) is not reduced")
                }
            } else {
                // The shortest text that reads back as the same double.
                let x = try #require(Double(text), "\(text)")
                #expect(x.isFinite)
                #expect(x.description == text, "\(text) is not Swift's description")
            }
        }
    }

    @Test("steps: 0 gives one entry numbered 1, with no update")
    func stepsZero() throws {
        let trace = try JSONTree.parse(try jsonTrace(ofSpecAt: TestPaths.report("problem3")))
        let steps = try #require(value(trace, ["steps"]) as? [Any])
        #expect(steps.count == 1)
        let step = try #require(steps.first as? [String: Any])
        #expect(step["step"] as? Int == 1)
        #expect(Set(step.keys) == ["step", "forward", "loss", "backward", "gradients"])
        #expect(step["updated"] == nil)
        // And with steps 1 the same spec has the update.
        var spec = try SpecReader().read(contentsOf: TestPaths.report("problem3").path)
        spec.steps = 1
        spec.learningRate = specValue("0.1")
        let one = try JSONTree.parse(TraceJSONWriter.write(try AnyTrace.run(spec)))
        #expect(value(one, ["steps", 0, "updated"]) != nil)
    }

    @Test("layers run up in forward, down in backward, up in gradients and updated")
    func layerOrder() throws {
        // problem1: numbering 0, so the weight layers are 1 and 2.
        let trace = try JSONTree.parse(try jsonTrace(ofSpecAt: TestPaths.fixtureSpec("problem1-steps8-float")))
        #expect(value(trace, ["numbering"]) as? Int == 0)
        let steps = try #require(value(trace, ["steps"]) as? [Any])
        #expect(steps.count == 8)
        for (index, _) in steps.enumerated() {
            #expect(value(trace, ["steps", index, "step"]) as? Int == index + 1)
            func layers(_ key: String) -> [Int] {
                ((value(trace, ["steps", index, key]) as? [[String: Any]]) ?? []).compactMap { $0["layer"] as? Int }
            }
            #expect(layers("forward") == [1, 2])
            #expect(layers("backward") == [2, 1])
            #expect(layers("gradients") == [1, 2])
            #expect(layers("updated") == [1, 2])
        }
    }
}

@Suite("The contract's example")
struct ContractExampleTests {
    /// The trace printed in /work/shared/spec-format.md, as written there.
    static let contractJSON = """
    {
      "arithmetic": "exact",
      "numbering": 1,
      "steps": [
        {
          "step": 1,
          "forward":   [{"layer": 2, "z": [["0"], ["8"], ["1"]], "a": [["0"], ["8"], ["1"]]},
                        {"layer": 3, "z": [["15"], ["-4"]],      "a": [["15"], ["-4"]]}],
          "loss": "109",
          "backward":  [{"layer": 3, "delta": [["13"], ["-7"]]},
                        {"layer": 2, "delta": [["-1"], ["33"], ["-60"]]}],
          "gradients": [{"layer": 2, "weights": [["-1", "-1"], ["33", "33"], ["-60", "-60"]],
                         "bias": [["-1"], ["33"], ["-60"]]},
                        {"layer": 3, "weights": [["0", "104", "13"], ["0", "-56", "-7"]],
                         "bias": [["13"], ["-7"]]}],
          "updated":   [{"layer": 2, "weights": [["101/100", "-199/100"], ["167/100", "367/100"], ["-12/5", "8/5"]],
                         "bias": [["101/100"], ["167/100"], ["18/5"]]},
                        {"layer": 3, "weights": [["1", "24/25", "-313/100"], ["2", "-11/25", "307/100"]],
                         "bias": [["187/100"], ["107/100"]]}]
        }
      ]
    }
    """

    /// The contract's spec, without its comments.
    static let contractSpec = """
    title: "Problem 1"
    lang: en
    numbering: 1
    arithmetic: auto
    input: [1, 1]
    target: [2, 3]
    layers:
      - weights: [[1, -2], [2, 4], [-3, 1]]
        bias: [1, 2, 3]
        activation: identity
      - weights: [[1, 2, -3], [2, -1, 3]]
        bias: [2, 1]
        activation: identity
    loss: half_sse
    learning_rate: 0.01
    steps: 1
    """

    @Test("the contract's spec gives the contract's trace, string for string")
    func reproduced() throws {
        let expected = try JSONTree.parse(Self.contractJSON)
        let fromText = try JSONTree.parse(try jsonTrace(ofSpecText: Self.contractSpec))
        let fromFile = try JSONTree.parse(try jsonTrace(ofSpecAt: TestPaths.fixtureSpec("contract-example")))
        for actual in [fromText, fromFile] {
            let differences = JSONComparison.differences(actual, expected, numbers: .exactStrings)
            #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        }
        // The stored fixture agrees with the contract too.
        let fixture = try JSONTree.load(TestPaths.fixtureTrace("contract-example"))
        #expect(JSONComparison.differences(fixture, expected, numbers: .exactStrings).isEmpty)
    }

    @Test("the contract's numbers, checked by hand on the engine's records")
    func byHand() throws {
        guard case let .exact(trace) = try AnyTrace.run(try readSpec(Self.contractSpec)) else {
            Issue.record("the contract's example must run exact")
            return
        }
        let step = try #require(trace.steps.first)
        // z^2 = W^2 [1, 1]^T + b^2 = [1 - 2 + 1, 2 + 4 + 2, -3 + 1 + 3] = [0, 8, 1].
        #expect(strings(step.forward[0].z) == [["0"], ["8"], ["1"]])
        // z^3 = W^3 [0, 8, 1]^T + b^3 = [0 + 16 - 3 + 2, 0 - 8 + 3 + 1] = [15, -4].
        #expect(strings(step.forward[1].z) == [["15"], ["-4"]])
        // L = ((15 - 2)^2 + (-4 - 3)^2) / 2 = (169 + 49) / 2 = 109.
        #expect(step.loss.description == "109")
        // delta^3 = a - t = [13, -7]; delta^2 = (W^3)^T delta^3 = [13 - 14, 26 + 7, -39 - 21].
        #expect(strings(step.backward[0].delta) == [["13"], ["-7"]])
        #expect(strings(step.backward[1].delta) == [["-1"], ["33"], ["-60"]])
        // W^2 - 0.01 dW^2, row 3: [-3 + 0.6, 1 + 0.6] = [-12/5, 8/5].
        let updated = try #require(step.updated)
        #expect(strings(updated[0].weights)[2] == ["-12/5", "8/5"])
        #expect(strings(updated[1].bias) == [["187/100"], ["107/100"]])
        #expect(step.parameters.map(\.layer) == [2, 3])
    }
}
