import BPSpec

/// The constant factors of a loss, so a report can write L and dL/da without recomputing them
/// from the spec.
///
/// `L = scale · Σ terms`, where a term is (a - t)^2 for the squared losses, t log a for
/// cross_entropy and t log a + (1 - t) log(1 - a) for binary_cross_entropy; and
/// `dL/da = gradientScale · (a - t)` for the squared losses.
public struct LossFactors: Sendable, Hashable {
    /// half_sse 1/2, sse 1, mse 1/N, cross_entropy -1/m, binary_cross_entropy -1/N
    /// (N: every output entry, m: samples in the batch).
    public let scale: IntegerRatio
    /// half_sse 1, sse 2, mse 2/N; `nil` for the two losses combined with their output
    /// activation, whose divisor ``DeltaWorking/combinedOutput(difference:divisor:)`` records.
    public let gradientScale: IntegerRatio?

    /// Factors from their parts.
    public init(scale: IntegerRatio, gradientScale: IntegerRatio?) {
        self.scale = scale
        self.gradientScale = gradientScale
    }

    /// The factors of `loss` over an output of `outputUnits` x `batchSize` entries.
    public init(loss: Loss, outputUnits: Int, batchSize: Int) {
        let entries = outputUnits * batchSize
        switch loss {
        case .halfSSE: self.init(scale: IntegerRatio(1, 2), gradientScale: IntegerRatio(1))
        case .sse: self.init(scale: IntegerRatio(1), gradientScale: IntegerRatio(2))
        case .mse: self.init(scale: IntegerRatio(1, entries), gradientScale: IntegerRatio(2, entries))
        case .crossEntropy: self.init(scale: IntegerRatio(-1, batchSize), gradientScale: nil)
        case .binaryCrossEntropy: self.init(scale: IntegerRatio(-1, entries), gradientScale: nil)
        }
    }
}
