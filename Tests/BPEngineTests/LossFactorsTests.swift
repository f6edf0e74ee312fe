import BPEngine
import BPNumerics
import BPSpec
import BPTestSupport
import Testing

@Suite("Loss factors and recorded transposes")
struct LossFactorsTests {
    @Test("IntegerRatio keeps its form, compares by value, with a positive denominator")
    func ratio() {
        #expect(IntegerRatio(2, -4) == IntegerRatio(-1, 2))
        #expect(IntegerRatio(2, -4).reduced.numerator == -1 && IntegerRatio(2, -4).reduced.denominator == 2)
        // Kept as the formula writes it: MSE's 2/N over four entries is 2/4.
        #expect(IntegerRatio(2, 4).description == "2/4")
        #expect(IntegerRatio(2, -4).description == "-2/4")
        #expect(IntegerRatio(6, 3).reduced.description == "2")
        #expect(IntegerRatio(0, -5) == IntegerRatio(0))
        #expect(IntegerRatio(-2, 6).value(as: Rational.self) == Rational(-1) / Rational(3))
    }

    @Test("the factors of each loss, over 3 output units and a batch of 4 (N = 12, m = 4)")
    func factors() {
        func factors(_ loss: Loss) -> LossFactors { LossFactors(loss: loss, outputUnits: 3, batchSize: 4) }
        #expect(factors(.halfSSE) == LossFactors(scale: IntegerRatio(1, 2), gradientScale: IntegerRatio(1, 1)))
        #expect(factors(.sse) == LossFactors(scale: IntegerRatio(1, 1), gradientScale: IntegerRatio(2, 1)))
        #expect(factors(.mse) == LossFactors(scale: IntegerRatio(1, 12), gradientScale: IntegerRatio(1, 6)))
        // The report writes the factor as the formula does, 2/N with N = 12 entries.
        #expect(factors(.mse).gradientScale?.description == "2/12")
        #expect(factors(.crossEntropy) == LossFactors(scale: IntegerRatio(-1, 4), gradientScale: nil))
        #expect(factors(.binaryCrossEntropy) == LossFactors(scale: IntegerRatio(-1, 12), gradientScale: nil))
    }

    @Test("a run records its spec's factors", arguments: [
        ("contract-example", IntegerRatio(1, 2), IntegerRatio(1, 1) as IntegerRatio?),
        ("relu-leaky-mse-batch", IntegerRatio(1, 4), IntegerRatio(1, 2) as IntegerRatio?), // 2 x 2 outputs
        ("softmax-ce-batch", IntegerRatio(-1, 2), nil), // m = 2
        ("tanh-sse", IntegerRatio(1, 1), IntegerRatio(2, 1) as IntegerRatio?),
    ])
    func recorded(name: String, scale: IntegerRatio, gradientScale: IntegerRatio?) throws {
        let spec = try SpecReader().read(contentsOf: TestPaths.fixtureSpec(name).path)
        let trace = try Engine<Double>(spec: spec).run(policy: .none)
        #expect(trace.lossFactors.scale == scale, "\(name)")
        #expect(trace.lossFactors.gradientScale == gradientScale, "\(name)")
    }

    @Test("recorded transposes are the transposes of the recorded matrices; unrecorded steps have none")
    func transposes() throws {
        let spec = try SpecReader().read(contentsOf: TestPaths.fixtureSpec("relu-leaky-mse-batch").path)
        let engine = try Engine<Rational>(spec: spec)
        var unkept: [StepRecord<Rational>] = []
        let trace = try engine.run(policy: .steps([1], last: false)) { unkept.append($0) }
        let step = try #require(trace.steps.first)
        for (index, gradient) in step.gradients.enumerated() {
            let previous = index == 0 ? trace.input : step.forward[index - 1].a
            #expect(gradient.transposedActivation == previous.transposed)
            #expect(gradient.transposedActivation?.rows == spec.batchSize)
        }
        let hidden = try #require(step.backward.last)
        guard case let .hidden(_, _, transposed) = hidden.working else {
            Issue.record("the first layer's delta is not a hidden one")
            return
        }
        #expect(transposed == step.parameters[1].weights.transposed)
        // Step 2 was shown to onStep but not kept: no transposes were built for it.
        let second = try #require(unkept.last)
        #expect(second.step == 2)
        #expect(second.gradients.allSatisfy { $0.transposedActivation == nil })
        if case let .hidden(_, _, transposed) = second.backward[1].working { #expect(transposed == nil) }
    }
}
