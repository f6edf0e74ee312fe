import BPNumerics

/// Each column's largest logit and the sum of its exponentials less that peak, as softmax works
/// them out: handed from the output layer's activation to the stable cross-entropy, which needs
/// the same two and would otherwise take every exponential again.
struct SoftmaxColumnSums<Value: Scalar> {
    /// Each column's largest entry.
    let peaks: [Value]
    /// Each column's Σ e^(z − peak), added from row 0 down.
    let sums: [Value]
}
