import BPNumerics
import BPSpec

/// L(a, t) and where the output delta comes from, for a ``Loss``.
struct LossFunction<Value: Scalar> {
    let loss: Loss

    /// The loss over every entry, summed row by row from the first term.
    ///
    /// With the output layer's `logits` z, a float run computes cross-entropy from z itself
    /// (softplus and log-sum-exp), never from log a: a saturated unit rounds a to exactly 0 or
    /// 1, whose logarithm is infinite although the loss is not. Without them (a checker's
    /// claimed a) it takes the logarithms of a, as the report writes the loss.
    /// `columns`: softmax's column peaks and sums for these logits, when the activation has them.
    func value(output a: Matrix<Value>, target t: Matrix<Value>, logits: Matrix<Value>? = nil,
               columns: SoftmaxColumnSums<Value>? = nil) throws(EngineError) -> Value {
        let count = Value(a.entries.count)
        let batch = Value(a.columns)
        if !Value.isExact, let z = logits {
            switch loss {
            case .crossEntropy: return try StableCrossEntropy<Value>.softmax(logits: z, target: t, columns: columns) / batch
            case .binaryCrossEntropy: return try StableCrossEntropy<Value>.sigmoid(logits: z, target: t) / count
            default: break
            }
        }
        switch loss {
        case .halfSSE: return squaredSum(a, t) / Value(2)
        case .sse: return squaredSum(a, t)
        case .mse: return squaredSum(a, t) / count
        case .crossEntropy:
            var terms: [Value] = []
            for k in a.entries.indices where t.entries[k] != .zero {
                terms.append(t.entries[k] * (try logarithm(a.entries[k])))
            }
            return -sum(terms) / batch
        case .binaryCrossEntropy:
            var terms: [Value] = []
            for k in a.entries.indices {
                let (y, p) = (t.entries[k], a.entries[k])
                var term: Value?
                if y != .zero { term = y * (try logarithm(p)) }
                if y != .one {
                    let other = (Value.one - y) * (try logarithm(Value.one - p))
                    term = term.map { $0 + other } ?? other
                }
                if let term { terms.append(term) }
            }
            return -sum(terms) / count
        }
    }

    /// The working of the output delta, and for the combined losses the delta itself, made in
    /// the same pass as a − t, with whether it is all finite (nil: the working's
    /// ``DeltaWorking/delta``).
    func outputDelta(output a: Matrix<Value>, target t: Matrix<Value>,
                     derivative: () -> Matrix<Value>) -> (working: DeltaWorking<Value>, made: (delta: Matrix<Value>, isFinite: Bool)?) {
        let divisor: Int
        switch loss {
        case .crossEntropy: divisor = a.columns
        case .binaryCrossEntropy: divisor = a.entries.count
        default: return (outputWorking(output: a, target: t, derivative: derivative), nil)
        }
        // (a − t) and (a − t) / divisor entry by entry, as the working's delta divides them.
        let count = Value(divisor)
        if !Value.isExact && divisor > 0 && divisor & (divisor &- 1) == 0 {
            // A power of two (a batch of 128, say): its reciprocal is exact, so d · (1/n) is
            // d / n correctly rounded, the same bits, without a division per entry.
            let reciprocal = Value.one / count
            let (difference, delta, isFinite) = a.pairedMap(t, DeltaPairings.DifferenceTimesReciprocal(reciprocal: reciprocal))
            return (.combinedOutput(difference: difference, divisor: divisor), (delta, isFinite))
        }
        let (difference, delta, isFinite) = a.pairedMap(t, DeltaPairings.DifferenceOver(divisor: count))
        return (.combinedOutput(difference: difference, divisor: divisor), (delta, isFinite))
    }

    /// delta at the output layer, with its working. `derivative` (σ'(z)) is taken only by the
    /// losses whose working shows it: cross-entropy folds it into a − t.
    func outputWorking(output a: Matrix<Value>, target t: Matrix<Value>, derivative: () -> Matrix<Value>) -> DeltaWorking<Value> {
        let difference = a - t
        switch loss {
        case .halfSSE:
            return .output(lossGradient: difference, derivative: derivative())
        case .sse:
            return .output(lossGradient: difference.map { Value(2) * $0 }, derivative: derivative())
        case .mse:
            let count = Value(a.entries.count)
            return .output(lossGradient: difference.map { (Value(2) * $0) / count }, derivative: derivative())
        case .crossEntropy:
            return .combinedOutput(difference: difference, divisor: a.columns)
        case .binaryCrossEntropy:
            return .combinedOutput(difference: difference, divisor: a.entries.count)
        }
    }

    private func squaredSum(_ a: Matrix<Value>, _ t: Matrix<Value>) -> Value {
        // One difference squared, not two equal ones multiplied: GMP squares a rational with
        // no gcd (it is in lowest terms already), where two operands cost two. Same value.
        sum(a.zip(t) { x, y in
            let difference = x - y
            return difference * difference
        }.entries)
    }

    private func sum(_ terms: [Value]) -> Value {
        guard let first = terms.first else { return .zero }
        return terms.dropFirst().reduce(first, +)
    }

    private func logarithm(_ x: Value) throws(EngineError) -> Value {
        guard let value = Value.log(x) else {
            throw .notComputable("\(loss.name) is not exact; run it with arithmetic: float")
        }
        return value
    }
}
