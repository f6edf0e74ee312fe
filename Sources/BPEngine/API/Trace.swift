import BPNumerics
import BPSpec

/// Everything a run computed, in order, with nothing formatted: the writers' one source.
public struct Trace<Value: Scalar>: Sendable {
    /// The spec the run was made from (validated and normalised).
    public let spec: NetworkSpec
    /// The input batch a^(numbering) and the target, in the run's arithmetic.
    public let input: Matrix<Value>
    public let target: Matrix<Value>
    public let learningRate: Value?
    /// One record per step; `steps: 0` still gives one (with no update).
    public let steps: [StepRecord<Value>]

    public init(spec: NetworkSpec, input: Matrix<Value>, target: Matrix<Value>, learningRate: Value?, steps: [StepRecord<Value>]) {
        self.spec = spec
        self.input = input
        self.target = target
        self.learningRate = learningRate
        self.steps = steps
    }

    public var arithmetic: Arithmetic { Value.isExact ? .exact : .float }
}

/// One gradient-descent step: the parameters it started from, the forward and backward passes,
/// the gradients and (unless `steps: 0`) the updated parameters.
public struct StepRecord<Value: Scalar>: Sendable {
    /// 1-based.
    public let step: Int
    /// W^l and b^l as they were at the start of the step, first weight layer first.
    public let parameters: [LayerParameters<Value>]
    /// First weight layer first.
    public let forward: [ForwardRecord<Value>]
    /// The loss before the update.
    public let loss: Value
    /// Output layer first.
    public let backward: [BackwardRecord<Value>]
    /// First weight layer first.
    public let gradients: [LayerParameters<Value>]
    /// First weight layer first; `nil` for a forward-and-backward-only run.
    public let updated: [LayerParameters<Value>]?
}

/// A layer's weights and bias (or their gradients).
public struct LayerParameters<Value: Scalar>: Sendable {
    /// The layer number, as the spec's numbering gives it.
    public let layer: Int
    public let weights: Matrix<Value>
    /// n_l x 1.
    public let bias: Matrix<Value>
}

/// z^l = W^l a^(l-1) + b^l and a^l = sigma(z^l).
public struct ForwardRecord<Value: Scalar>: Sendable {
    public let layer: Int
    public let z: Matrix<Value>
    public let a: Matrix<Value>
}

/// delta^l = dL/dz^l, with the factors it was made from, so a report can show the working.
public struct BackwardRecord<Value: Scalar>: Sendable {
    public let layer: Int
    public let delta: Matrix<Value>
    public let working: DeltaWorking<Value>
}

/// How a delta was obtained.
public enum DeltaWorking<Value: Scalar>: Sendable {
    /// Output layer: delta = dL/da ⊙ sigma'(z).
    case output(lossGradient: Matrix<Value>, derivative: Matrix<Value>)
    /// Output layer, softmax with cross-entropy or sigmoid with binary cross-entropy:
    /// delta = (a - t) / `divisor`, the derivative folded into the loss.
    case combinedOutput(difference: Matrix<Value>, divisor: Int)
    /// Hidden layer: delta = ((W^(l+1))^T delta^(l+1)) ⊙ sigma'(z).
    case hidden(propagated: Matrix<Value>, derivative: Matrix<Value>)
}
