/// What a computed value in a document is: the step, the layer and the quantity, so that a
/// handout can blank it, a checker can address it and a page can link it.
public struct QuantityKey: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// 1-based step of the run.
    public var step: Int
    /// The layer number, in the document's own numbering; `nil` for the loss.
    public var layer: Int?
    /// Which value of the layer (or the loss).
    public var quantity: Quantity
    /// Shown transposed, as (a^(l-1))^T in a gradient.
    public var transposed: Bool
    /// One entry of the quantity (1-based row and column, untransposed), as a worked line
    /// substitutes it; `nil` for the whole matrix.
    public var entry: QuantityEntry?

    /// A key for `quantity` of `layer` at `step`, the whole matrix unless `entry` names one.
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
