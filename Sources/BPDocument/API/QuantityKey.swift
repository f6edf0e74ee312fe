/// What a computed value in a document is: the step, the layer and the quantity, so that a
/// handout can blank it, a checker can address it and a page can link it.
public struct QuantityKey: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// 1-based step of the run.
    public var step: Int
    /// The layer number, in the document's own numbering; `nil` for the loss.
    public var layer: Int?
    public var quantity: Quantity
    /// Shown transposed, as (a^(l-1))^T in a gradient.
    public var transposed: Bool
    /// One entry of the quantity (1-based row and column, untransposed), as a worked line
    /// substitutes it; `nil` for the whole matrix.
    public var entry: QuantityEntry?

    public init(step: Int, layer: Int?, quantity: Quantity, transposed: Bool = false, entry: QuantityEntry? = nil) {
        self.step = step
        self.layer = layer
        self.quantity = quantity
        self.transposed = transposed
        self.entry = entry
    }

    /// A compact, stable name such as `s1.l3.delta` or `s2.l2.a.T`, for anchors and attributes.
    public var description: String {
        var parts = ["s\(step)"]
        if let layer { parts.append("l\(layer)") }
        parts.append(quantity.rawValue)
        if transposed { parts.append("T") }
        return parts.joined(separator: ".") + (entry.map { "[\($0.row),\($0.column)]" } ?? "")
    }
}

/// One entry of a matrix, 1-based.
public struct QuantityEntry: Sendable, Equatable, Hashable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// Which value of a layer (or the loss) a ``QuantityKey`` names. Open: a stage that computes
/// something new names it with a raw value of its own.
public struct Quantity: RawRepresentable, Sendable, Equatable, Hashable {
    public var rawValue: String
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
