import BPNumerics

/// How a delta was obtained.
public enum DeltaWorking<Value: Scalar>: Sendable, Equatable {
    /// Output layer: delta = dL/da ⊙ sigma'(z).
    case output(lossGradient: Matrix<Value>, derivative: Matrix<Value>)
    /// Output layer, softmax with cross-entropy or sigmoid with binary cross-entropy:
    /// delta = (a - t) / `divisor`, the derivative folded into the loss.
    case combinedOutput(difference: Matrix<Value>, divisor: Int)
    /// Hidden layer: delta = ((W^(l+1))^T delta^(l+1)) ⊙ sigma'(z), with (W^(l+1))^T recorded
    /// when the step is (`nil` otherwise: the product never builds it).
    case hidden(propagated: Matrix<Value>, derivative: Matrix<Value>, transposedWeights: Matrix<Value>?)
}
