import BPNumerics

/// The float loss as a function of one parameter entry, every other parameter held: the
/// engine's own forward and loss stages, run from the entry's layer up over the activations
/// below it (which the entry cannot change, so they are computed once).
struct LossProbe {
    /// The loss at one point, and the side of its kink every z entry of a kinked layer (relu,
    /// leaky_relu) at or above the entry's layer is on.
    struct Point {
        let loss: Double
        let sides: [Int8]
    }

    let engine: Engine<Double>
    let parameters: [LayerParameters<Double>]
    let step: Int
    /// a^(l-1) for each layer index, from the parameters as given.
    private let inputs: [Matrix<Double>]
    private let kinked: [Bool]

    init(engine: Engine<Double>, parameters: [LayerParameters<Double>], step: Int) throws(EngineError) {
        self.engine = engine
        self.parameters = parameters
        self.step = step
        var inputs = [engine.input]
        for (index, layer) in parameters.dropLast().enumerated() {
            inputs.append(try engine.forward(layerAt: index, parameters: layer, input: inputs[index], step: step).a)
        }
        self.inputs = inputs
        kinked = engine.spec.layers.map { layer in
            switch layer.activation {
            case .relu, .leakyRelu: return true
            default: return false
            }
        }
    }

    /// Whether any layer at or above `index` has a kink.
    func hasKink(atOrAbove index: Int) -> Bool { kinked[index...].contains(true) }

    /// The loss with one entry of the layer at `index` (`flat`, row-major over W and then b)
    /// set to `value`; with no change, the loss at the parameters as given.
    func point(layerAt index: Int, setting change: (flat: Int, value: Double)? = nil) throws(EngineError) -> Point {
        var layer = parameters[index]
        if let (flat, value) = change {
            var weights = layer.weights, bias = layer.bias
            let count = weights.entries.count
            if flat < count {
                weights[flat / weights.columns, flat % weights.columns] = value
            } else {
                bias[flat - count, 0] = value
            }
            layer = LayerParameters(layer: layer.layer, weights: weights, bias: bias)
        }
        var a = inputs[index], z = a
        var sides: [Int8] = []
        for above in index..<parameters.count {
            let record = try engine.forward(layerAt: above, parameters: above == index ? layer : parameters[above],
                                            input: a, step: step)
            if kinked[above] {
                sides += record.z.entries.map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }
            }
            (a, z) = (record.a, record.z)
        }
        return Point(loss: try engine.loss(output: a, target: engine.target, step: step, logits: z), sides: sides)
    }
}
