import BPNumerics
import BPSpec

/// What a run computed, with nothing formatted: the writers' one source.
///
/// It holds the steps its ``RecordingPolicy`` kept, in full, and the loss of every step run,
/// so its memory follows the steps kept rather than the steps run.
public struct Trace<Value: Scalar>: Sendable {
    /// The spec the run was made from (validated and normalised).
    public let spec: NetworkSpec
    /// The input batch a^(numbering), in the run's arithmetic.
    public let input: Matrix<Value>
    /// The target, in the run's arithmetic.
    public let target: Matrix<Value>
    /// The learning rate; `nil` when the spec has none.
    public let learningRate: Value?
    /// The number of the first step run (1 unless the run continued another).
    public let firstStep: Int
    /// How many steps ran; `steps: 0` still runs one (with no update).
    public let stepCount: Int
    /// The steps the policy kept, in order.
    public let steps: [StepRecord<Value>]
    /// The loss of every step run, in order: `losses[k]` is step `firstStep + k`'s.
    public let losses: [Value]
    /// W^l and b^l at the start of the first step, first weight layer first.
    public let initialParameters: [LayerParameters<Value>]
    /// W^l and b^l after the last update (the initial ones when the spec has `steps: 0`).
    public let finalParameters: [LayerParameters<Value>]
    /// The constant factors of the loss and its gradient.
    public let lossFactors: LossFactors
    /// The loss of ``finalParameters``, after the last update; `nil` when no update was made.
    public let finalLoss: Value?
    /// Whether the run started from the spec's own parameters (its givens); false for a run
    /// that continues another's trained parameters.
    public let startsFromSpec: Bool

    /// A trace from its parts (a checker can build one from a student's values).
    public init(spec: NetworkSpec, input: Matrix<Value>, target: Matrix<Value>, learningRate: Value?,
                firstStep: Int = 1, stepCount: Int, steps: [StepRecord<Value>], losses: [Value],
                initialParameters: [LayerParameters<Value>], finalParameters: [LayerParameters<Value>],
                lossFactors: LossFactors, finalLoss: Value? = nil, startsFromSpec: Bool = true) {
        self.spec = spec
        self.input = input
        self.target = target
        self.learningRate = learningRate
        self.firstStep = firstStep
        self.stepCount = stepCount
        self.steps = steps
        self.losses = losses
        self.initialParameters = initialParameters
        self.finalParameters = finalParameters
        self.lossFactors = lossFactors
        self.finalLoss = finalLoss
        self.startsFromSpec = startsFromSpec
    }

    /// The arithmetic the run used.
    public var arithmetic: Arithmetic { Value.isExact ? .exact : .float }

    /// The number of the last step run.
    public var lastStep: Int { firstStep + stepCount - 1 }
}
