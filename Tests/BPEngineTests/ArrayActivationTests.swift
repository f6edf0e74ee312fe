import BPEngine
import BPNumerics
import BPSpec
import BPTestSupport
import Foundation
import Testing

/// Sigmoid, softmax and the stable cross-entropy take their exponentials over whole arrays and
/// work softmax's columns row by row; each value must still be the one its definition gives,
/// entry by entry and column by column, bit for bit.
@Suite("Activations over whole arrays")
struct ArrayActivationTests {
    /// 3-5-4, sigmoid then softmax with cross_entropy, batch 7 (not a multiple of four, so the
    /// exponentials' last lanes are used too).
    static let spec = """
        numbering: 0
        input: [[1, 2, 3, 4, 5, 6, 7], [0, 1, 0, 1, 0, 1, 0], [-1, -2, -3, -4, -5, -6, -7]]
        target: [[1, 0, 0, 0, 1, 0, 0], [0, 1, 0, 0, 0, 1, 0], [0, 0, 1, 0, 0, 0, 1], [0, 0, 0, 1, 0, 0, 0]]
        layers:
          - weights: [[0.1, 0.2, 0.3], [-0.4, 0.5, -0.6], [0.7, -0.8, 0.9], [0.05, 0.15, -0.25], [1, -1, 0.5]]
            bias: [0.1, -0.1, 0.2, -0.2, 0]
            activation: sigmoid
          - weights: [[0.3, -0.2, 0.1, 0.4, -0.5], [0.2, 0.2, -0.3, 0.1, 0.6], [-0.1, 0.4, 0.5, -0.6, 0.2], [0.3, 0.3, 0.3, 0.3, 0.3]]
            bias: [0, 0.1, 0.2, 0.3]
            activation: softmax
        loss: cross_entropy
        learning_rate: 0.5
        steps: 3
        """

    /// Logits with a wide spread, so some exponentials underflow and some columns have a peak
    /// far above the rest.
    static func logits(rows: Int, columns: Int, seed: UInt64) -> Matrix<Double> {
        var random = SplitMix64(seed: seed)
        return Matrix(rows: rows, columns: columns) { _, _ in
            random.below(5) == 0 ? random.uniform(-800, 800) : random.uniform(-8, 8)
        }
    }

    @Test("sigmoid: 1 / (1 + e^-z) entry by entry")
    func sigmoid() throws {
        let engine = try Engine<Double>(spec: try readSpec(Self.spec))
        for columns in [1, 3, 4, 7, 9] {
            let z = Self.logits(rows: 5, columns: columns, seed: UInt64(columns))
            let a = try engine.activation(layer: 1, z: z, step: 1)
            let expected = z.entries.map { 1 / (1 + Double.exp(-$0)!) }
            #expect(a.entries.map(\.bitPattern) == expected.map(\.bitPattern), "batch \(columns)")
        }
        // Independently: σ(0) = 1/2, σ(±800) = 1 and 0 in doubles.
        let ends = try engine.activation(layer: 1, z: Matrix(rows: 5, columns: 1, entries: [0, 800, -800, 2, -2]), step: 1)
        #expect(ends.entries[0] == 0.5 && ends.entries[1] == 1 && ends.entries[2] == 0)
        // σ(2) = 0.8807970779778823, σ(−2) = 0.11920292202211755 (to within an ulp).
        #expect(abs(ends.entries[3] - 0.8807970779778823) <= 0.8807970779778823.ulp)
        #expect(abs(ends.entries[4] - 0.11920292202211755) <= 0.11920292202211755.ulp)
    }

    @Test("softmax: each column's exponentials less its peak, over their sum from the first down")
    func softmax() throws {
        let engine = try Engine<Double>(spec: try readSpec(Self.spec))
        for columns in [1, 2, 5, 7, 8] {
            let z = Self.logits(rows: 4, columns: columns, seed: 100 + UInt64(columns))
            let a = try engine.activation(layer: 2, z: z, step: 1)
            var expected = z
            for j in 0..<columns {
                var peak = z[0, j]
                for i in 1..<4 where peak < z[i, j] { peak = z[i, j] }
                let exps = (0..<4).map { Double.exp(z[$0, j] - peak)! }
                var total = exps[0]
                for i in 1..<4 { total += exps[i] }
                for i in 0..<4 { expected[i, j] = exps[i] / total }
            }
            #expect(a.entries.map(\.bitPattern) == expected.entries.map(\.bitPattern), "batch \(columns)")
        }
        // Worked by hand: softmax(0, ln 2, ln 3, −∞-ish) = (1, 2, 3, 0) / 6.
        let worked = try engine.activation(layer: 2, z: Matrix(column: [0, M_LN2, log(3), -1000]), step: 1)
        for (value, expected) in zip(worked.entries, [1.0 / 6, 2.0 / 6, 3.0 / 6, 0]) {
            #expect(abs(value - expected) <= 2 * max(expected.ulp, .leastNonzeroMagnitude), "\(value) vs \(expected)")
        }
    }

    @Test("stable cross-entropy: the terms t ((m − z) + log Σ e^(z − m)), column by column")
    func crossEntropy() throws {
        let engine = try Engine<Double>(spec: try readSpec(Self.spec))
        for columns in [1, 3, 7] {
            let z = Self.logits(rows: 4, columns: columns, seed: 200 + UInt64(columns))
            var random = SplitMix64(seed: 300 + UInt64(columns))
            // Soft targets with some zeros, whose terms are left out.
            let t = Matrix<Double>(rows: 4, columns: columns) { _, _ in random.below(3) == 0 ? 0 : random.uniform(0, 1) }
            let a = try engine.activation(layer: 2, z: z, step: 1)
            let loss = try engine.loss(output: a, target: t, step: 1, logits: z)
            var total: Double?
            for j in 0..<columns {
                var peak = z[0, j]
                for i in 1..<4 where peak < z[i, j] { peak = z[i, j] }
                var sum = Double.exp(z[0, j] - peak)!
                for i in 1..<4 { sum += Double.exp(z[i, j] - peak)! }
                let logSum = log(sum)
                for i in 0..<4 where t[i, j] != 0 {
                    let term = t[i, j] * ((peak - z[i, j]) + logSum)
                    total = total.map { $0 + term } ?? term
                }
            }
            let expected = (total ?? 0) / Double(columns)
            #expect(loss.bitPattern == expected.bitPattern, "batch \(columns): \(loss) vs \(expected)")
        }
        // Worked by hand: z = (0, 0, 0, 0), t = e1: the loss is log 4.
        let flat = Matrix<Double>(rows: 4, columns: 1, entries: [0, 0, 0, 0])
        let loss = try engine.loss(output: try engine.activation(layer: 2, z: flat, step: 1),
                                   target: Matrix(column: [1, 0, 0, 0]), step: 1, logits: flat)
        #expect(abs(loss - log(4.0)) <= log(4.0).ulp)
    }

    @Test("a step's loss, from the softmax's own sums, is the definition's, bit for bit")
    func stepLossReusesSoftmaxSums() throws {
        let engine = try Engine<Double>(spec: try readSpec(Self.spec))
        var parameters = engine.initialParameters
        for number in 1...3 {
            let record = try engine.step(number, parameters: parameters, learningRate: engine.learningRate, recording: false)
            let z = record.forward[1].z, t = engine.target
            // The loss worked out again from z alone, column by column (the terms as above).
            var total: Double?
            for j in 0..<z.columns {
                var peak = z[0, j]
                for i in 1..<z.rows where peak < z[i, j] { peak = z[i, j] }
                var sum = Double.exp(z[0, j] - peak)!
                for i in 1..<z.rows { sum += Double.exp(z[i, j] - peak)! }
                for i in 0..<z.rows where t[i, j] != 0 {
                    let term = t[i, j] * ((peak - z[i, j]) + log(sum))
                    total = total.map { $0 + term } ?? term
                }
            }
            let expected = (total ?? 0) / Double(z.columns)
            #expect(record.loss.bitPattern == expected.bitPattern, "step \(number): \(record.loss) vs \(expected)")
            let again = try engine.loss(output: record.forward[1].a, target: t, step: number, logits: z)
            #expect(record.loss.bitPattern == again.bitPattern)
            parameters = record.updated!
        }
    }

    @Test("sigmoid and softmax of the largest finite logits are finite (a run checks z, not a)")
    func extremeLogitsStayFinite() throws {
        let engine = try Engine<Double>(spec: try readSpec(Self.spec))
        let big = Double.greatestFiniteMagnitude
        let z = Matrix<Double>(rows: 4, columns: 3, entries: [big, -big, 0, -big, big, 1, big, -big, -1, -big, -big, 2])
        let a = try engine.activation(layer: 2, z: z, step: 1)
        #expect(a.entries.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 })
        // Column 0 has two peaks of +big, each shifted to 0 (the others to −∞): 1/2 each.
        #expect(a[0, 0] == 0.5 && a[2, 0] == 0.5 && a[1, 0] == 0 && a[3, 0] == 0)
        let s = try engine.activation(layer: 1, z: Matrix(rows: 5, columns: 1, entries: [big, -big, 0, 1e300, -1e300]), step: 1)
        #expect(s.entries == [1, 0, 0.5, 1, 0])
    }

    @Test("a whole run is the same bits every time")
    func reproducible() throws {
        let engine = try Engine<Double>(spec: try readSpec(Self.spec))
        let first = try engine.run(), second = try engine.run()
        #expect(first.losses.map(\.bitPattern) == second.losses.map(\.bitPattern))
        #expect(first.steps == second.steps)
    }
}
