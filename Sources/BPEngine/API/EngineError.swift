import BPSpec

/// Why a run stopped, or would not start. Each names the step (and layer, where there is one).
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A float run produced NaN or infinity; `cause` says whether updates had a part in it.
    case nonFinite(step: Int, layer: Int?, quantity: String, cause: NonFiniteCause = .unknown)
    /// An exact run's numbers grew past the digit limit.
    case digitLimit(step: Int, digits: Int, limit: Int)
    /// The spec asks for something the chosen arithmetic cannot compute.
    case notComputable(String)
    /// The steps the run would keep hold more matrix entries than ``Limits/maxEntries``;
    /// `entries` is `nil` when the count overflows.
    case entryLimit(entries: Int?, perStep: Int, keptSteps: Int, limit: Int)
    /// Parameters to continue from do not fit the spec's network.
    case parametersMismatch(String)
    /// The spec handed to the engine failed validation.
    case invalidSpec(SpecError)
    /// A ``GradientCheck`` was handed no step, or parameters or gradients that do not fit the
    /// spec's network.
    case uncheckableGradients(String)

    /// The message the user sees, naming the step and layer and what to change.
    public var description: String {
        switch self {
        case let .nonFinite(step, layer, quantity, cause):
            let place = layer.map { "step \(step), layer \($0)" } ?? "step \(step)"
            let stopped = "\(place): \(quantity) is not a finite number (NaN or infinity); the run stopped."
            switch cause {
            case .givenValues:
                return stopped + " It overflowed before any update, so the learning rate is not the cause: the input or the weights are too large for floating point (the largest is about 1.8e308); make them smaller."
            case .updates:
                return stopped + " The weight updates made it overflow; a smaller learning_rate may keep it finite."
            case .unknown:
                return stopped + " A smaller learning_rate or smaller weights may keep it finite."
            }
        case let .digitLimit(step, digits, limit):
            return "step \(step): exact numbers reached \(digits) digits, past the limit of \(limit) (--max-digits). Exact weights roughly triple their digits with every step; use arithmetic: float for long runs, or raise --max-digits."
        case let .notComputable(reason):
            return reason
        case let .entryLimit(entries, perStep, keptSteps, limit):
            let total = entries.map(String.init) ?? "more than \(Int.max)"
            return "steps: the run would record \(total) matrix entries (\(perStep) per step x \(keptSteps) steps kept), more than the limit of \(limit); raise it with --max-entries, run fewer steps, or keep fewer of them"
        case let .parametersMismatch(reason):
            return "cannot continue from these parameters: \(reason)"
        case let .invalidSpec(error):
            return error.description
        case let .uncheckableGradients(reason):
            return "cannot check these gradients: \(reason)"
        }
    }
}
