import BPNumerics

/// One gradient-descent step: the parameters it started from, the forward and backward passes,
/// the gradients and (unless `steps: 0`) the updated parameters.
public struct StepRecord<Value: Scalar>: Sendable, Equatable {
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
    public let gradients: [GradientRecord<Value>]
    /// First weight layer first; `nil` for a forward-and-backward-only run.
    public let updated: [LayerParameters<Value>]?

    /// A step from its parts.
    public init(step: Int, parameters: [LayerParameters<Value>], forward: [ForwardRecord<Value>], loss: Value,
                backward: [BackwardRecord<Value>], gradients: [GradientRecord<Value>], updated: [LayerParameters<Value>]?) {
        self.step = step
        self.parameters = parameters
        self.forward = forward
        self.loss = loss
        self.backward = backward
        self.gradients = gradients
        self.updated = updated
    }
}
