import BPNumerics

/// Cross-entropy summed from the output layer's logits z in the forms that stay finite
/// whenever the loss itself is: softplus for sigmoid, log-sum-exp for softmax. Float only:
/// an exact scalar has no exp or log, and the call throws as the naive form would.
enum StableCrossEntropy<Value: Scalar> {
    /// Σ over entries of −t log σ(z) − (1 − t) log(1 − σ(z)) = t softplus(−z) + (1 − t) softplus(z);
    /// a term whose weight is 0 is left out, as in the naive form.
    static func sigmoid(logits z: Matrix<Value>, target t: Matrix<Value>) throws(EngineError) -> Value {
        var terms: [Value] = []
        for k in z.entries.indices {
            let (y, x) = (t.entries[k], z.entries[k])
            var term: Value?
            if y != .zero { term = y * (try softplus(-x)) }
            if y != .one {
                let other = (Value.one - y) * (try softplus(x))
                term = term.map { $0 + other } ?? other
            }
            if let term { terms.append(term) }
        }
        return sum(terms)
    }

    /// Σ over samples and units of −t log softmax(z) = t ((m − z) + log Σ exp(z − m)), m the
    /// column's largest logit: every exponent is at most 0, and m − z is taken before adding,
    /// so no large value cancels another.
    /// `columns`: the peaks and sums the softmax activation found for these logits, when the
    /// caller has them (the same values this would work out).
    static func softmax(logits z: Matrix<Value>, target t: Matrix<Value>,
                        columns: SoftmaxColumnSums<Value>? = nil) throws(EngineError) -> Value {
        // Each column's peak, exponentials and their sum are worked row by row over all columns
        // at once (in each column the same comparisons and sums, in the same order), the
        // exponentials in one call; then the terms are summed as they come, column by column,
        // left to right from the first (as a list of them would be).
        let (n, m) = (z.rows, z.columns)
        guard n > 0 && m > 0 else { return .zero }
        let logits = z.entries, targets = t.entries
        let peaks: [Value], expSums: [Value]
        if let columns, columns.peaks.count == m, columns.sums.count == m {
            (peaks, expSums) = (columns.peaks, columns.sums)
        } else {
            let shifted = SoftmaxColumns.lessPeaks(z)
            var exps = shifted.shifted
            guard Value.formExponentials(&exps) else { throw notComputable }
            peaks = shifted.peaks
            expSums = exps.withUnsafeBufferPointer { SoftmaxColumns.sums($0, rows: n, columns: m) }
        }
        precondition(t.rows == n && t.columns == m && expSums.count == m && peaks.count == m, "matrix shape mismatch")
        var logSums: [Value] = []
        logSums.reserveCapacity(m)
        for j in 0..<m { logSums.append(try real(Value.log(expSums[j]))) }
        // The entries with a weight are listed first, column by column, without a branch on
        // each (one-hot targets would mispredict one in every column), then their terms summed
        // in that order from the first. Raw pointers: the shapes bound the indices.
        let count = n &* m
        var total = Value.zero
        logits.withUnsafeBufferPointer { logits in
            targets.withUnsafeBufferPointer { targets in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { entries in
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { columnOf in
                        let (z, y) = (logits.baseAddress!, targets.baseAddress!)
                        let (picked, column) = (entries.baseAddress!, columnOf.baseAddress!)
                        var listed = 0
                        for j in 0..<m {
                            var k = j
                            for _ in 0..<n {
                                picked[listed] = k
                                column[listed] = j
                                listed &+= y[k] != .zero ? 1 : 0
                                k &+= m
                            }
                        }
                        for q in 0..<listed {
                            let (k, j) = (picked[q], column[q])
                            let term = y[k] * ((peaks[j] - z[k]) + logSums[j])
                            total = q == 0 ? term : total + term
                        }
                    }
                }
            }
        }
        return total
    }

    /// log(1 + e^x) = max(x, 0) + log1p(e^(−|x|)): the exponent is never positive.
    static func softplus(_ x: Value) throws(EngineError) -> Value {
        let negativeAbs = x > .zero ? -x : x
        let tail = try real(Value.log1p(try real(Value.exp(negativeAbs))))
        return x > .zero ? x + tail : tail
    }

    private static func sum(_ terms: [Value]) -> Value {
        guard let first = terms.first else { return .zero }
        return terms.dropFirst().reduce(first, +)
    }

    private static func real(_ value: Value?) throws(EngineError) -> Value {
        guard let value else { throw notComputable }
        return value
    }

    private static var notComputable: EngineError {
        .notComputable("cross-entropy is not exact; run it with arithmetic: float")
    }
}
