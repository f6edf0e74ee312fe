import BPEngine
import BPNumerics
import BPSpec

/// One check in one arithmetic: the correct trace, the claimed values laid over it, and the
/// recomputation of each wrong entry from the claimed values before it.
struct CheckRun<Value: Scalar> {
    let engine: Engine<Value>
    let trace: Trace<Value>
    let tolerance: Double?

    init(trace: Trace<Value>, limits: Limits, tolerance: Double?) throws(EngineError) {
        // The engine's stages recompute from the claims; the trace is the run being checked.
        engine = try Engine<Value>(spec: trace.spec, limits: limits)
        self.trace = trace
        self.tolerance = tolerance
    }

    func check(_ claims: [Claim]) throws(EngineError) -> CheckResult {
        // The claimed values laid over the correct ones, quantity by quantity.
        var claimed: [String: Matrix<Value>] = [:]
        for claim in claims {
            // Written in place: a copy per claimed entry would make a k-entry matrix cost k².
            claimed[Self.id(claim), default: correct(claim)][(claim.row ?? 1) - 1, (claim.column ?? 1) - 1] = claim.value.value(as: Value.self)
        }
        let student = Student(run: self, claimed: claimed)
        var differences: [ClaimDifference] = []
        var verdicts: [ClaimVerdict] = []
        for claim in claims.sorted(by: Self.traceOrder) {
            let right = correct(claim)[(claim.row ?? 1) - 1, (claim.column ?? 1) - 1]
            guard !matches(claim.value, right) else {
                verdicts.append(ClaimVerdict(claim: claim, kind: .right))
                continue
            }
            let recomputed = try student.recompute(claim)[(claim.row ?? 1) - 1, (claim.column ?? 1) - 1]
            let kind: ClaimDifference.Kind = matches(claim.value, recomputed) ? .carried : .new
            differences.append(ClaimDifference(claim: claim, correct: right.description, kind: kind))
            verdicts.append(ClaimVerdict(claim: claim, kind: kind == .new ? .new : .carried))
        }
        return CheckResult(checked: claims.count, differences: differences, verdicts: verdicts)
    }

    /// Whether a written value stands for `value`: exactly; or, for a decimal a person
    /// rounded, within half a unit of its last digit; or within the tolerance.
    func matches(_ written: SpecValue, _ value: Value) -> Bool {
        let claimed = written.value(as: Value.self)
        if claimed == value { return true }
        let difference = abs((claimed - value).doubleValue)
        if let tolerance, difference <= tolerance { return true }
        if let places = Self.decimalPlaces(written.text) {
            // Half a unit of the last written digit, by the exact value where there is one.
            if let exact = value.exactValue {
                let half = Rational.powerOfTen(-places) / Rational(2)
                return (written.exact - exact).magnitude <= half
            }
            return difference <= 0.5 * pow10(-places) * (1 + 1e-12)
        }
        return !Value.isExact && difference <= 1e-12 * max(1, abs(value.doubleValue))
    }

    private func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    /// The digits after the point of a plain decimal (`-0.94` has 2); `nil` for an integer, a
    /// fraction or an exponent.
    static func decimalPlaces(_ text: String) -> Int? {
        let trimmed = text.filter { $0 != " " }
        guard let point = trimmed.firstIndex(of: "."), !trimmed.contains("/"), !trimmed.lowercased().contains("e") else { return nil }
        return trimmed.distance(from: trimmed.index(after: point), to: trimmed.endIndex)
    }

    /// The engine's matrix for a claim's quantity (a loss as a 1 x 1).
    func correct(_ claim: Claim) -> Matrix<Value> {
        let step = trace.steps[claim.step - 1]
        let layer = claim.layer ?? 0
        switch (claim.section, claim.key) {
        case (.loss, _): return Matrix(column: [step.loss])
        case (.forward, "z"): return step.forward.first { $0.layer == layer }!.z
        case (.forward, _): return step.forward.first { $0.layer == layer }!.a
        case (.backward, _): return step.backward.first { $0.layer == layer }!.delta
        case (.gradients, "weights"): return step.gradients.first { $0.layer == layer }!.weights
        case (.gradients, _): return step.gradients.first { $0.layer == layer }!.bias
        case (.updated, "weights"): return step.updated!.first { $0.layer == layer }!.weights
        case (.updated, _): return step.updated!.first { $0.layer == layer }!.bias
        }
    }

    static func id(_ claim: Claim) -> String {
        id(step: claim.step, section: claim.section, layer: claim.layer ?? 0, key: claim.key ?? "")
    }

    static func id(step: Int, section: Claim.Section, layer: Int, key: String) -> String {
        "\(step).\(section.rawValue).\(layer).\(key)"
    }

    /// The trace's order: by step; forward, loss, backward (output layer first), gradients,
    /// updated; then layer, key, row, column.
    static func traceOrder(_ a: Claim, _ b: Claim) -> Bool {
        func rank(_ claim: Claim) -> [Int] {
            let section = Claim.Section.allCases.firstIndex(of: claim.section)!
            let layer = claim.section == .backward ? -(claim.layer ?? 0) : (claim.layer ?? 0)
            let key = ["z", "a", "delta", "weights", "bias"].firstIndex(of: claim.key ?? "") ?? 0
            return [claim.step, section, layer, key, claim.row ?? 0, claim.column ?? 0]
        }
        return rank(a).lexicographicallyPrecedes(rank(b))
    }
}
