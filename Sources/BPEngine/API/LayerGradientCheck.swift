/// One layer's gradient check: the largest relative error over the entries checked, and where.
public struct LayerGradientCheck: Sendable, Equatable {
    /// The layer number, as the spec numbers it.
    public let layer: Int
    /// The entry with the largest relative error (the first such, in W-then-b order).
    public let largest: GradientComparison
    /// Every entry compared, in W-then-b order (row by row).
    public let comparisons: [GradientComparison]
    /// The entries of W^l and (when the layer has one) b^l.
    public let totalEntries: Int
    /// How many of the compared entries sit at a kink (compared with one-sided differences
    /// where a side allows).
    public let kinkEntries: Int
    /// Whether every compared entry is within the tolerance.
    public let passed: Bool

    /// A layer's check from its parts.
    public init(layer: Int, largest: GradientComparison, comparisons: [GradientComparison], totalEntries: Int,
                kinkEntries: Int, passed: Bool) {
        self.layer = layer
        self.largest = largest
        self.comparisons = comparisons
        self.totalEntries = totalEntries
        self.kinkEntries = kinkEntries
        self.passed = passed
    }

    /// How many entries were compared.
    public var checkedEntries: Int { comparisons.count }

    /// The largest relative error over the entries checked.
    public var largestRelativeError: Double { largest.relativeError }

    /// Whether only some of the layer's entries were compared.
    public var isSampled: Bool { checkedEntries < totalEntries }
}
