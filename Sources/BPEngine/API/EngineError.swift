/// Why a run stopped. Each names the step (and layer, where there is one).
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A float run produced NaN or infinity.
    case nonFinite(step: Int, layer: Int?, quantity: String)
    /// An exact run's numbers grew past the digit limit.
    case digitLimit(step: Int, digits: Int, limit: Int)
    /// The spec asks for something the chosen arithmetic cannot compute.
    case notComputable(String)

    public var description: String {
        switch self {
        case let .nonFinite(step, layer, quantity):
            let place = layer.map { "step \(step), layer \($0)" } ?? "step \(step)"
            return "\(place): \(quantity) is not a finite number (NaN or infinity); the run stopped. A smaller learning_rate or smaller weights may keep it finite."
        case let .digitLimit(step, digits, limit):
            return "step \(step): exact numbers reached \(digits) digits, past the limit of \(limit) (--max-digits). Exact weights roughly triple their digits with every step; use arithmetic: float for long runs, or raise --max-digits."
        case let .notComputable(reason):
            return reason
        }
    }
}
