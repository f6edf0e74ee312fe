import BPNumerics

extension DeltaWorking {
    /// The delta this working arrives at.
    var delta: Matrix<Value> {
        switch self {
        case let .output(gradient, derivative): return gradient.hadamard(derivative)
        case let .combinedOutput(difference, divisor):
            let count = Value(divisor)
            return difference.map { $0 / count }
        case let .hidden(propagated, derivative, _): return propagated.hadamard(derivative)
        }
    }
}
