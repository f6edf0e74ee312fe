import BPNumerics

/// A layer's weights and bias.
public struct LayerParameters<Value: Scalar>: Sendable, Equatable {
    /// The layer number, as the spec's numbering gives it.
    public let layer: Int
    /// W^l, n_l x n_(l-1).
    public let weights: Matrix<Value>
    /// b^l, n_l x 1.
    public let bias: Matrix<Value>

    /// Parameters from their parts.
    public init(layer: Int, weights: Matrix<Value>, bias: Matrix<Value>) {
        self.layer = layer
        self.weights = weights
        self.bias = bias
    }
}
