/// Which value of a layer (or the loss) a ``QuantityKey`` names. Open: a stage that computes
/// something new names it with a raw value of its own.
public struct Quantity: RawRepresentable, Sendable, Equatable, Hashable {
    /// The short name in a key's description (`delta` in `s1.l2.delta`).
    public var rawValue: String
    /// A quantity of any name, for a stage the constants below do not cover.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// z^l = W^l a^(l-1) + b^l.
    public static let z = Quantity(rawValue: "z")
    /// a^l = σ(z^l).
    public static let a = Quantity(rawValue: "a")
    /// δ^l = ∂L/∂z^l.
    public static let delta = Quantity(rawValue: "delta")
    /// ∂L/∂W^l.
    public static let weightGradient = Quantity(rawValue: "dW")
    /// ∂L/∂b^l.
    public static let biasGradient = Quantity(rawValue: "db")
    /// W^l at the start of the step (computed from step 2 on).
    public static let weights = Quantity(rawValue: "W")
    /// b^l at the start of the step (computed from step 2 on).
    public static let bias = Quantity(rawValue: "b")
    /// W^l after the step's update.
    public static let updatedWeights = Quantity(rawValue: "W+")
    /// b^l after the step's update.
    public static let updatedBias = Quantity(rawValue: "b+")
    /// The loss before the step's update.
    public static let loss = Quantity(rawValue: "loss")
    /// ∂L/∂a^L, a factor of the output delta.
    public static let lossGradient = Quantity(rawValue: "dLda")
    /// σ'(z^l), a factor of δ^l.
    public static let derivative = Quantity(rawValue: "dsigma")
    /// a^L − t, the output delta's factor for the combined losses.
    public static let difference = Quantity(rawValue: "a-t")
    /// (W^(l+1))^T δ^(l+1), a hidden delta's factor before σ′.
    public static let propagated = Quantity(rawValue: "WTdelta")
}
