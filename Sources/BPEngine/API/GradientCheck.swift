import BPNumerics
import BPSpec

/// Checks a step's backprop gradients against finite differences of the loss, layer by layer.
///
/// Whatever the arithmetic of the run, the differences are taken in float: the step's
/// parameters are converted to `Double` and a float ``Engine`` for the same spec computes the
/// loss with one entry θ moved by h = 1e-6 · max(1, |θ|), through its public stages. Each
/// entry's backprop gradient g is compared with the central difference
/// n = (L(θ+h) − L(θ−h)) / 2h; its relative error is the part of |g − n| that the loss's
/// rounding cannot explain, over max(|g|, |n|, 1e-8). (A float loss carries rounding of a few
/// ulps, which the difference divides by 2h: without that allowance a gradient small beside
/// the loss would fail however right it is.) A layer passes when its largest relative error is
/// within the tolerance.
///
/// - Kinks: relu and leaky_relu have none of a derivative at z = 0 (the engine takes the
///   negative side's slope there). When a unit of a kinked layer changes side between θ − h, θ
///   and θ + h, a central difference straddles the kink, so the entry is compared instead
///   with the second-order one-sided differences from each side whose points lie on one
///   branch, and passes when either matches.
/// - Large layers: at most ``maxEntriesPerLayer`` entries of a layer are compared, evenly
///   spaced over W (row by row) and then b, the same ones every time.
public struct GradientCheck: Sendable, Equatable {
    /// The relative error an entry may have (a negative or NaN tolerance fails every entry).
    public let tolerance: Double
    /// The most entries compared per layer (at least 1).
    public let maxEntriesPerLayer: Int
    /// The limits the float engine validates the spec against.
    public let limits: Limits

    /// The tolerance a check takes unless told otherwise.
    public static let defaultTolerance = 1e-6
    /// The sample size a check takes unless told otherwise.
    public static let defaultMaxEntriesPerLayer = 64

    /// A check with its tolerance and sample size.
    public init(tolerance: Double = defaultTolerance, maxEntriesPerLayer: Int = defaultMaxEntriesPerLayer, limits: Limits = .default) {
        self.tolerance = tolerance
        self.maxEntriesPerLayer = max(1, maxEntriesPerLayer)
        self.limits = limits
    }

    /// Checks the trace's first recorded step: its parameters at the start of the step and the
    /// gradients it recorded.
    public func check<Value: Scalar>(_ trace: Trace<Value>) throws(EngineError) -> GradientCheckResult {
        guard let first = trace.steps.first else {
            throw .uncheckableGradients("the trace keeps no step")
        }
        return try check(spec: trace.spec, parameters: first.parameters, gradients: first.gradients, step: first.step)
    }

    /// Checks `gradients` (one record per layer, first weight layer first) as the gradients of
    /// `spec`'s loss at `parameters`; `step` only names the step in errors and the result. A
    /// test can hand in gradients it broke on purpose.
    public func check<Value: Scalar>(spec: NetworkSpec, parameters: [LayerParameters<Value>],
                                     gradients: [GradientRecord<Value>], step: Int = 1) throws(EngineError) -> GradientCheckResult {
        let engine = try Engine<Double>(spec: spec, limits: limits)
        // Closures, not key paths (`map(\.doubleValue)`): a generic key path is made at run time
        // from its mangled name, a fresh process's conformance searches.
        let floats = parameters.map {
            LayerParameters(layer: $0.layer, weights: $0.weights.map { $0.doubleValue }, bias: $0.bias.map { $0.doubleValue })
        }
        do {
            try engine.requireFitsNetwork(floats)
        } catch {
            // Worded for a run that continues from parameters; reworded for this check.
            switch error {
            case let .parametersMismatch(reason): throw .uncheckableGradients("the parameters do not fit the network: \(reason)")
            default: throw error
            }
        }
        try requireFits(gradients, floats)
        let probe = try LossProbe(engine: engine, parameters: floats, step: step)
        var layers: [LayerGradientCheck] = []
        for (index, layer) in floats.enumerated() {
            let weights = gradients[index].weights.map { $0.doubleValue }
            let bias = gradients[index].bias.map { $0.doubleValue }
            try engine.requireFinite(weights, step: step, layer: layer.layer, "dL/dW^\(layer.layer) as a float")
            let hasBias = engine.spec.layers[index].hasBias
            if hasBias { try engine.requireFinite(bias, step: step, layer: layer.layer, "dL/db^\(layer.layer) as a float") }
            let total = layer.weights.entries.count + (hasBias ? layer.bias.entries.count : 0)
            let base = try probe.point(layerAt: index)
            var largest: GradientComparison?
            var comparisons: [GradientComparison] = []
            var kinks = 0, passed = true
            for flat in Self.sample(total, maxEntriesPerLayer) {
                let gradient = flat < weights.entries.count ? weights.entries[flat] : bias.entries[flat - weights.entries.count]
                let comparison = try compare(entry: flat, ofLayerAt: index, gradient: gradient, base: base, probe: probe)
                comparisons.append(comparison)
                if comparison.atKink { kinks += 1 }
                // Written so that a NaN tolerance fails.
                if !(comparison.relativeError <= tolerance) { passed = false }
                if largest.map({ comparison.relativeError > $0.relativeError }) ?? true { largest = comparison }
            }
            guard let largest else { throw .uncheckableGradients("layer \(layer.layer) has no entries") }
            layers.append(LayerGradientCheck(layer: layer.layer, largest: largest, comparisons: comparisons,
                                             totalEntries: total, kinkEntries: kinks, passed: passed))
        }
        return GradientCheckResult(step: step, tolerance: tolerance, layers: layers)
    }

    /// One entry's gradient against the difference of the loss around it.
    private func compare(entry flat: Int, ofLayerAt index: Int, gradient: Double, base: LossProbe.Point,
                         probe: LossProbe) throws(EngineError) -> GradientComparison {
        let layer = probe.parameters[index]
        let count = layer.weights.entries.count
        let theta = flat < count ? layer.weights.entries[flat] : layer.bias.entries[flat - count]
        let entry = flat < count
            ? GradientEntry(parameter: .weights, row: flat / layer.weights.columns + 1, column: flat % layer.weights.columns + 1)
            : GradientEntry(parameter: .bias, row: flat - count + 1, column: 1)
        let h = 1e-6 * max(1, abs(theta))
        let (up, down) = (theta + h, theta - h)
        let above = try probe.point(layerAt: index, setting: (flat, up))
        let below = try probe.point(layerAt: index, setting: (flat, down))
        let central = DifferenceQuotient(at: theta, points: [(down, below.loss), (up, above.loss)])
        func comparison(_ quotient: DifferenceQuotient, _ formula: GradientComparison.Formula, atKink: Bool) -> GradientComparison {
            GradientComparison(entry: entry, backprop: gradient, difference: quotient.value, rounding: quotient.rounding,
                               relativeError: quotient.relativeError(of: gradient), formula: formula, atKink: atKink)
        }
        guard probe.hasKink(atOrAbove: index), above.sides != base.sides || below.sides != base.sides else {
            return comparison(central, .central, atKink: false)
        }
        // A unit changes side within θ ± h. From each side whose two points θ ± h and θ ± 2h lie
        // on one branch, the second-order one-sided difference: its error is O(h²), as a central
        // difference's, so the same tolerance holds. It takes L(θ) on that branch too, which is
        // exact when θ sits on the kink (z = 0) and off by the kink's distance over h when θ is
        // just across it (an exact 0 rounded to a float, say). The backprop gradient passes if
        // it matches either side: the engine takes one side's slope at z = 0.
        var best: GradientComparison?
        for (near, point, formula) in [(up, above, GradientComparison.Formula.forward), (down, below, .backward)] {
            let far = near + (near - theta)
            let farPoint = try probe.point(layerAt: index, setting: (flat, far))
            guard farPoint.sides == point.sides else { continue }
            let quotient = DifferenceQuotient(at: theta, points: [(theta, base.loss), (near, point.loss), (far, farPoint.loss)])
            let candidate = comparison(quotient, formula, atKink: true)
            if best.map({ candidate.relativeError < $0.relativeError }) ?? true { best = candidate }
        }
        // Kinks on both sides within 2h: the central difference is all there is.
        return best ?? comparison(central, .central, atKink: true)
    }

    /// `limit` of `total` flat indices, evenly spaced from the first to the last; all of them
    /// when there are no more than `limit`.
    static func sample(_ total: Int, _ limit: Int) -> [Int] {
        guard total > limit else { return Array(0..<total) }
        guard limit > 1 else { return [0] }
        // k (total − 1) / (limit − 1) in full width: no overflow whatever the sizes; the steps
        // are at least 1, so the indices are distinct.
        return (0..<limit).map { k in
            let product = k.multipliedFullWidth(by: total - 1)
            return (limit - 1).dividingFullWidth((high: product.high, low: product.low)).quotient
        }
    }

    /// One gradient record per layer, numbered as the parameters and of their shapes.
    private func requireFits(_ gradients: [GradientRecord<some Scalar>], _ parameters: [LayerParameters<Double>]) throws(EngineError) {
        guard gradients.count == parameters.count else {
            throw .uncheckableGradients("there are \(gradients.count) gradient records for \(parameters.count) weight layers")
        }
        for (gradient, layer) in zip(gradients, parameters) {
            guard gradient.layer == layer.layer else {
                throw .uncheckableGradients("a gradient record is numbered layer \(gradient.layer) where layer \(layer.layer) is expected")
            }
            for (name, matrix, expected) in [("W", gradient.weights.shape, layer.weights.shape), ("b", gradient.bias.shape, layer.bias.shape)]
            where matrix != expected {
                throw .uncheckableGradients("dL/d\(name)^\(layer.layer) is \(matrix.rows) x \(matrix.columns), but \(name)^\(layer.layer) is \(expected.rows) x \(expected.columns)")
            }
        }
    }
}

private extension Matrix {
    var shape: Shape { Shape(rows: rows, columns: columns) }
}

private struct Shape: Equatable {
    let rows: Int
    let columns: Int
}
