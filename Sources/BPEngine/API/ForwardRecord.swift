import BPNumerics

/// z^l = W^l a^(l-1) + b^l and a^l = sigma(z^l).
public struct ForwardRecord<Value: Scalar>: Sendable, Equatable {
    /// The layer number l.
    public let layer: Int
    /// z^l, n_l x m.
    public let z: Matrix<Value>
    /// a^l, n_l x m.
    public let a: Matrix<Value>

    /// A forward record from its parts.
    public init(layer: Int, z: Matrix<Value>, a: Matrix<Value>) {
        self.layer = layer
        self.z = z
        self.a = a
    }
}
