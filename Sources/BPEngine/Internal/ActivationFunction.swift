import BPNumerics
import BPSpec

/// sigma and sigma' of an ``Activation``, entry by entry (softmax by column).
struct ActivationFunction<Value: Scalar> {
    let activation: Activation

    func apply(_ z: Matrix<Value>) throws(EngineError) -> Matrix<Value> {
        try applyKeepingColumns(z).a
    }

    /// σ(z), and for softmax each column's peak and sum of exponentials as well, which the
    /// stable cross-entropy takes from here instead of working them out again (the same
    /// values, bit for bit).
    func applyKeepingColumns(_ z: Matrix<Value>) throws(EngineError) -> (a: Matrix<Value>, columns: SoftmaxColumnSums<Value>?) {
        if case .softmax = activation { return try softmax(z) }
        return (try applyEntrywise(z), nil)
    }

    private func applyEntrywise(_ z: Matrix<Value>) throws(EngineError) -> Matrix<Value> {
        switch activation {
        case .identity: return z
        case .square: return z.map { $0 * $0 }
        case .relu: return z.map { $0 > .zero ? $0 : .zero }
        case let .leakyRelu(alpha):
            let slope = alpha.value(as: Value.self)
            return z.map { $0 > .zero ? $0 : slope * $0 }
        case .sigmoid:
            // 1 / (1 + e^−z) over the whole array at once (one pass for Double).
            guard let a = Value.sigmoids(of: z.entries) else {
                throw .notComputable("\(activation.name) is not exact; run it with arithmetic: float")
            }
            return Matrix(rows: z.rows, columns: z.columns, entries: a)
        case .tanh:
            return try z.map { (x: Value) throws(EngineError) -> Value in try transcendental(Value.tanh(x)) }
        case .softmax:
            return try softmax(z).a
        }
    }

    /// Whether σ(z) is finite wherever z is, so that a run which has checked z need not check
    /// a: sigmoid and softmax lie in [0, 1] (softmax's z − peak is at most 0, or −∞, whose
    /// exponential is 0; each column's sum is at least 1), tanh in [−1, 1], ReLU and identity
    /// give z or 0. Not square or leaky ReLU, which can overflow.
    var keepsFinite: Bool {
        switch activation {
        case .identity, .relu, .sigmoid, .tanh, .softmax: return true
        case .square, .leakyRelu: return false
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

    /// σ'(z), the hidden delta `propagated` ⊙ σ'(z) and whether every entry of it is finite:
    /// for sigmoid and tanh, which take σ' from a alone, in one pass (each delta entry the same
    /// product of the same two values).
    func derivativeAndDelta(z: Matrix<Value>, a: Matrix<Value>,
                            propagated: Matrix<Value>) -> (derivative: Matrix<Value>, delta: Matrix<Value>, isFinite: Bool) {
        switch activation {
        case .sigmoid:
            let (derivative, delta, isFinite) = a.pairedMap(propagated, DeltaPairings.Sigmoid<Value>())
            return (derivative, delta, isFinite)
        case .tanh:
            let (derivative, delta, isFinite) = a.pairedMap(propagated, DeltaPairings.Tanh<Value>())
            return (derivative, delta, isFinite)
        default:
            let derivative = derivative(z: z, a: a)
            let delta = propagated.hadamard(derivative)
            return (derivative, delta, delta.entries.withUnsafeBufferPointer { Value.allFinite($0) })
        }
    }

    private func softmax(_ z: Matrix<Value>) throws(EngineError) -> (a: Matrix<Value>, columns: SoftmaxColumnSums<Value>?) {
        // Per column: the peak, the exponentials, their sum from the first down, each divided by
        // it. Worked row by row over all columns at once (each column's comparisons and sums in
        // the same order as column by column), so the loops run along the stored rows and the
        // exponentials are taken in one call.
        let (n, m) = (z.rows, z.columns)
        guard n > 0 else { return (z, nil) }
        let (shifted, peaks) = SoftmaxColumns.lessPeaks(z)
        var out = shifted
        try exponentiate(&out)
        let totals = out.withUnsafeMutableBufferPointer { out in
            let totals = SoftmaxColumns.sums(UnsafeBufferPointer(out), rows: n, columns: m)
            for i in 0..<n {
                let row = out.baseAddress! + i &* m
                for j in 0..<m { row[j] = row[j] / totals[j] }
            }
            return totals
        }
        return (Matrix(rows: n, columns: m, entries: out), SoftmaxColumnSums(peaks: peaks, sums: totals))
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

/// Softmax's column-wise steps over a row-major n x m array, worked row by row across all
/// columns (contiguous loops), each column still in its own order from row 0 down. Shared by
/// the activation and the stable cross-entropy, which must find the same peaks and sums.
enum SoftmaxColumns {
    /// Each column's largest entry (the first of equals, as `peak < x` keeps it), and every
    /// entry less its column's.
    static func lessPeaks<Value: Scalar>(_ z: Matrix<Value>) -> (shifted: [Value], peaks: [Value]) {
        let (n, m) = (z.rows, z.columns)
        return z.entries.withUnsafeBufferPointer { z in
            let x = z.baseAddress!
            var peaks = Array(UnsafeBufferPointer(start: x, count: m))
            peaks.withUnsafeMutableBufferPointer { peaks in
                for i in 1..<max(n, 1) {
                    let row = x + i &* m
                    // A select, not a branch: which entry is a column's peak so far is
                    // unpredictable. The same comparison keeps the same entry.
                    for j in 0..<m { peaks[j] = peaks[j] < row[j] ? row[j] : peaks[j] }
                }
            }
            let shifted = [Value](unsafeUninitializedCapacity: n &* m) { out, count in
                for i in 0..<n {
                    let row = x + i &* m, target = out.baseAddress! + i &* m
                    for j in 0..<m { (target + j).initialize(to: row[j] - peaks[j]) }
                }
                count = n &* m
            }
            return (shifted, peaks)
        }
    }

    /// Each column's sum, added from row 0 down.
    static func sums<Value: Scalar>(_ x: UnsafeBufferPointer<Value>, rows n: Int, columns m: Int) -> [Value] {
        let x = x.baseAddress!
        var sums = Array(UnsafeBufferPointer(start: x, count: m))
        sums.withUnsafeMutableBufferPointer { sums in
            for i in 1..<max(n, 1) {
                let row = x + i &* m
                for j in 0..<m { sums[j] = sums[j] + row[j] }
            }
        }
        return sums
    }
}
