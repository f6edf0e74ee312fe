import BPEngine
import BPNumerics
import BPSpec

/// The student's side of a check: every quantity as claimed where it was claimed and correct
/// elsewhere, and each quantity recomputed from the student's own earlier values, through the
/// engine's stages (so a carried error is judged by the very arithmetic of the run).
struct Student<Value: Scalar> {
    let run: CheckRun<Value>
    let claimed: [Claim.Quantity: Matrix<Value>]

    private var engine: Engine<Value> { run.engine }
    private var trace: Trace<Value> { run.trace }

    /// The student's value of a quantity: claimed, or else correct.
    private func value(_ step: Int, _ section: Claim.Section, _ layer: Int, _ key: String) -> Matrix<Value> {
        if let matrix = claimed[Claim.Quantity(step: step, section: section, layer: layer, key: key)] { return matrix }
        let probe = Claim(step: step, section: section, layer: layer, key: key, row: 1, column: 1, value: SpecValue(0))
        return run.correct(probe)
    }

    /// a^(l) as the student has it; the input for the layer below the first.
    private func activation(_ step: Int, _ layer: Int) -> Matrix<Value> {
        layer == trace.spec.numbering ? trace.input : value(step, .forward, layer, "a")
    }

    /// W^l and b^l as step `step` starts: the spec's at the first step, else the student's update.
    private func parameters(_ step: Int, _ layer: Int) -> LayerParameters<Value> {
        guard step > 1 else { return trace.initialParameters.first { $0.layer == layer }! }
        return LayerParameters(layer: layer, weights: value(step - 1, .updated, layer, "weights"),
                               bias: value(step - 1, .updated, layer, "bias"))
    }

    /// The claim's quantity worked out again from the student's own inputs to it.
    func recompute(_ claim: Claim) throws(EngineError) -> Matrix<Value> {
        let step = claim.step
        let layer = claim.layer ?? trace.spec.outputLayerNumber
        let index = layer - trace.spec.numbering - 1
        switch (claim.section, claim.key) {
        case (.forward, "z"):
            return try engine.forward(layerAt: index, parameters: parameters(step, layer), input: activation(step, layer - 1), step: step).z
        case (.forward, _):
            return try engine.activation(layer: layer, z: value(step, .forward, layer, "z"), step: step)
        case (.loss, _):
            let output = activation(step, trace.spec.outputLayerNumber)
            return Matrix(column: [try engine.loss(output: output, target: trace.target, step: step)])
        case (.backward, _):
            let forward = ForwardRecord(layer: layer, z: value(step, .forward, layer, "z"), a: activation(step, layer))
            if layer == trace.spec.outputLayerNumber {
                return try engine.outputDelta(forward: forward, target: trace.target, step: step).delta
            }
            return try engine.hiddenDelta(forward: forward, weightsAbove: parameters(step, layer + 1).weights,
                                          deltaAbove: value(step, .backward, layer + 1, "delta"), step: step,
                                          recordingTranspose: false).delta
        case (.gradients, let key):
            let gradient = try engine.gradient(layer: layer, delta: value(step, .backward, layer, "delta"),
                                               previousActivation: activation(step, layer - 1), step: step, recordingTranspose: false)
            return key == "weights" ? gradient.weights : gradient.bias
        case (.updated, let key):
            let gradient = GradientRecord(layer: layer, weights: value(step, .gradients, layer, "weights"),
                                          bias: value(step, .gradients, layer, "bias"))
            guard let rate = trace.learningRate else { return run.correct(claim) }
            let updated = try engine.update(parameters(step, layer), gradient: gradient, learningRate: rate, step: step)
            return key == "weights" ? updated.weights : updated.bias
        }
    }
}
