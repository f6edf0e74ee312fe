import BPEngine
import BPNumerics
import BPSpec
import Foundation
import BPTestSupport
import Testing

/// One family of random networks to check: the hidden activations, the output's and the loss.
struct GradientCase: Sendable, CustomTestStringConvertible {
    let hidden: Activation?          // nil: a random exact-or-not activation per hidden layer
    let output: Activation?          // nil: the same as the hidden layers
    let loss: Loss
    let seed: UInt64

    var testDescription: String {
        "\(hidden?.label ?? "mixed") -> \(output?.label ?? hidden?.label ?? "mixed"), \(loss.name), seed \(seed)"
    }

    static let pointwise: [Activation] = [
        .identity, .square, .relu, .leakyRelu(alpha: Activation.defaultLeakyAlpha),
        .leakyRelu(alpha: SpecValue(parsing: "0.2")!), .sigmoid, .tanh,
    ]

    static let all: [GradientCase] = {
        var cases: [GradientCase] = []
        var seed: UInt64 = 1
        func add(_ hidden: Activation?, _ output: Activation?, _ loss: Loss) {
            for _ in 0..<3 {
                cases.append(GradientCase(hidden: hidden, output: output, loss: loss, seed: seed))
                seed += 1
            }
        }
        for activation in pointwise {
            for loss in [Loss.halfSSE, .sse, .mse] { add(activation, nil, loss) }
            add(activation, .softmax, .crossEntropy)
            add(activation, .sigmoid, .binaryCrossEntropy)
        }
        for loss in [Loss.halfSSE, .sse, .mse] { add(nil, nil, loss) }
        add(nil, .softmax, .crossEntropy)
        add(nil, .sigmoid, .binaryCrossEntropy)
        return cases
    }()
}

extension Activation {
    var label: String {
        if case let .leakyRelu(alpha) = self { return "leaky_relu(\(alpha.text))" }
        return name
    }

    var hasKink: Bool {
        switch self {
        case .relu, .leakyRelu: return true
        default: return false
        }
    }
}

/// Where a parameter sits: layer index, weights or bias, row, column.
struct ParameterIndex: CustomStringConvertible {
    let layer: Int
    let isBias: Bool
    let row: Int
    let column: Int
    var description: String { "layers[\(layer)].\(isBias ? "bias" : "weights")[\(row)][\(column)]" }
}

struct GradientMismatch: CustomStringConvertible {
    let parameter: ParameterIndex
    let analytic: Double
    let numeric: Double
    var description: String {
        "\(parameter): backprop \(analytic), central difference \(numeric), relative error \(abs(analytic - numeric) / max(1e-300, abs(analytic) + abs(numeric)))"
    }
}

enum FiniteDifferences {
    static let h = 1e-6
    static let tolerance = 1e-6

    /// A random float network of 2 or 3 layers, widths 2 to 4, batch 1 to 3, parameters and inputs in
    /// [-1, 1], steps 0. Samples where a relu-like unit sits within 1e-3 of its kink are rejected.
    static func network(_ c: GradientCase) throws -> NetworkSpec {
        var rng = SplitMix64(seed: c.seed &* 0x2545_F491_4F6C_DD1D)
        for _ in 0..<1000 {
            let layerCount = rng.int(2, 3)
            let batch = rng.int(1, 3)
            var widths = [rng.int(2, 4)]
            for _ in 0..<layerCount { widths.append(rng.int(2, 4)) }
            if c.loss != .crossEntropy && rng.int(0, 2) == 0 { widths[layerCount] = 1 }
            var activations: [Activation] = []
            for index in 0..<layerCount {
                let last = index == layerCount - 1
                if let hidden = c.hidden {
                    activations.append(last ? (c.output ?? hidden) : hidden)
                } else if last, let output = c.output {
                    activations.append(output)
                } else {
                    activations.append(GradientCase.pointwise[rng.int(0, GradientCase.pointwise.count - 1)])
                }
            }
            func random(_ rows: Int, _ columns: Int) -> Matrix<SpecValue> {
                Matrix(rows: rows, columns: columns) { _, _ in specValue(rng.uniform(-1, 1)) }
            }
            let input = random(widths[0], batch)
            var layers: [LayerSpec] = []
            for index in 0..<layerCount {
                // One layer in four has no bias: its bias gradient is zero, and nothing moves
                // the loss when the (unused) bias is nudged.
                if rng.int(0, 3) == 0 {
                    layers.append(LayerSpec(weights: random(widths[index + 1], widths[index]), activation: activations[index]))
                } else {
                    layers.append(LayerSpec(weights: random(widths[index + 1], widths[index]),
                                            bias: random(widths[index + 1], 1), activation: activations[index]))
                }
            }
            let outputs = widths[layerCount]
            let target: Matrix<SpecValue>
            switch c.loss {
            case .crossEntropy:
                // Columns of k_i / sum k, k_i in 0...4, at least one positive: exact distributions.
                var columns: [[Int]] = []
                for _ in 0..<batch {
                    var ks = (0..<outputs).map { _ in rng.int(0, 4) }
                    if ks.allSatisfy({ $0 == 0 }) { ks[rng.int(0, outputs - 1)] = 1 }
                    columns.append(ks)
                }
                target = Matrix(rows: outputs, columns: batch) { i, j in
                    specValue("\(columns[j][i])/\(columns[j].reduce(0, +))")
                }
            case .binaryCrossEntropy:
                target = Matrix(rows: outputs, columns: batch) { _, _ in
                    switch rng.int(0, 5) {
                    case 0: return specValue("0")
                    case 1: return specValue("1")
                    default: return specValue(rng.unit())
                    }
                }
            default:
                target = random(outputs, batch)
            }
            let spec = NetworkSpec(title: "gradient check \(c.seed)", numbering: 1, arithmetic: .float, input: input,
                                   target: target, layers: layers, loss: c.loss, learningRate: nil, steps: 0)
            let forward = try Engine<Double>(spec: spec).run().steps[0].forward
            let nearKink = zip(layers, forward).contains { layer, record in
                layer.activation.hasKink && record.z.entries.contains { abs($0) < 1e-3 }
            }
            // A relu layer with every unit and sample on the negative side passes no gradient down
            // (leaky_relu: only alpha times it, 1e-2 for the default, under what h = 1e-6 resolves).
            let deadLayer = zip(layers, forward).contains { layer, record in
                layer.activation.hasKink && record.z.entries.allSatisfy { $0 < 0 }
            }
            if !nearKink && !deadLayer { return spec }
        }
        throw GradientCheckFailure(description: "no kink-free sample for \(c.testDescription)")
    }

    struct GradientCheckFailure: Error, CustomStringConvertible { let description: String }

    static func loss(_ spec: NetworkSpec) throws -> Double {
        try Engine<Double>(spec: spec).run().steps[0].loss
    }

    /// Compares every dL/dW and dL/db entry with a central difference. `scale` multiplies the
    /// engine's gradients (1 for the real check; anything else must fail).
    static func mismatches(_ spec: NetworkSpec, scale: Double = 1) throws -> (mismatches: [GradientMismatch], checked: Int, resolved: Int, unresolvedLayers: [Int]) {
        let trace = try Engine<Double>(spec: spec).run()
        let step = trace.steps[0]
        #expect(step.updated == nil)
        let baseLoss = step.loss
        var found: [GradientMismatch] = []
        var checked = 0, judgedRelatively = 0
        var unresolvedLayers: [Int] = []
        for (l, layer) in spec.layers.enumerated() {
            let resolvedBefore = judgedRelatively
            defer { if judgedRelatively == resolvedBefore { unresolvedLayers.append(l) } }
            for isBias in [false, true] {
                let parameters = isBias ? layer.bias : layer.weights
                let gradients = isBias ? step.gradients[l].bias : step.gradients[l].weights
                for i in 0..<parameters.rows {
                    for j in 0..<parameters.columns {
                        let w = parameters[i, j].value(as: Double.self)
                        let (up, down) = (w + h, w - h)
                        func perturbed(_ x: Double) -> NetworkSpec {
                            var copy = spec
                            if isBias { copy.layers[l].bias[i, j] = specValue(x) } else { copy.layers[l].weights[i, j] = specValue(x) }
                            return copy
                        }
                        let lossUp = try loss(perturbed(up)), lossDown = try loss(perturbed(down))
                        // Divide by the step the doubles really took.
                        let numeric = (lossUp - lossDown) / (up - down)
                        let analytic = gradients[i, j] * scale
                        let error = abs(analytic - numeric)
                        // Rounding in L is a few ulps of L; over 2h it is the floor under which a central
                        // difference cannot resolve a gradient (eps / h = 2.2e-10 per unit of loss; the
                        // worst seen over all 120 networks here is 1 such unit, the floor allows 8).
                        let noise = 8 * Double.ulpOfOne * max(abs(lossUp), abs(lossDown), abs(baseLoss)) / h
                        let relativeOK = error <= tolerance * max(1e-8, abs(analytic) + abs(numeric))
                        // Resolved: equal outright (a dead relu unit: L does not move at all), or the noise
                        // floor is below the relative allowance, so only the relative test can pass it.
                        if analytic == numeric || noise <= tolerance * (abs(analytic) + abs(numeric)) { judgedRelatively += 1 }
                        if !relativeOK && error > noise {
                            found.append(GradientMismatch(parameter: ParameterIndex(layer: l, isBias: isBias, row: i, column: j),
                                                          analytic: analytic, numeric: numeric))
                        }
                        checked += 1
                    }
                }
            }
        }
        return (found, checked, judgedRelatively, unresolvedLayers)
    }
}

@Suite("Gradients agree with central differences")
struct FiniteDifferenceTests {
    @Test("backprop gradients equal central differences", arguments: GradientCase.all)
    func centralDifferences(c: GradientCase) throws {
        let spec = try FiniteDifferences.network(c)
        let result = try FiniteDifferences.mismatches(spec)
        #expect(result.checked >= 9)  // the smallest network: 2 -> 2 -> 1
        #expect(result.mismatches.isEmpty, "\(c.testDescription):\n\(result.mismatches.map(\.description).joined(separator: "\n"))")
        // The noise floor must not carry the check: every layer has entries resolved (equal, or
        // compared relatively with the floor below the allowance); see also `mostResolved`. A gradient
        // under the floor still has to be within about 2e-9 * L of the central difference to pass.
        #expect(result.unresolvedLayers.isEmpty, "layers \(result.unresolvedLayers) have no resolvable entry")
    }

    @Test("the check catches a gradient off by 0.1%", arguments: [GradientCase.all[0], GradientCase.all[20], GradientCase.all.last!])
    func detectsWrongGradients(c: GradientCase) throws {
        let spec = try FiniteDifferences.network(c)
        let result = try FiniteDifferences.mismatches(spec, scale: 1.001)
        #expect(result.mismatches.count >= result.resolved / 2, "\(result.mismatches.count) of \(result.resolved)")
        #expect(!result.mismatches.isEmpty)
    }

    @Test("across all networks, at least 90% of the entries are resolved, not left to the noise floor")
    func mostResolved() throws {
        var checked = 0, resolved = 0, negativeKinked = 0, positiveKinked = 0
        for c in GradientCase.all {
            let spec = try FiniteDifferences.network(c)
            let result = try FiniteDifferences.mismatches(spec)
            checked += result.checked
            resolved += result.resolved
            let forward = try Engine<Double>(spec: spec).run().steps[0].forward
            for (layer, record) in zip(spec.layers, forward) where layer.activation.hasKink {
                negativeKinked += record.z.entries.filter { $0 < 0 }.count
                positiveKinked += record.z.entries.filter { $0 > 0 }.count
            }
        }
        #expect(checked > 3000)
        // Both branches of relu and leaky_relu are exercised.
        #expect(negativeKinked > 100 && positiveKinked > 100, "\(negativeKinked) negative, \(positiveKinked) positive")
        #expect(Double(resolved) >= 0.9 * Double(checked), "\(resolved) of \(checked)")
    }

    @Test("every activation and loss is covered")
    func coverage() {
        let cases = GradientCase.all
        for activation in Activation.names {
            #expect(cases.contains { $0.hidden?.name == activation || $0.output?.name == activation }, "\(activation)")
        }
        for loss in Loss.allCases {
            #expect(cases.contains { $0.loss == loss }, "\(loss)")
        }
        #expect(cases.count == 120)
    }
}
