import BPNumerics

/// dL/dW^l = delta^l (a^(l-1))^T and dL/db^l, delta^l summed over the batch.
public struct GradientRecord<Value: Scalar>: Sendable, Equatable {
    /// The layer number l.
    public let layer: Int
    /// dL/dW^l, n_l x n_(l-1).
    public let weights: Matrix<Value>
    /// dL/db^l, n_l x 1.
    public let bias: Matrix<Value>
    /// (a^(l-1))^T, m x n_(l-1), recorded when the step is (`nil` otherwise: the product
    /// never builds it).
    public let transposedActivation: Matrix<Value>?

    /// A gradient record from its parts.
    public init(layer: Int, weights: Matrix<Value>, bias: Matrix<Value>, transposedActivation: Matrix<Value>? = nil) {
        self.layer = layer
        self.weights = weights
        self.bias = bias
        self.transposedActivation = transposedActivation
    }
}
