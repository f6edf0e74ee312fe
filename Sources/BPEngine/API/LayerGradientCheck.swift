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

    /// The largest plain relative difference |g − n| / max(|g|, |n|) over the entries compared
    /// whose gradient stands well clear of the loss's rounding (a hundred times it), and that
    /// comparison: how closely the gradients agree where the rounding explains every difference
    /// (``largestRelativeError`` 0). Nil when no entry stands clear (every gradient about 0).
    public var largestPlainDifference: (value: Double, comparison: GradientComparison)? {
        var best: (value: Double, comparison: GradientComparison)?
        for comparison in comparisons {
            let scale = max(abs(comparison.backprop), abs(comparison.difference))
            guard scale > 100 * comparison.rounding, scale.isFinite else { continue }
            let difference = abs(comparison.backprop - comparison.difference) / scale
            if best.map({ difference > $0.value }) ?? true { best = (difference, comparison) }
        }
        return best
    }

    /// Whether only some of the layer's entries were compared.
    public var isSampled: Bool { checkedEntries < totalEntries }
}
