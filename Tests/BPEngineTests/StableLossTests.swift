import BPEngine
import BPNumerics
import BPSpec
import BPTestSupport
import Foundation
import Testing

@Suite("Cross-entropy in its stable forms")
struct StableLossTests {
    @Test("a saturated sigmoid with binary cross-entropy has its true loss, 1000")
    func saturatedSigmoid() throws {
        // z = 10 · 100 = 1000, t = 0: L = softplus(z) − t z = 1000 + log1p(e^−1000) = 1000 exactly
        // in float. The naive −log(1 − σ(z)) takes log 0, since σ(1000) rounds to 1.
        let spec = try readSpec("""
        input: [100]
        target: [0]
        layers:
          - {weights: [[10]], bias: [0], activation: sigmoid}
        loss: binary_cross_entropy
        learning_rate: 0.001
        """)
        let trace = try Engine<Double>(spec: spec).run()
        let step = trace.steps[0]
        #expect(step.loss == 1000)
        // δ = a − t over one entry: exactly 1; dW = δ x = 100, so W = 10 − 0.001 · 100 = 9.9.
        #expect(step.backward[0].delta.entries == [1])
        #expect(step.gradients[0].weights.entries == [100])
        #expect(step.updated?[0].weights.entries == [10 - 0.001 * 100])
        // After the update (b = 0 − 0.001 · 1 too) z = 9.9 · 100 − 0.001, still saturated: the final
        // loss is z itself.
        #expect(trace.finalLoss == (10 - 0.001 * 100) * 100 + (0 - 0.001))
    }

    @Test("softmax with cross-entropy over logits [1000, 0, −1000] has the loss worked by hand")
    func saturatedSoftmax() throws {
        // m = 1000, log Σ exp(z − m) = log(1 + e^−1000 + e^−2000) = 0 in float, so the loss for
        // target unit i is (m − z_i): 0, 1000, 2000.
        for (target, expected) in [("[1, 0, 0]", 0.0), ("[0, 1, 0]", 1000.0), ("[0, 0, 1]", 2000.0), ("[0, 0.5, 0.5]", 1500.0)] {
            let spec = try readSpec("""
            input: [1]
            target: \(target)
            layers:
              - {weights: [[1000], [0], [-1000]], bias: [0, 0, 0], activation: softmax}
            loss: cross_entropy
            steps: 0
            """)
            let step = try Engine<Double>(spec: spec).run().steps[0]
            #expect(step.loss == expected, "target \(target)")
            // δ = a − t with a = (1, 0, 0) exactly.
            let t = spec.target.entries.map { $0.value(as: Double.self) }
            #expect(step.backward[0].delta.entries == zip([1.0, 0, 0], t).map { $0 - $1 })
        }
    }

    @Test("a sigmoid near 1 with target 1 keeps its tiny loss, which log a rounds to 0")
    func tinyLoss() throws {
        let spec = try readSpec("""
        input: [40]
        target: [1]
        layers:
          - {weights: [[1]], bias: [0], activation: sigmoid}
        loss: binary_cross_entropy
        steps: 0
        """)
        let loss = try Engine<Double>(spec: spec).run().steps[0].loss
        // softplus(−40) = log1p(e^−40), within an ulp of e^−40 · (1 − e^−40 / 2).
        #expect(abs(loss - exp(-40.0)) <= 1e-15 * exp(-40.0))
    }

    @Test("the stable forms agree with the naive formula on moderate inputs", arguments: [Loss.binaryCrossEntropy, .crossEntropy])
    func agreesWithNaive(_ loss: Loss) throws {
        var generator = SplitMix64(seed: 7)
        for trial in 0..<200 {
            let rows = 1 + trial % 4, batch = 1 + trial % 3
            let z = Matrix<Double>(rows: rows, columns: batch, entries: (0..<rows * batch).map { _ in generator.uniform(-6, 6) })
            let target: Matrix<Double>
            let output: Matrix<Double>
            if loss == .crossEntropy {
                // Targets: a random distribution per column; a = softmax(z) as the engine takes it.
                var t = z, a = z
                for j in 0..<batch {
                    let weights = (0..<rows).map { _ in generator.uniform(0, 1) }
                    let total = weights.reduce(0, +)
                    let peak = (0..<rows).map { z[$0, j] }.max()!
                    let exps = (0..<rows).map { exp(z[$0, j] - peak) }
                    for i in 0..<rows { t[i, j] = weights[i] / total; a[i, j] = exps[i] / exps.reduce(0, +) }
                }
                (target, output) = (t, a)
            } else {
                target = z.map { _ in [0.0, 1.0, generator.uniform(0, 1)][Int(generator.next() % 3)] }
                output = z.map { 1 / (1 + exp(-$0)) }
            }
            let spec = try network(rows: rows, batch: batch, loss: loss)
            let engine = try Engine<Double>(spec: spec)
            let naive = try engine.loss(output: output, target: target, step: 1)
            let stable = try engine.loss(output: output, target: target, step: 1, logits: z)
            #expect(abs(stable - naive) <= 1e-12 * max(abs(naive), abs(stable)), "trial \(trial): \(stable) vs \(naive)")
        }
    }

    /// A one-layer network of `rows` outputs over a batch, for the loss under test.
    private func network(rows: Int, batch: Int, loss: Loss) throws -> NetworkSpec {
        let zeros = Matrix(rows: rows, columns: batch, entries: Array(repeating: SpecValue(0), count: rows * batch))
        var target = zeros
        if loss == .crossEntropy { for j in 0..<batch { target[0, j] = SpecValue(1) } }
        let layer = LayerSpec(weights: Matrix(rows: rows, columns: 1, entries: Array(repeating: SpecValue(1), count: rows)),
                              bias: Matrix(rows: rows, columns: 1, entries: Array(repeating: SpecValue(0), count: rows)),
                              activation: loss == .crossEntropy ? .softmax : .sigmoid)
        return try NetworkSpec(arithmetic: .float, input: Matrix(rows: 1, columns: batch, entries: Array(repeating: SpecValue(1), count: batch)),
                               target: target, layers: [layer], loss: loss, steps: 0).validated()
    }
}
