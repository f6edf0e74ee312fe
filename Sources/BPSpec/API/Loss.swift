/// A loss function of the spec's table, over the output a and target t.
public enum Loss: String, Sendable, Equatable, CaseIterable {
    /// 1/2 sum (a - t)^2
    case halfSSE = "half_sse"
    /// sum (a - t)^2
    case sse
    /// 1/N sum (a - t)^2 over all N entries (torch.nn.MSELoss)
    case mse
    /// -1/m sum t log a, after a softmax output
    case crossEntropy = "cross_entropy"
    /// -1/N sum [t log a + (1 - t) log(1 - a)], after a sigmoid output
    case binaryCrossEntropy = "binary_cross_entropy"

    /// The spec's name for it.
    public var name: String { rawValue }

    /// Whether it maps rationals to rationals.
    public var isExact: Bool {
        switch self {
        case .halfSSE, .sse, .mse: return true
        case .crossEntropy, .binaryCrossEntropy: return false
        }
    }
}
