import BPEngine
import BPNumerics
import BPSpec
import BPTestSupport
import Foundation
import Testing

/// The stages that make two results in one pass (a delta with its working, the loss from
/// listed terms) against those results worked out from the record's own parts, bit for bit.
@Suite("Fused engine stages")
struct FusedStageTests {
    /// A 5-`hidden`-3 network with softmax and cross-entropy over a batch of `batch`; targets
    /// one-hot, or with a second weight in every other column when `spread`.
    static func specText(hiddenActivation: String, hidden: Int, batch: Int, spread: Bool, seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        func number() -> String { String(format: "%.3f", Double(random.int(-999, 999)) / 1000) }
        func matrix(_ rows: Int, _ columns: Int) -> String {
            "[" + (0..<rows).map { _ in "[" + (0..<columns).map { _ in number() }.joined(separator: ", ") + "]" }
                .joined(separator: ", ") + "]"
        }
        var target = Array(repeating: Array(repeating: "0", count: batch), count: 3)
        for j in 0..<batch {
            let unit = random.below(3)
            if spread && j % 2 == 1 {
                target[unit][j] = "0.25"
                target[(unit + 1) % 3][j] = "0.75"
            } else {
                target[unit][j] = "1"
            }
        }
        let targetText = "[" + target.map { "[" + $0.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        return """
        input: \(matrix(5, batch))
        target: \(targetText)
        layers:
          - {weights: \(matrix(hidden, 5)), bias: \(matrix(hidden, 1)), activation: \(hiddenActivation)}
          - {weights: \(matrix(3, hidden)), bias: \(matrix(3, 1)), activation: softmax}
        loss: cross_entropy
        learning_rate: 0.5
        steps: 3
        arithmetic: float
        """
    }

    /// Σ t ((m − z) + log Σ e^(z − m)), column by column from the first term, each column's
    /// peak m and sum taken from row 0 down, with the engine's exponential.
    static func crossEntropy(logits z: Matrix<Double>, target t: Matrix<Double>) -> Double {
        var total: Double?
        for j in 0..<z.columns {
            var peak = z[0, j]
            for i in 1..<z.rows where peak < z[i, j] { peak = z[i, j] }
            var sum = Double.exp(z[0, j] - peak)!
            for i in 1..<z.rows { sum = sum + Double.exp(z[i, j] - peak)! }
            for i in 0..<z.rows where t[i, j] != 0 {
                let term = t[i, j] * ((peak - z[i, j]) + Foundation.log(sum))
                total = total.map { $0 + term } ?? term
            }
        }
        return total ?? 0
    }

    @Test("deltas equal their working's product or quotient, and the loss its terms, bit for bit",
          arguments: [("sigmoid", 7, 8, false), ("sigmoid", 6, 7, true), ("tanh", 9, 16, true), ("relu", 4, 5, false)])
    func fusedStagesMatchTheirParts(activation: String, hidden: Int, batch: Int, spread: Bool) throws {
        let spec = try readSpec(Self.specText(hiddenActivation: activation, hidden: hidden, batch: batch, spread: spread,
                                              seed: UInt64(hidden * 100 + batch)))
        let trace = try Engine<Double>(spec: spec).run()
        #expect(trace.steps.count == 3)
        let t = spec.target.entries.map { $0.value(as: Double.self) }
        let target = Matrix(rows: 3, columns: batch, entries: t)
        for step in trace.steps {
            let output = step.forward[1]
            #expect(step.loss.bitPattern == (Self.crossEntropy(logits: output.z, target: target) / Double(batch)).bitPattern,
                    "step \(step.step) loss")
            // Output: delta = (a − t) / batch, whatever the batch (a power of two or not).
            guard case let .combinedOutput(difference, divisor) = step.backward[0].working else {
                Issue.record("the output working is not combined")
                continue
            }
            #expect(divisor == batch)
            #expect(difference.entries.map(\.bitPattern) == (output.a - target).entries.map(\.bitPattern))
            #expect(step.backward[0].delta.entries.map(\.bitPattern)
                    == difference.entries.map { ($0 / Double(batch)).bitPattern }, "step \(step.step) output delta")
            // Hidden: the derivative from a, and delta = propagated ⊙ derivative.
            guard case let .hidden(propagated, derivative, _) = step.backward[1].working else {
                Issue.record("the hidden working is not hidden")
                continue
            }
            let a = step.forward[0].a
            let expected: Matrix<Double>
            switch activation {
            case "sigmoid": expected = a.map { $0 * (1 - $0) }
            case "tanh": expected = a.map { 1 - $0 * $0 }
            default: expected = step.forward[0].z.map { $0 > 0 ? 1 : 0 }
            }
            #expect(derivative.entries.map(\.bitPattern) == expected.entries.map(\.bitPattern), "step \(step.step) derivative")
            #expect(step.backward[1].delta.entries.map(\.bitPattern)
                    == propagated.hadamard(derivative).entries.map(\.bitPattern), "step \(step.step) hidden delta")
            // The bias gradients: each row of delta summed left to right.
            for (gradient, backward) in zip(step.gradients, step.backward.reversed()) {
                let d = backward.delta
                let sums = (0..<d.rows).map { i in (1..<d.columns).reduce(d[i, 0]) { $0 + d[i, $1] } }
                #expect(gradient.bias.entries.map(\.bitPattern) == sums.map(\.bitPattern))
            }
        }
    }
}
