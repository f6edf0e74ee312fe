import BPEngine
import BPNumerics
import BPSpec
import BPTestSupport
import Foundation
import Testing

/// The float engine on a network whose products are large enough for OpenBLAS, against the
/// exact engine on the same spec.
@Suite("Float engine through BLAS")
struct BLASEngineTests {
    /// A 24-20-10 ReLU network with an identity output and half the squared error, batch 32:
    /// every product (6,400 to 15,360 multiply-adds) goes to BLAS.
    /// Two-digit decimals from a fixed seed, so both engines read the same numbers.
    static func specText(steps: Int) -> String {
        var random = SplitMix64(seed: 31)
        func number() -> String { String(format: "%.2f", Double(random.int(-99, 99)) / 100) }
        func matrix(_ rows: Int, _ columns: Int) -> String {
            "[" + (0..<rows).map { _ in "[" + (0..<columns).map { _ in number() }.joined(separator: ", ") + "]" }
                .joined(separator: ", ") + "]"
        }
        func vector(_ count: Int) -> String { "[" + (0..<count).map { _ in number() }.joined(separator: ", ") + "]" }
        return """
        title: BLAS-sized network
        numbering: 1
        input: \(matrix(24, 32))
        target: \(matrix(10, 32))
        layers:
          - weights: \(matrix(20, 24))
            bias: \(vector(20))
            activation: relu
          - weights: \(matrix(10, 20))
            bias: \(vector(10))
            activation: identity
        loss: half_sse
        learning_rate: 0.01
        steps: \(steps)

        """
    }

    @Test("exact and float agree to 1e-9 over two steps, with BLAS in the float products")
    func exactAgreesWithFloat() throws {
        let spec = try readSpec(Self.specText(steps: 2))
        #expect(20 * 24 * 32 >= Double.blasThreshold)
        let exact = try Engine<Rational>(spec: spec).run()
        let float = try Engine<Double>(spec: spec).run()
        #expect(exact.steps.count == 2 && float.steps.count == 2)
        func close(_ x: Rational, _ y: Double) -> Bool {
            let e = x.doubleValue
            return e == y || abs(e - y) <= 1e-9 * max(abs(e), abs(y), 1e-6)
        }
        for (e, f) in zip(exact.steps, float.steps) {
            #expect(close(e.loss, f.loss), "step \(e.step) loss: \(e.loss.doubleValue) vs \(f.loss)")
            for (el, fl) in zip(e.forward, f.forward) {
                #expect(zip(el.z.entries, fl.z.entries).allSatisfy(close), "step \(e.step) z^\(el.layer)")
            }
            for (eg, fg) in zip(e.gradients, f.gradients) {
                #expect(zip(eg.weights.entries, fg.weights.entries).allSatisfy(close), "step \(e.step) dW^\(eg.layer)")
            }
            for (el, fl) in zip(try #require(e.updated), try #require(f.updated)) {
                #expect(zip(el.weights.entries, fl.weights.entries).allSatisfy(close), "step \(e.step) W^\(el.layer)")
            }
        }
    }

    @Test("a float run through BLAS is the same bit for bit when run again")
    func reproducible() throws {
        let engine = try Engine<Double>(spec: try readSpec(Self.specText(steps: 5)))
        let first = try engine.run(), second = try engine.run()
        #expect(first.losses.map(\.bitPattern) == second.losses.map(\.bitPattern))
        let bits = { (t: Trace<Double>) in t.finalParameters.flatMap { ($0.weights.entries + $0.bias.entries).map(\.bitPattern) } }
        #expect(bits(first) == bits(second))
    }
}
