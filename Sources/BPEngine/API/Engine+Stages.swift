import BPNumerics

// The stages of one step, each checked as the run checks it (the same errors, the same
// messages), so a checker can recompute any one from a student's values. Each is specialised
// for the two scalars the tool uses, as `run` and `step` are: a caller in another module (the
// checker, a library user, a benchmark) gets the fast code, not the generic one (measured: a
// large network's stages 3.5 times slower in all through the generic code, its update 25 times).
extension Engine {
    /// z = W a + b and a = sigma(z) for the layer at `index` (0 for the first weight layer).
    @_specialize(where Value == Double)
    @_specialize(where Value == Rational)
    public func forward(layerAt index: Int, parameters: LayerParameters<Value>, input: Matrix<Value>,
                        step: Int) throws(EngineError) -> ForwardRecord<Value> {
        try forwardKeepingColumns(layerAt: index, parameters: parameters, input: input, step: step).record
    }

    /// ``forward(layerAt:parameters:input:step:)``, with softmax's column peaks and sums for
    /// the loss (nil for other activations).
    func forwardKeepingColumns(layerAt index: Int, parameters: LayerParameters<Value>, input: Matrix<Value>,
                               step: Int) throws(EngineError) -> (record: ForwardRecord<Value>, columns: SoftmaxColumnSums<Value>?) {
        let layer = parameters.layer
        var z = Value.product(parameters.weights, transposingA: false, input, transposingB: false)
        // The bias added into the product's own entries: no second matrix, and z checked in
        // the same pass.
        if spec.layers[index].hasBias {
            try requireFinite(z.addToEachColumn(parameters.bias), step: step, layer: layer, "z^\(layer)")
        } else {
            try requireFinite(z, step: step, layer: layer, "z^\(layer)")
        }
        let (a, columns) = try functions[index].applyKeepingColumns(z)
        // z is finite here, so a is too for most activations: no second pass to check it.
        if !functions[index].keepsFinite { try requireFinite(a, step: step, layer: layer, "a^\(layer)") }
        return (ForwardRecord(layer: layer, z: z, a: a), columns)
    }

    /// a = σ(z) for layer number `layer`, from a given z (a checker's own z, say).
    @_specialize(where Value == Double)
    @_specialize(where Value == Rational)
    public func activation(layer: Int, z: Matrix<Value>, step: Int) throws(EngineError) -> Matrix<Value> {
        let a = try function(ofLayer: layer).apply(z)
        try requireFinite(a, step: step, layer: layer, "a^\(layer)")
        return a
    }

    /// The loss of `output` against `target`. Given the output layer's `logits` (its z), a float
    /// run takes cross-entropy in its stable form, finite whenever the loss is.
    @_specialize(where Value == Double)
    @_specialize(where Value == Rational)
    public func loss(output: Matrix<Value>, target: Matrix<Value>, step: Int,
                     logits: Matrix<Value>? = nil) throws(EngineError) -> Value {
        try loss(output: output, target: target, step: step, logits: logits, columns: nil)
    }

    /// ``loss(output:target:step:logits:)``, given softmax's column peaks and sums for `logits`.
    func loss(output: Matrix<Value>, target: Matrix<Value>, step: Int, logits: Matrix<Value>?,
              columns: SoftmaxColumnSums<Value>?) throws(EngineError) -> Value {
        let loss = try lossFunction.value(output: output, target: target, logits: logits, columns: columns)
        guard loss.isFinite else { throw .nonFinite(step: step, layer: nil, quantity: "the loss") }
        return loss
    }

    /// delta^L at the output layer, from its forward record.
    @_specialize(where Value == Double)
    @_specialize(where Value == Rational)
    public func outputDelta(forward: ForwardRecord<Value>, target: Matrix<Value>,
                            step: Int) throws(EngineError) -> BackwardRecord<Value> {
        let function = function(ofLayer: forward.layer)
        let (working, made) = lossFunction.outputDelta(output: forward.a, target: target) {
            function.derivative(z: forward.z, a: forward.a)
        }
        return try backwardRecord(layer: forward.layer, working: working, made: made, step: step)
    }

    /// delta^l = ((W^(l+1))^T delta^(l+1)) ⊙ sigma'(z^l) for a hidden layer.
    @_specialize(where Value == Double)
    @_specialize(where Value == Rational)
    public func hiddenDelta(forward: ForwardRecord<Value>, weightsAbove: Matrix<Value>, deltaAbove: Matrix<Value>,
                            step: Int, recordingTranspose: Bool) throws(EngineError) -> BackwardRecord<Value> {
        let propagated = Value.product(weightsAbove, transposingA: true, deltaAbove, transposingB: false)
        // The derivative and the delta it leads to, in one pass where the activation allows.
        let (derivative, delta, isFinite) = function(ofLayer: forward.layer).derivativeAndDelta(z: forward.z, a: forward.a,
                                                                                                propagated: propagated)
        let working = DeltaWorking<Value>.hidden(propagated: propagated, derivative: derivative,
                                                 transposedWeights: recordingTranspose ? weightsAbove.transposed : nil)
        return try backwardRecord(layer: forward.layer, working: working, made: (delta, isFinite), step: step)
    }

    /// dL/dW^l = delta^l (a^(l-1))^T and dL/db^l, delta^l summed over the batch.
    @_specialize(where Value == Double)
    @_specialize(where Value == Rational)
    public func gradient(layer: Int, delta: Matrix<Value>, previousActivation: Matrix<Value>, step: Int,
                         recordingTranspose: Bool) throws(EngineError) -> GradientRecord<Value> {
        let weights = Value.product(delta, transposingA: false, previousActivation, transposingB: true)
        try requireFinite(weights, step: step, layer: layer, "dL/dW^\(layer)")
        // A layer without a bias has no bias gradient: zeros, never applied.
        let bias = hasBias(layer) ? delta.rowSums : Matrix<Value>.zeros(rows: delta.rows, columns: 1)
        return GradientRecord(layer: layer, weights: weights, bias: bias,
                              transposedActivation: recordingTranspose ? previousActivation.transposed : nil)
    }

    /// W - lr dL/dW and b - lr dL/db. (The digit limit is checked over all layers, by
    /// ``step(_:parameters:learningRate:recording:)``.)
    @_specialize(where Value == Double)
    @_specialize(where Value == Rational)
    public func update(_ parameters: LayerParameters<Value>, gradient: GradientRecord<Value>, learningRate: Value,
                       step: Int) throws(EngineError) -> LayerParameters<Value> {
        let layer = parameters.layer
        // W - (lr dW) entry by entry, checked in the same pass.
        let (weights, weightsFinite) = parameters.weights.subtractingCheckingFinite(gradient.weights, scaledBy: learningRate)
        let bias: Matrix<Value>, biasFinite: Bool
        if hasBias(layer) {
            (bias, biasFinite) = parameters.bias.subtractingCheckingFinite(gradient.bias, scaledBy: learningRate)
        } else {
            (bias, biasFinite) = (parameters.bias, parameters.bias.entries.withUnsafeBufferPointer { Value.allFinite($0) })
        }
        try requireFinite(weightsFinite, step: step, layer: layer, "the updated W^\(layer)", cause: .updates)
        try requireFinite(biasFinite, step: step, layer: layer, "the updated b^\(layer)", cause: .updates)
        return LayerParameters(layer: layer, weights: weights, bias: bias)
    }

    /// `made`: the working's delta when the stage made it alongside (the same entries), and
    /// whether the pass that made it found every entry finite.
    private func backwardRecord(layer: Int, working: DeltaWorking<Value>, made: (delta: Matrix<Value>, isFinite: Bool)?,
                                step: Int) throws(EngineError) -> BackwardRecord<Value> {
        guard let made else {
            let delta = working.delta
            try requireFinite(delta, step: step, layer: layer, "delta^\(layer)")
            return BackwardRecord(layer: layer, delta: delta, working: working)
        }
        try requireFinite(made.isFinite, step: step, layer: layer, "delta^\(layer)")
        return BackwardRecord(layer: layer, delta: made.delta, working: working)
    }

    /// Whether layer number `layer` has a bias.
    func hasBias(_ layer: Int) -> Bool { spec.layers[layer - spec.numbering - 1].hasBias }

    /// The activation of layer number `layer`.
    private func function(ofLayer layer: Int) -> ActivationFunction<Value> {
        functions[layer - spec.numbering - 1]
    }
}
