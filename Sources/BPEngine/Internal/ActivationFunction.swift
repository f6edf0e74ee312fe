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
            // 1 / (1 + e^−z) in three passes over one array, the exponentials all at once.
            var e = z.entries
            for k in e.indices { e[k] = -e[k] }
            try exponentiate(&e)
            for k in e.indices { e[k] = Value.one / (Value.one + e[k]) }
            return Matrix(rows: z.rows, columns: z.columns, entries: e)
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
        // Per column: the peak, the exponentials, their sum from the first down, each divided by
        // it. Worked row by row over all columns at once (each column's comparisons and sums in
        // the same order as column by column), so the loops run along the stored rows and the
        // exponentials are taken in one call.
        var out = z.entries
        let (n, m) = (z.rows, z.columns)
        guard n > 0 else { return z }
        var peaks = Array(out[0..<m])
        for i in 1..<n {
            for j in 0..<m where peaks[j] < out[i * m + j] { peaks[j] = out[i * m + j] }
        }
        for i in 0..<n {
            for j in 0..<m { out[i * m + j] = out[i * m + j] - peaks[j] }
        }
        try exponentiate(&out)
        var totals = Array(out[0..<m])
        for i in 1..<n {
            for j in 0..<m { totals[j] = totals[j] + out[i * m + j] }
        }
        for i in 0..<n {
            for j in 0..<m { out[i * m + j] = out[i * m + j] / totals[j] }
        }
        return Matrix(rows: n, columns: m, entries: out)
    }

    private func exponentiate(_ values: inout [Value]) throws(EngineError) {
        guard Value.formExponentials(&values) else {
            throw .notComputable("\(activation.name) is not exact; run it with arithmetic: float")
        }
    }

    private func transcendental(_ value: Value?) throws(EngineError) -> Value {
        guard let value else {
            throw .notComputable("\(activation.name) is not exact; run it with arithmetic: float")
        }
        return value
    }
}
