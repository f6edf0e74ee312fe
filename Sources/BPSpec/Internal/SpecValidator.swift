import BPNumerics

/// The checks that need the whole spec: shapes that chain, where softmax may stand, what exact
/// arithmetic allows, and the size of the run. Errors point at the key that is wrong.
struct SpecValidator {
    var spec: NetworkSpec
    let locations: [String: SourceLocation]
    let file: String?
    let limits: Limits
    /// The parser's numbers that may not fit a double, in reading order.
    var floatRangeSuspects: [FloatRangeSuspect] = []

    /// Checks the spec and returns it normalised (a flat target of a one-unit output over a
    /// batch becomes the 1 x m row it stands for).
    mutating func validated() throws(SpecError) -> NetworkSpec {
        try checkTraining()
        try checkShapes()
        try checkActivationsAndLoss()
        try checkFloatRange()
        try checkTargets()
        try checkSize()
        try checkNamesAndExplanations()
        try spec.validate(claims: spec.claims, file: file)
        return spec
    }

    private func checkTraining() throws(SpecError) {
        if spec.steps < 0 {
            throw error("steps", "must be 0 or more, not \(spec.steps)")
        }
        if spec.steps > limits.maxSteps {
            throw error("steps", "\(spec.steps) steps is more than the limit of \(limits.maxSteps); raise it with --max-steps")
        }
        if spec.steps > 0 && spec.learningRate == nil {
            throw error("learning_rate", at: "steps", "missing: it is required when steps is \(spec.steps) (only steps: 0 runs without one)")
        }
    }

    private mutating func checkShapes() throws(SpecError) {
        var width = spec.input.rows
        var widthSource = "the input has \(width) rows"
        for (index, layer) in spec.layers.enumerated() {
            let key = "layers[\(index)]"
            let number = spec.layerNumber(ofIndex: index)
            if layer.weights.columns != width {
                throw error(key + ".weights", "\(layer.weights.rows) x \(layer.weights.columns), but \(widthSource), so W^\(number) needs \(width) columns")
            }
            if layer.hasBias && (layer.bias.columns != 1 || layer.bias.rows != layer.weights.rows) {
                throw error(key + ".bias", "\(layer.bias.rows) x \(layer.bias.columns), but layer \(number) has \(layer.weights.rows) units, so b^\(number) needs \(layer.weights.rows) entries")
            }
            width = layer.weights.rows
            widthSource = "layer \(number) has \(width) units"
        }
        let batch = spec.batchSize
        let target = spec.target
        if target.columns == 1 && batch > 1 && width == 1 && target.rows == batch {
            spec.target = target.transposed
        } else if target.rows != width || target.columns != batch {
            throw error("target", "\(target.rows) x \(target.columns), but the output layer has \(width) unit\(width == 1 ? "" : "s") and the batch has \(batch) sample\(batch == 1 ? "" : "s"), so the target must be \(width) x \(batch)")
        }
    }

    /// Unit names match the layers' widths, and every parameter to explain exists.
    private func checkNamesAndExplanations() throws(SpecError) {
        if let names = spec.inputUnits, names.count != spec.input.rows {
            throw error("input_units", "\(names.count) name\(names.count == 1 ? "" : "s"), but the input has \(spec.input.rows) units")
        }
        for (index, layer) in spec.layers.enumerated() {
            if let names = layer.units, names.count != layer.width {
                throw error("layers[\(index)].units", "\(names.count) name\(names.count == 1 ? "" : "s"), but layer \(spec.layerNumber(ofIndex: index)) has \(layer.width) units")
            }
        }
        for (index, hint) in spec.show.enumerated() {
            guard let parsed = ShowHint(parsing: hint) else {
                throw error("show[\(index)]", "'\(hint)' is neither a section (\(ShowHint.sections.joined(separator: ", "))) nor a layer's quantity such as z2 (\(ShowHint.quantities.joined(separator: ", ")) and a layer number)")
            }
            guard case let .quantity(_, layer) = parsed else { continue }
            let first = spec.layerNumber(ofIndex: 0)
            guard (first...spec.outputLayerNumber).contains(layer) else {
                throw error("show[\(index)]", "'\(hint)' names layer \(layer), but the weight layers are \(first) to \(spec.outputLayerNumber)")
            }
        }
        for (index, target) in spec.explain.enumerated() {
            let key = "explain[\(index)]"
            let first = spec.layerNumber(ofIndex: 0)
            guard (first...spec.outputLayerNumber).contains(target.layer) else {
                throw error(key, "\(target) names layer \(target.layer), but the weight layers are \(first) to \(spec.outputLayerNumber)")
            }
            let layer = spec.layers[target.layer - first]
            guard (1...layer.width).contains(target.row) else {
                throw error(key, "\(target): layer \(target.layer) has \(layer.width) units, so the row is 1 to \(layer.width)")
            }
            if let column = target.column, !(1...layer.weights.columns).contains(column) {
                throw error(key, "\(target): W^\(target.layer) has \(layer.weights.columns) columns, so the column is 1 to \(layer.weights.columns)")
            }
            if target.parameter == .bias && !layer.hasBias {
                throw error(key, "\(target): layer \(target.layer) has no bias")
            }
        }
    }

    private func checkActivationsAndLoss() throws(SpecError) {
        let last = spec.layers.count - 1
        for (index, layer) in spec.layers.enumerated() {
            let key = "layers[\(index)].activation"
            if layer.activation == .softmax {
                if index != last {
                    throw error(key, "softmax may only be the output layer's activation (it is layer \(spec.layerNumber(ofIndex: index)) of \(spec.outputLayerNumber))")
                }
                if spec.loss != .crossEntropy {
                    throw error(key, "softmax goes with loss: cross_entropy, not \(spec.loss.name)")
                }
            }
            if spec.arithmetic == .exact && !layer.activation.isExact {
                throw error(key, "\(layer.activation.name) is not exact (it leaves the rationals), but arithmetic is exact; use arithmetic: float or auto")
            }
        }
        let output = spec.layers[last].activation
        if spec.loss == .crossEntropy && output != .softmax {
            throw error("loss", "cross_entropy needs a softmax output layer, but layer \(spec.outputLayerNumber) uses \(output.name)")
        }
        if spec.loss == .binaryCrossEntropy && output != .sigmoid {
            throw error("loss", "binary_cross_entropy needs a sigmoid output layer, but layer \(spec.outputLayerNumber) uses \(output.name)")
        }
        if spec.arithmetic == .exact && !spec.loss.isExact {
            throw error("loss", "\(spec.loss.name) is not exact (it takes logarithms), but arithmetic is exact; use arithmetic: float or auto")
        }
    }

    /// A float run reads every given number as a double: one that would become infinite or 0
    /// is refused at its own line, not where the run would first stumble on it. (A claim is
    /// only compared, so it may be anything.)
    private func checkFloatRange() throws(SpecError) {
        guard spec.resolvedArithmetic == .float else { return }
        for suspect in floatRangeSuspects where !suspect.key.hasPrefix("claimed") {
            if let problem = FloatRange.problem(suspect.value) {
                throw SpecError(file: file, line: suspect.location.line, column: suspect.location.column,
                                key: suspect.key, message: problem)
            }
        }
    }

    private func checkTargets() throws(SpecError) {
        let target = spec.target
        switch spec.loss {
        case .crossEntropy:
            for j in 0..<target.columns {
                let column = (0..<target.rows).map { target[$0, j].exact }
                if column.contains(where: { $0.signum < 0 }) {
                    throw error("target", "cross_entropy targets must be non-negative; sample \(j + 1) has a negative entry")
                }
                let sum = column.reduce(Rational.zero, +)
                if abs(sum.doubleValue - 1) > 1e-9 {
                    throw error("target", "each cross_entropy target column must sum to 1; sample \(j + 1) sums to \(sum)")
                }
            }
        case .binaryCrossEntropy:
            if target.entries.contains(where: { $0.exact.signum < 0 || $0.exact > Rational.one }) {
                throw error("target", "binary_cross_entropy targets must lie in [0, 1]")
            }
        default:
            break
        }
    }

    /// One step's matrices must fit under the entry limit; how many steps a run may keep is
    /// the engine's check, since only it knows which steps the run will record.
    private func checkSize() throws(SpecError) {
        let perStep = spec.entriesPerStep
        if perStep > limits.maxEntries {
            throw error("layers", "one step would record \(perStep) matrix entries, more than the limit of \(limits.maxEntries); raise it with --max-entries or use a smaller network or batch")
        }
    }

    /// An error for `key`, placed at `place` (default: the key itself), else at its parent's
    /// line, else at the top of the spec.
    private func error(_ key: String, at place: String? = nil, _ message: String) -> SpecError {
        let anchor = place ?? key
        let location = locations[anchor] ?? locations[String(anchor.prefix { $0 != "." && $0 != "[" })] ?? locations[""]
        return SpecError(file: file, line: location?.line, column: location?.column, key: key, message: message)
    }
}

extension NetworkSpec {
    /// Checks a spec built in code (the reader checks the specs it reads) and returns it normalised.
    public func validated(limits: Limits = .default) throws(SpecError) -> NetworkSpec {
        var validator = SpecValidator(spec: self, locations: [:], file: nil, limits: limits)
        return try validator.validated()
    }
}
