/// A finite-difference estimate of dL/dθ at θ from the loss at a few points, with the size of
/// the rounding it may carry.
struct DifferenceQuotient {
    let value: Double
    /// The most the float loss's rounding can move ``value``: 8 ulps of the largest loss used
    /// times the sum of the formula's coefficients' sizes. (Over the 120 random networks of
    /// the finite-difference tests the worst rounding seen is 1 ulp of the loss.)
    let rounding: Double

    /// The derivative at `theta` of the polynomial through the points (Lagrange): the central
    /// difference for θ−h and θ+h, the second-order one-sided one for θ, θ±h and θ±2h. The
    /// steps are those the doubles really took, not the nominal h.
    init(at theta: Double, points: [(x: Double, loss: Double)]) {
        var value = 0.0, size = 0.0, largest = 0.0
        for (i, point) in points.enumerated() {
            // d/dx of the i-th Lagrange basis polynomial at theta: the sum over k ≠ i of the
            // product over j ∉ {i, k} of (theta − x_j), over the product over j ≠ i of (x_i − x_j).
            var numerator = 0.0, denominator = 1.0
            for k in points.indices where k != i {
                denominator *= point.x - points[k].x
                var term = 1.0
                for j in points.indices where j != i && j != k { term *= theta - points[j].x }
                numerator += term
            }
            let coefficient = numerator / denominator
            value += coefficient * point.loss
            size += abs(coefficient)
            largest = max(largest, abs(point.loss))
        }
        self.value = value
        rounding = 8 * Double.ulpOfOne * largest * size
    }

    /// How far `gradient` is from this estimate beyond what rounding explains, relative to the
    /// larger of the two (and at least 1e-8, so zero gradients divide by nothing smaller).
    func relativeError(of gradient: Double) -> Double {
        guard value.isFinite else { return .infinity }
        let excess = max(0, abs(gradient - value) - rounding)
        return excess / max(abs(gradient), abs(value), 1e-8)
    }
}
