import BPEngine
import BPNumerics
import BPSpec

/// Checks claimed values (a student's key, a lecturer's worked solution) against the engine,
/// entry by entry, and marks each wrong one as an exam marker would: `carried` when it is
/// right for the claimed values it was computed from (an earlier slip carried forward),
/// `new` when it is a mistake of its own.
public enum Checker {
    /// Every claim of `claims` checked against a run of `spec`. `tolerance` widens what
    /// matches (absolute); a decimal a person rounded matches within half a unit of its last
    /// written digit anyway.
    public static func check(_ spec: NetworkSpec, claims: [Claim], tolerance: Double? = nil,
                             limits: Limits = .default) throws(EngineError) -> CheckResult {
        try check(AnyTrace.run(spec, limits: limits, policy: .all), claims: claims, tolerance: tolerance, limits: limits)
    }

    /// The same against a run already made; it must keep every step (``RecordingPolicy/all``).
    public static func check(_ trace: AnyTrace, claims: [Claim], tolerance: Double? = nil,
                             limits: Limits = .default) throws(EngineError) -> CheckResult {
        switch trace {
        case let .exact(trace): return try CheckRun(trace: trace, limits: limits, tolerance: tolerance).check(claims)
        case let .float(trace): return try CheckRun(trace: trace, limits: limits, tolerance: tolerance).check(claims)
        }
    }
}

/// What a check found: how many entries were checked and the wrong ones, in trace order.
public struct CheckResult: Sendable, Equatable {
    public var checked: Int
    public var differences: [ClaimDifference]
    /// Every claim with its verdict, in trace order (right ones too), for marking a solution.
    public var verdicts: [ClaimVerdict] = []

    /// The differences as the JSON list `check --format json` prints.
    public var json: String { ClaimDifference.json(differences) }
}

/// One claim and what the check made of it.
public struct ClaimVerdict: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case right, new, carried
    }

    public var claim: Claim
    public var kind: Kind
}

/// A claimed entry that differs from the engine's value.
public struct ClaimDifference: Sendable, Equatable {
    /// A mistake of its own, or right working on a wrong earlier value.
    public enum Kind: String, Sendable, Equatable {
        case new, carried
    }

    public var claim: Claim
    /// The engine's value, as the trace writes it (`p/q` in exact runs).
    public var correct: String
    public var kind: Kind

    /// `{"step": 1, "section": "updated", "layer": 3, "key": "weights", "row": 2, "col": 2,
    /// "claimed": "-0.94", "correct": "-11/25", "kind": "new"}`; a loss has no layer, key, row
    /// or column.
    /// A list of differences (of several checks, say) as one JSON array, one a line.
    public static func json(_ differences: [ClaimDifference]) -> String {
        "[" + differences.map { "\n  " + $0.json }.joined(separator: ",") + (differences.isEmpty ? "]" : "\n]") + "\n"
    }

    public var json: String {
        var fields = ["\"step\": \(claim.step)", "\"section\": \"\(claim.section.rawValue)\""]
        if let layer = claim.layer { fields.append("\"layer\": \(layer)") }
        if let key = claim.key { fields.append("\"key\": \"\(key)\"") }
        if let row = claim.row { fields.append("\"row\": \(row)") }
        if let column = claim.column { fields.append("\"col\": \(column)") }
        fields += ["\"claimed\": \(quote(claim.value.text))", "\"correct\": \(quote(correct))", "\"kind\": \"\(kind.rawValue)\""]
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
