import BPNumerics
import BPSpec

/// Runs forward, backward and gradient-descent steps over one scalar type. One engine serves
/// exact and float arithmetic alike.
///
/// ``run(from:firstStep:policy:onStep:)`` is composed from the public stages (``step(_:parameters:learningRate:recording:)``,
/// and within a step ``forward(layerAt:parameters:input:step:)``, ``loss(output:target:step:)``,
/// ``outputDelta(forward:target:step:)``, ``hiddenDelta(forward:weightsAbove:deltaAbove:step:recordingTranspose:)``,
/// ``gradient(layer:delta:previousActivation:step:recordingTranspose:)`` and
/// ``update(_:gradient:learningRate:step:)``), so a checker can recompute any one of them.
/// Every matrix product goes through ``BPNumerics/Scalar/product(_:transposingA:_:transposingB:)``.
public struct Engine<Value: Scalar>: Sendable {
    /// The spec, validated and normalised.
    public let spec: NetworkSpec
    /// The caps the run keeps to.
    public let limits: Limits
    /// The input batch, in this arithmetic.
    public let input: Matrix<Value>
    /// The target, in this arithmetic.
    public let target: Matrix<Value>
    /// The learning rate, when the spec has one.
    public let learningRate: Value?
    /// W^l and b^l as the spec gives them, first weight layer first.
    public let initialParameters: [LayerParameters<Value>]
    /// The loss's constant factors.
    public let lossFactors: LossFactors

    let functions: [ActivationFunction<Value>]
    let lossFunction: LossFunction<Value>

    /// Validates the spec (a spec from ``SpecReader`` passes again cheaply) and converts its
    /// numbers to this arithmetic.
    public init(spec: NetworkSpec, limits: Limits = .default) throws(EngineError) {
        let checked: NetworkSpec
        do {
            checked = try spec.validated(limits: limits)
        } catch {
            throw .invalidSpec(error)
        }
        if Value.isExact && !checked.isExactlyComputable {
            let culprit = checked.layers.first { !$0.activation.isExact }?.activation.name ?? checked.loss.name
            throw .notComputable("\(culprit) is not exact; exact arithmetic cannot run this spec (use arithmetic: float)")
        }
        self.spec = checked
        self.limits = limits
        input = checked.input.map { $0.value(as: Value.self) }
        target = checked.target.map { $0.value(as: Value.self) }
        learningRate = checked.learningRate.map { $0.value(as: Value.self) }
        initialParameters = checked.layers.enumerated().map { index, layer in
            LayerParameters(layer: checked.layerNumber(ofIndex: index),
                            weights: layer.weights.map { $0.value(as: Value.self) },
                            bias: layer.bias.map { $0.value(as: Value.self) })
        }
        lossFactors = LossFactors(loss: checked.loss, outputUnits: checked.layers[checked.layers.count - 1].width,
                                  batchSize: checked.batchSize)
        functions = checked.layers.map { ActivationFunction<Value>(activation: $0.activation) }
        lossFunction = LossFunction<Value>(loss: checked.loss)
    }

    // Specialised for the two scalars the tool uses, so callers in other modules (the public
    // API, benchmarks) get the fast code too, not only AnyTrace in this module.
    /// Runs the spec's steps (one, with no update, for `steps: 0`) from `start` (the spec's
    /// parameters when `nil`; another run's ``Trace/finalParameters`` to continue it), numbering
    /// them from `firstStep`.
    ///
    /// The trace keeps the steps `policy` keeps and the loss of every step; `onStep` sees every
    /// step's record as it is made, kept or not (the transposes only on kept steps), so a
    /// writer can stream a run whose trace keeps nothing. Before running, the steps the policy
    /// keeps are checked against ``Limits/maxEntries``.
    @_specialize(where Value == Double)
    @_specialize(where Value == Rational)
    public func run(from start: [LayerParameters<Value>]? = nil, firstStep: Int = 1, policy: RecordingPolicy = .all,
                    onStep: ((StepRecord<Value>) -> Void)? = nil) throws(EngineError) -> Trace<Value> {
        let initial = start ?? initialParameters
        if start != nil { try requireFitsNetwork(initial) }
        let stepCount = max(spec.steps, 1)
        let lastStep = firstStep + stepCount - 1
        try requireEntriesWithinLimit(keptSteps: policy.keptCount(firstStep: firstStep, lastStep: lastStep))
        let rate = spec.steps > 0 ? learningRate : nil
        var parameters = initial
        var kept: [StepRecord<Value>] = []
        var losses: [Value] = []
        losses.reserveCapacity(stepCount)
        for number in firstStep...lastStep {
            let keep = policy.keeps(step: number, firstStep: firstStep, lastStep: lastStep)
            let record: StepRecord<Value>
            do {
                record = try step(number, parameters: parameters, learningRate: rate, recording: keep)
            } catch {
                // The first step from the spec's own parameters has seen no update until its
                // own; past that, the updates had a part in whatever overflowed.
                throw Self.blaming(error, updatesBefore: number > firstStep || start != nil)
            }
            losses.append(record.loss)
            onStep?(record)
            if keep { kept.append(record) }
            if let updated = record.updated { parameters = updated }
        }
        // The loss the last update leads to, for the report's last word on the run.
        var finalLoss: Value?
        if rate != nil && policy.keepsFinalLoss {
            do {
                var a = input, z = input
                for (index, layer) in parameters.enumerated() {
                    let record = try forward(layerAt: index, parameters: layer, input: a, step: lastStep + 1)
                    (a, z) = (record.a, record.z)
                }
                finalLoss = try loss(output: a, target: target, step: lastStep + 1, logits: z)
            } catch {
                throw Self.blaming(error, updatesBefore: true)
            }
        }
        return Trace(spec: spec, input: input, target: target, learningRate: learningRate,
                     firstStep: firstStep, stepCount: stepCount, steps: kept, losses: losses,
                     initialParameters: initial, finalParameters: parameters, lossFactors: lossFactors,
                     finalLoss: finalLoss, startsFromSpec: start == nil)
    }

    /// One whole step from `parameters` on the spec's input and target: forward, loss,
    /// backward, gradients, and the update when `learningRate` is given. `recording` records
    /// the transposes a report shows.
    @_specialize(where Value == Double)
    @_specialize(where Value == Rational)
    public func step(_ number: Int, parameters: [LayerParameters<Value>], learningRate: Value?,
                     recording: Bool) throws(EngineError) -> StepRecord<Value> {
        // Every list sized once: no regrowth per step.
        var forward: [ForwardRecord<Value>] = []
        forward.reserveCapacity(parameters.count)
        var a = input
        var columns: SoftmaxColumnSums<Value>?
        for (index, layer) in parameters.enumerated() {
            let record: ForwardRecord<Value>
            (record, columns) = try forwardKeepingColumns(layerAt: index, parameters: layer, input: a, step: number)
            forward.append(record)
            a = record.a
        }
        // The output layer's softmax sums, if it has them: its exponentials are not taken twice.
        let loss = try self.loss(output: a, target: target, step: number, logits: forward[forward.count - 1].z,
                                 columns: columns)

        let last = parameters.count - 1
        var backward: [BackwardRecord<Value>] = []
        backward.reserveCapacity(parameters.count)
        backward.append(try outputDelta(forward: forward[last], target: target, step: number))
        for index in stride(from: last - 1, through: 0, by: -1) {
            // backward.last is the layer above, recorded in the previous turn of this loop.
            backward.append(try hiddenDelta(forward: forward[index], weightsAbove: parameters[index + 1].weights,
                                            deltaAbove: backward[backward.count - 1].delta, step: number,
                                            recordingTranspose: recording))
        }

        var gradients: [GradientRecord<Value>] = []
        gradients.reserveCapacity(parameters.count)
        for (index, layer) in parameters.enumerated() {
            gradients.append(try gradient(layer: layer.layer, delta: backward[last - index].delta,
                                          previousActivation: index == 0 ? input : forward[index - 1].a,
                                          step: number, recordingTranspose: recording))
        }

        var updated: [LayerParameters<Value>]?
        if let learningRate {
            var layers: [LayerParameters<Value>] = []
            layers.reserveCapacity(parameters.count)
            for (layer, gradient) in zip(parameters, gradients) {
                layers.append(try update(layer, gradient: gradient, learningRate: learningRate, step: number))
            }
            try requireDigitsWithinLimit(layers, step: number)
            updated = layers
        }
        return StepRecord(step: number, parameters: parameters, forward: forward, loss: loss,
                          backward: backward, gradients: gradients, updated: updated)
    }
}
