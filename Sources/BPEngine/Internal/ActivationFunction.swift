import BPNumerics
import BPSpec

/// sigma and sigma' of an ``Activation``, entry by entry (softmax by column).
struct ActivationFunction<Value: Scalar> {
    let activation: Activation

    func apply(_ z: Matrix<Value>) throws(EngineError) -> Matrix<Value> {
        switch activation {
        case .identity: return z
        case .square: return z.map { $0 * $0 }
        case .relu: return z.map { $0 > .zero ? $0 : .zero }
        case let .leakyRelu(alpha):
            let slope = alpha.value(as: Value.self)
            return z.map { $0 > .zero ? $0 : slope * $0 }
        case .sigmoid:
            return try z.map { (x: Value) throws(EngineError) -> Value in
                let e = try transcendental(Value.exp(-x))
                return Value.one / (Value.one + e)
            }
        case .tanh:
            return try z.map { (x: Value) throws(EngineError) -> Value in try transcendental(Value.tanh(x)) }
        case .softmax:
            return try softmax(z)
        }
    }

    /// sigma'(z), given a = sigma(z) (sigmoid and tanh reuse it). Softmax has none of its own:
    /// it only appears folded into cross-entropy.
    func derivative(z: Matrix<Value>, a: Matrix<Value>) -> Matrix<Value> {
        switch activation {
        case .identity, .softmax: return z.map { _ in .one }
        case .square: return z.map { Value(2) * $0 }
        case .relu: return z.map { $0 > .zero ? .one : .zero }
        case let .leakyRelu(alpha):
            let slope = alpha.value(as: Value.self)
            return z.map { $0 > .zero ? .one : slope }
        case .sigmoid: return a.map { $0 * (Value.one - $0) }
        case .tanh: return a.map { Value.one - $0 * $0 }
        }
    }

    private func softmax(_ z: Matrix<Value>) throws(EngineError) -> Matrix<Value> {
        var out = z
        for j in 0..<z.columns {
            let column = (0..<z.rows).map { z[$0, j] }
            let peak = column.max() ?? .zero
            let exps = try column.map { (x: Value) throws(EngineError) -> Value in try transcendental(Value.exp(x - peak)) }
            let total = exps.dropFirst().reduce(exps[0], +)
            for i in 0..<z.rows { out[i, j] = exps[i] / total }
        }
        return out
    }

    private func transcendental(_ value: Value?) throws(EngineError) -> Value {
        guard let value else {
            throw .notComputable("\(activation.name) is not exact; run it with arithmetic: float")
        }
        return value
    }
}
