import BPNumerics

/// delta^l = dL/dz^l, with the factors it was made from, so a report can show the working.
public struct BackwardRecord<Value: Scalar>: Sendable, Equatable {
    /// The layer number l.
    public let layer: Int
    /// delta^l, n_l x m.
    public let delta: Matrix<Value>
    /// How delta^l was obtained.
    public let working: DeltaWorking<Value>

    /// A backward record from its parts.
    public init(layer: Int, delta: Matrix<Value>, working: DeltaWorking<Value>) {
        self.layer = layer
        self.delta = delta
        self.working = working
    }
}
