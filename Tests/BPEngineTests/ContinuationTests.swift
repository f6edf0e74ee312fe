import BPEngine
import BPNumerics
import BPSpec
import BPTestSupport
import Testing

/// `run(from:firstStep:)` continues a run exactly where another stopped.
@Suite("Continuing a run")
struct ContinuationTests {
    static let specs = ["contract-example", "relu-leaky-mse-batch"]

    func spec(_ name: String, steps: Int) throws -> NetworkSpec {
        var spec = try SpecReader().read(contentsOf: TestPaths.fixtureSpec(name).path)
        spec.steps = steps
        return spec
    }

    /// Two steps in one run equal one step, then one more from its final parameters.
    func check<Value: Scalar>(_ name: String, as _: Value.Type) throws {
        let whole = try Engine<Value>(spec: try spec(name, steps: 2)).run()
        let single = try Engine<Value>(spec: try spec(name, steps: 1))
        let first = try single.run()
        let second = try single.run(from: first.finalParameters, firstStep: 2)
        #expect(whole.steps.count == 2 && first.steps.count == 1 && second.steps.count == 1)
        #expect(first.steps[0] == whole.steps[0])
        let (expected, actual) = (whole.steps[1], second.steps[0])
        #expect(actual.step == 2)
        #expect(actual.parameters == expected.parameters)
        #expect(actual.forward == expected.forward)
        #expect(actual.loss == expected.loss)
        #expect(actual.backward == expected.backward)
        #expect(actual.gradients == expected.gradients)
        #expect(actual.updated == expected.updated)
        #expect(second.firstStep == 2 && second.stepCount == 1)
        #expect(second.losses == [whole.losses[1]])
        #expect(second.initialParameters == first.finalParameters)
        #expect(second.finalParameters == whole.finalParameters)
    }

    @Test("exact: 2 steps equal 1 step and 1 continued step, matrix for matrix", arguments: specs)
    func exact(name: String) throws {
        try check(name, as: Rational.self)
    }

    @Test("float: 2 steps equal 1 step and 1 continued step, bit for bit", arguments: specs)
    func float(name: String) throws {
        try check(name, as: Double.self)
        // Equality of doubles is bitwise here (no NaN can be recorded); check the patterns too.
        let whole = try Engine<Double>(spec: try spec(name, steps: 2)).run()
        let single = try Engine<Double>(spec: try spec(name, steps: 1))
        let second = try single.run(from: try single.run().finalParameters, firstStep: 2)
        let bits = { (layers: [LayerParameters<Double>]) in layers.flatMap { ($0.weights.entries + $0.bias.entries).map(\.bitPattern) } }
        #expect(bits(second.finalParameters) == bits(whole.finalParameters))
        #expect(second.losses.map(\.bitPattern) == [whole.losses[1].bitPattern])
    }

    @Test("parameters that do not fit the spec are refused, naming what is wrong")
    func mismatch() throws {
        let engine = try Engine<Rational>(spec: try spec("contract-example", steps: 1))
        let start = engine.initialParameters
        #expect(throws: EngineError.parametersMismatch("they have 1 weight layer, but the spec has 2")) {
            try engine.run(from: [start[0]])
        }
        let wide = LayerParameters(layer: 2, weights: Matrix<Rational>.zeros(rows: 3, columns: 3), bias: start[0].bias)
        #expect(throws: EngineError.parametersMismatch("W^2 is 3 x 3, but the spec's is 3 x 2")) {
            try engine.run(from: [wide, start[1]])
        }
        let shortBias = LayerParameters(layer: 3, weights: start[1].weights, bias: Matrix<Rational>.zeros(rows: 1, columns: 1))
        #expect(throws: EngineError.parametersMismatch("b^3 is 1 x 1, but the spec's is 2 x 1")) {
            try engine.run(from: [start[0], shortBias])
        }
        let renumbered = LayerParameters(layer: 5, weights: start[1].weights, bias: start[1].bias)
        do {
            _ = try engine.run(from: [start[0], renumbered])
            Issue.record("a renumbered layer was accepted")
        } catch {
            #expect(error.description.hasPrefix("cannot continue from these parameters: entry 2 is numbered layer 5"))
        }
    }
}
