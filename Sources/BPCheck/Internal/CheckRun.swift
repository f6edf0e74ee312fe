import BPEngine
import BPNumerics
import BPSpec

/// One check in one arithmetic: the correct trace, the claimed values laid over it, and the
/// recomputation of each wrong entry from the claimed values before it.
final class CheckRun<Value: Scalar> {
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
        // Each claim's value read from its text once, for the student's matrices and the verdict.
        let values = claims.map { $0.value.value(as: Value.self) }
        // The claimed values laid over the correct ones, quantity by quantity.
        var claimed: [Claim.Quantity: Matrix<Value>] = [:]
        for (claim, value) in zip(claims, values) {
            // Written in place: a copy per claimed entry would make a k-entry matrix cost k².
            claimed[claim.quantity, default: correct(claim)][(claim.row ?? 1) - 1, (claim.column ?? 1) - 1] = value
        }
        let student = Student(run: self, claimed: claimed)
        var differences: [ClaimDifference] = []
        var verdicts: [ClaimVerdict] = []
        let ranks = claims.map(Self.traceRank)
        for index in claims.indices.sorted(by: { ranks[$0] < ranks[$1] }) {
            let claim = claims[index]
            let right = correct(claim)[(claim.row ?? 1) - 1, (claim.column ?? 1) - 1]
            guard !matches(claim.value, values[index], right) else {
                verdicts.append(ClaimVerdict(claim: claim, kind: .right))
                continue
            }
            let recomputed = try student.recompute(claim)[(claim.row ?? 1) - 1, (claim.column ?? 1) - 1]
            let kind: ClaimDifference.Kind = matches(claim.value, values[index], recomputed) ? .carried : .new
            differences.append(ClaimDifference(claim: claim, correct: right.description, kind: kind))
            verdicts.append(ClaimVerdict(claim: claim, kind: kind == .new ? .new : .carried))
        }
        return CheckResult(checked: claims.count, differences: differences, verdicts: verdicts)
    }

    /// Whether a written value (read as `claimed`) stands for `value`: exactly; or, for a
    /// decimal a person rounded, within half a unit of its last digit; or within the tolerance.
    func matches(_ written: SpecValue, _ claimed: Value, _ value: Value) -> Bool {
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
    /// fraction or an exponent. Spaces are not digits; a character is counted once, however
    /// many bytes it takes.
    static func decimalPlaces(_ text: String) -> Int? {
        var places: Int?
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "): continue
            case UInt8(ascii: "/"), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
            case UInt8(ascii: ".") where places == nil: places = 0
            default:
                // A UTF-8 continuation byte is part of the character before it.
                if places != nil && byte & 0xC0 != 0x80 { places! += 1 }
            }
        }
        return places
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

    /// The trace's order: by step; forward, loss, backward (output layer first), gradients,
    /// updated; then layer, key, row, column.
    static func traceRank(_ claim: Claim) -> (Int, Int, Int, Int, Int, Int) {
        let section = switch claim.section {
        case .forward: 0
        case .loss: 1
        case .backward: 2
        case .gradients: 3
        case .updated: 4
        }
        let layer = claim.section == .backward ? -(claim.layer ?? 0) : (claim.layer ?? 0)
        let key = switch claim.key {
        case "z": 0
        case "a": 1
        case "delta": 2
        case "weights": 3
        case "bias": 4
        default: 0
        }
        return (claim.step, section, layer, key, claim.row ?? 0, claim.column ?? 0)
    }
}
