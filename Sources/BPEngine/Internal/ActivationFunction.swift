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
        // Column by column: the peak, the exponentials (kept in `out`), their sum left to right
        // from the first, then each divided by it. One array for the whole batch.
        var out = z.entries
        let (n, m) = (z.rows, z.columns)
        guard n > 0 else { return z }
        for j in 0..<m {
            var peak = out[j]
            for i in 1..<n where peak < out[i * m + j] { peak = out[i * m + j] }
            for i in 0..<n { out[i * m + j] = try transcendental(Value.exp(out[i * m + j] - peak)) }
            var total = out[j]
            for i in 1..<n { total = total + out[i * m + j] }
            for i in 0..<n { out[i * m + j] = out[i * m + j] / total }
        }
        return Matrix(rows: n, columns: m, entries: out)
    }

    private func transcendental(_ value: Value?) throws(EngineError) -> Value {
        guard let value else {
            throw .notComputable("\(activation.name) is not exact; run it with arithmetic: float")
        }
        return value
    }
}
