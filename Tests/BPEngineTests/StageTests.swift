import BPEngine
import BPNumerics
import BPSpec
import BPTestSupport
import Testing

/// The public stages, composed by hand, give the run's records; and the run's records, put in
/// a trace by hand, give the fixture traces of the independent implementation.
@Suite("Engine stages")
struct StageTests {
    /// Every step of `engine`'s run, recomputed stage by stage from the spec's parameters.
    func composed<Value: Scalar>(_ engine: Engine<Value>) throws -> [StepRecord<Value>] {
        var parameters = engine.initialParameters
        var records: [StepRecord<Value>] = []
        let rate = engine.spec.steps > 0 ? engine.learningRate : nil
        for step in 1...max(engine.spec.steps, 1) {
            var forward: [ForwardRecord<Value>] = []
            var a = engine.input
            for (index, layer) in parameters.enumerated() {
                forward.append(try engine.forward(layerAt: index, parameters: layer, input: a, step: step))
                a = forward[index].a
            }
            let loss = try engine.loss(output: a, target: engine.target, step: step)
            var backward = [try engine.outputDelta(forward: forward[forward.count - 1], target: engine.target, step: step)]
            for index in stride(from: parameters.count - 2, through: 0, by: -1) {
                backward.append(try engine.hiddenDelta(forward: forward[index], weightsAbove: parameters[index + 1].weights,
                                                       deltaAbove: backward[backward.count - 1].delta, step: step,
                                                       recordingTranspose: true))
            }
            let deltas = Array(backward.reversed())
            var gradients: [GradientRecord<Value>] = []
            for (index, layer) in parameters.enumerated() {
                gradients.append(try engine.gradient(layer: layer.layer, delta: deltas[index].delta,
                                                     previousActivation: index == 0 ? engine.input : forward[index - 1].a,
                                                     step: step, recordingTranspose: true))
            }
            var updated: [LayerParameters<Value>]?
            if let rate {
                updated = try zip(parameters, gradients).map { try engine.update($0, gradient: $1, learningRate: rate, step: step) }
            }
            records.append(StepRecord(step: step, parameters: parameters, forward: forward, loss: loss,
                                      backward: backward, gradients: gradients, updated: updated))
            parameters = updated ?? parameters
        }
        return records
    }

    func check<Value: Scalar>(_ name: String, as _: Value.Type) throws {
        let spec = try SpecReader().read(contentsOf: TestPaths.fixtureSpec(name).path)
        let engine = try Engine<Value>(spec: spec)
        let trace = try engine.run()
        let byHand = try composed(engine)
        #expect(byHand.count == trace.steps.count)
        for (mine, run) in zip(byHand, trace.steps) {
            #expect(mine.parameters == run.parameters, "\(name) step \(run.step)")
            #expect(mine.forward == run.forward, "\(name) step \(run.step)")
            #expect(mine.loss == run.loss, "\(name) step \(run.step)")
            #expect(mine.backward == run.backward, "\(name) step \(run.step)")
            #expect(mine.gradients == run.gradients, "\(name) step \(run.step)")
            #expect(mine.updated == run.updated, "\(name) step \(run.step)")
        }
        // The hand-made records, in a hand-made trace, give the reference implementation's JSON.
        let handTrace = Trace(spec: engine.spec, input: engine.input, target: engine.target, learningRate: engine.learningRate,
                              stepCount: byHand.count, steps: byHand, losses: byHand.map(\.loss),
                              initialParameters: engine.initialParameters,
                              finalParameters: byHand.last?.updated ?? engine.initialParameters,
                              lossFactors: engine.lossFactors)
        let expected = try JSONTree.load(TestPaths.fixtureTrace(name))
        let mode: NumberComparison = Value.isExact ? .exactStrings : .relativeTolerance(1e-12)
        let differences = JSONComparison.differences(try JSONTree.parse(TraceJSONWriter.write(handTrace)), expected, numbers: mode)
        #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))")
    }

    @Test("the contract example, stage by stage (exact)")
    func contractExample() throws {
        try check("contract-example", as: Rational.self)
    }

    @Test("fixture specs, stage by stage (float)", arguments: ["relu-leaky-mse-batch", "softmax-ce-batch", "tanh-sse", "sigmoid-bce"])
    func fixtures(name: String) throws {
        try check(name, as: Double.self)
    }

    @Test("the contract example's stages give the contract's numbers")
    func contractNumbers() throws {
        let engine = try Engine<Rational>(spec: try SpecReader().read(contentsOf: TestPaths.fixtureSpec("contract-example").path))
        let layers = engine.initialParameters
        let hidden = try engine.forward(layerAt: 0, parameters: layers[0], input: engine.input, step: 1)
        #expect(strings(hidden.z) == [["0"], ["8"], ["1"]])
        let output = try engine.forward(layerAt: 1, parameters: layers[1], input: hidden.a, step: 1)
        #expect(strings(output.a) == [["15"], ["-4"]])
        #expect(try engine.loss(output: output.a, target: engine.target, step: 1) == Rational(109))
        let top = try engine.outputDelta(forward: output, target: engine.target, step: 1)
        #expect(strings(top.delta) == [["13"], ["-7"]])
        let below = try engine.hiddenDelta(forward: hidden, weightsAbove: layers[1].weights, deltaAbove: top.delta,
                                           step: 1, recordingTranspose: false)
        #expect(strings(below.delta) == [["-1"], ["33"], ["-60"]])
        let gradient = try engine.gradient(layer: 3, delta: top.delta, previousActivation: hidden.a, step: 1, recordingTranspose: false)
        #expect(strings(gradient.weights) == [["0", "104", "13"], ["0", "-56", "-7"]])
        #expect(gradient.transposedActivation == nil)
        let updated = try engine.update(layers[1], gradient: gradient, learningRate: try #require(engine.learningRate), step: 1)
        #expect(strings(updated.weights) == [["1", "24/25", "-313/100"], ["2", "-11/25", "307/100"]])
        #expect(strings(updated.bias) == [["187/100"], ["107/100"]])
    }
}
