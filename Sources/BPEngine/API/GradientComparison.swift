/// One entry's backprop gradient beside the finite difference of the loss it was compared with.
public struct GradientComparison: Sendable, Equatable {
    /// How the finite difference was taken.
    public enum Formula: String, Sendable, Equatable {
        /// (L(θ+h) − L(θ−h)) / 2h.
        case central
        /// (−3 L(θ) + 4 L(θ+h) − L(θ+2h)) / 2h, from above a kink.
        case forward
        /// (3 L(θ) − 4 L(θ−h) + L(θ−2h)) / 2h, from below a kink.
        case backward
    }

    /// The entry compared.
    public let entry: GradientEntry
    /// The gradient the trace recorded, as a float.
    public let backprop: Double
    /// The finite difference of the float loss.
    public let difference: Double
    /// The most the float loss's rounding can move ``difference``: a gradient closer to it than
    /// this agrees with it as far as the difference can tell.
    public let rounding: Double
    /// The part of |backprop − difference| that ``rounding`` cannot explain, over
    /// max(|backprop|, |difference|, 1e-8); 0 when they agree to within rounding, infinity
    /// when the difference is not finite.
    public let relativeError: Double
    /// The formula the difference came from.
    public let formula: Formula
    /// Whether a relu or leaky_relu unit changes side within θ ± h, so that a central
    /// difference would straddle its kink.
    public let atKink: Bool

    /// A comparison from its parts.
    public init(entry: GradientEntry, backprop: Double, difference: Double, rounding: Double, relativeError: Double,
                formula: Formula, atKink: Bool) {
        self.entry = entry
        self.backprop = backprop
        self.difference = difference
        self.rounding = rounding
        self.relativeError = relativeError
        self.formula = formula
        self.atKink = atKink
    }
}
