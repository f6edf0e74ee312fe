import BPNumerics
import BPSpec

/// Runs forward, backward and gradient-descent steps over one scalar type, recording every
/// matrix in a ``Trace``. One engine serves exact and float arithmetic alike.
public struct Engine<Value: Scalar>: Sendable {
    public let spec: NetworkSpec
    public let limits: Limits

    /// Validates the spec (a spec from ``SpecReader`` passes again cheaply).
    public init(spec: NetworkSpec, limits: Limits = .default) throws {
        let checked = try spec.validated(limits: limits)
        if Value.isExact && !checked.isExactlyComputable {
            let culprit = checked.layers.first { !$0.activation.isExact }?.activation.name ?? checked.loss.name
            throw EngineError.notComputable("\(culprit) is not exact; exact arithmetic cannot run this spec (use arithmetic: float)")
        }
        self.spec = checked
        self.limits = limits
    }

    // Specialised for the two scalars the tool uses, so callers in other modules (the public
    // API, benchmarks) get the fast code too, not only AnyTrace in this module.
    @_specialize(where Value == Double)
    @_specialize(where Value == Rational)
    public func run() throws -> Trace<Value> {
        let input = spec.input.map { Value($0) }
        let target = spec.target.map { Value($0) }
        let learningRate = spec.learningRate.map { Value($0) }
        var parameters = spec.layers.enumerated().map { index, layer in
            LayerParameters(layer: spec.layerNumber(ofIndex: index),
                            weights: layer.weights.map { Value($0) }, bias: layer.bias.map { Value($0) })
        }
        var records: [StepRecord<Value>] = []
        for step in 1...max(spec.steps, 1) {
            let record = try runStep(step, parameters: parameters, input: input, target: target,
                                     learningRate: spec.steps > 0 ? learningRate : nil)
            records.append(record)
            if let updated = record.updated { parameters = updated }
        }
        return Trace(spec: spec, input: input, target: target, learningRate: learningRate, steps: records)
    }

    private func runStep(_ step: Int, parameters: [LayerParameters<Value>], input: Matrix<Value>,
                         target: Matrix<Value>, learningRate: Value?) throws -> StepRecord<Value> {
        let functions = spec.layers.map { ActivationFunction<Value>(activation: $0.activation) }

        var forward: [ForwardRecord<Value>] = []
        var a = input
        for (index, layer) in parameters.enumerated() {
            let z = (layer.weights * a).addingToEachColumn(layer.bias)
            try requireFinite(z, step: step, layer: layer.layer, "z^\(layer.layer)")
            a = try functions[index].apply(z)
            try requireFinite(a, step: step, layer: layer.layer, "a^\(layer.layer)")
            forward.append(ForwardRecord(layer: layer.layer, z: z, a: a))
        }

        let lossFunction = LossFunction<Value>(loss: spec.loss)
        let loss = try lossFunction.value(output: a, target: target)
        guard loss.isFinite else { throw EngineError.nonFinite(step: step, layer: nil, quantity: "the loss") }

        var backward: [BackwardRecord<Value>] = []
        let last = parameters.count - 1
        for index in stride(from: last, through: 0, by: -1) {
            let record = forward[index]
            let derivative = functions[index].derivative(z: record.z, a: record.a)
            let working: DeltaWorking<Value>
            if index == last {
                working = lossFunction.outputDelta(output: record.a, target: target, derivative: derivative)
            } else {
                // backward.last is the layer above, recorded in the previous turn of this loop.
                working = .hidden(propagated: parameters[index + 1].weights.transposed * backward.last!.delta, derivative: derivative)
            }
            let delta = working.delta
            try requireFinite(delta, step: step, layer: record.layer, "delta^\(record.layer)")
            backward.append(BackwardRecord(layer: record.layer, delta: delta, working: working))
        }

        var gradients: [LayerParameters<Value>] = []
        for (index, layer) in parameters.enumerated() {
            let delta = backward[last - index].delta
            let previous = index == 0 ? input : forward[index - 1].a
            let weights = delta * previous.transposed
            try requireFinite(weights, step: step, layer: layer.layer, "dL/dW^\(layer.layer)")
            gradients.append(LayerParameters(layer: layer.layer, weights: weights, bias: delta.rowSums))
        }

        var updated: [LayerParameters<Value>]?
        if let rate = learningRate {
            updated = try zip(parameters, gradients).map { layer, gradient in
                let weights = layer.weights - gradient.weights.scaled(by: rate)
                let bias = layer.bias - gradient.bias.scaled(by: rate)
                try requireFinite(weights, step: step, layer: layer.layer, "the updated W^\(layer.layer)")
                try requireFinite(bias, step: step, layer: layer.layer, "the updated b^\(layer.layer)")
                return LayerParameters(layer: layer.layer, weights: weights, bias: bias)
            }
            try requireDigitsWithinLimit(updated!, step: step)
        }
        return StepRecord(step: step, parameters: parameters, forward: forward, loss: loss,
                          backward: backward, gradients: gradients, updated: updated)
    }

    private func requireFinite(_ matrix: Matrix<Value>, step: Int, layer: Int, _ quantity: String) throws {
        guard !Value.isExact else { return }
        if matrix.entries.contains(where: { !$0.isFinite }) {
            throw EngineError.nonFinite(step: step, layer: layer, quantity: quantity)
        }
    }

    /// Exact weights grow about threefold in digits a step; stop before they swamp the machine.
    private func requireDigitsWithinLimit(_ layers: [LayerParameters<Value>], step: Int) throws {
        guard Value.isExact else { return }
        var widest = 0
        for layer in layers {
            for value in layer.weights.entries { widest = max(widest, value.digitCount) }
            for value in layer.bias.entries { widest = max(widest, value.digitCount) }
        }
        if widest > limits.maxDigits {
            throw EngineError.digitLimit(step: step, digits: widest, limit: limits.maxDigits)
        }
    }
}

extension DeltaWorking {
    /// The delta this working arrives at.
    var delta: Matrix<Value> {
        switch self {
        case let .output(gradient, derivative): return gradient.hadamard(derivative)
        case let .combinedOutput(difference, divisor):
            let count = Value(divisor)
            return difference.map { $0 / count }
        case let .hidden(propagated, derivative): return propagated.hadamard(derivative)
        }
    }
}
