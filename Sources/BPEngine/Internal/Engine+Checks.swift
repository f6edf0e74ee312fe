import BPNumerics
import BPSpec

// The checks that stop a run, with the messages the user sees.
extension Engine {
    /// `cause` is `.updates` where the update itself overflowed; elsewhere `run` decides. The
    /// quantity's name is only spelled out when it is needed (it is checked several times a
    /// step).
    func requireFinite(_ matrix: Matrix<Value>, step: Int, layer: Int, _ quantity: @autoclosure () -> String,
                       cause: NonFiniteCause = .unknown) throws(EngineError) {
        guard !Value.isExact else { return }
        if !matrix.entries.withUnsafeBufferPointer({ Value.allFinite($0) }) {
            throw .nonFinite(step: step, layer: layer, quantity: quantity(), cause: cause)
        }
    }

    /// The same check and error, when the pass that made the matrix found `isFinite` itself.
    func requireFinite(_ isFinite: Bool, step: Int, layer: Int, _ quantity: @autoclosure () -> String,
                       cause: NonFiniteCause = .unknown) throws(EngineError) {
        guard !Value.isExact else { return }
        if !isFinite { throw .nonFinite(step: step, layer: layer, quantity: quantity(), cause: cause) }
    }

    /// A run's own error with the cause of a non-finite value filled in where the stage left
    /// it open: the updates when any came before, else the spec's given values.
    static func blaming(_ error: EngineError, updatesBefore: Bool) -> EngineError {
        guard case let .nonFinite(step, layer, quantity, .unknown) = error else { return error }
        return .nonFinite(step: step, layer: layer, quantity: quantity, cause: updatesBefore ? .updates : .givenValues)
    }

    /// Exact weights grow about threefold in digits a step; stop before they swamp the machine.
    func requireDigitsWithinLimit(_ layers: [LayerParameters<Value>], step: Int) throws(EngineError) {
        guard Value.isExact else { return }
        var widest = 0
        for layer in layers {
            for value in layer.weights.entries { widest = max(widest, value.digitCount) }
            for value in layer.bias.entries { widest = max(widest, value.digitCount) }
        }
        if widest > limits.maxDigits {
            throw .digitLimit(step: step, digits: widest, limit: limits.maxDigits)
        }
    }

    /// Memory follows the steps kept, so only they count against the entry limit (the spec
    /// reader has already checked that one step fits).
    func requireEntriesWithinLimit(keptSteps: Int) throws(EngineError) {
        let perStep = spec.entriesPerStep
        let (total, overflow) = perStep.multipliedReportingOverflow(by: keptSteps)
        if overflow || total > limits.maxEntries {
            throw .entryLimit(entries: overflow ? nil : total, perStep: perStep, keptSteps: keptSteps, limit: limits.maxEntries)
        }
    }

    /// Parameters to continue from must be the spec's layers, in order, with the spec's shapes.
    func requireFitsNetwork(_ parameters: [LayerParameters<Value>]) throws(EngineError) {
        guard parameters.count == spec.layers.count else {
            throw .parametersMismatch("they have \(parameters.count) weight layer\(parameters.count == 1 ? "" : "s"), but the spec has \(spec.layers.count)")
        }
        for (index, (given, layer)) in zip(parameters, spec.layers).enumerated() {
            let number = spec.layerNumber(ofIndex: index)
            if given.layer != number {
                throw .parametersMismatch("entry \(index + 1) is numbered layer \(given.layer), but the spec's weight layer \(index + 1) is layer \(number)")
            }
            for (name, matrix, expected) in [("W", given.weights, layer.weights.shape), ("b", given.bias, layer.bias.shape)]
            where (matrix.rows, matrix.columns) != expected {
                throw .parametersMismatch("\(name)^\(number) is \(matrix.rows) x \(matrix.columns), but the spec's is \(expected.0) x \(expected.1)")
            }
        }
    }
}

private extension Matrix {
    var shape: (Int, Int) { (rows, columns) }
}
