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
