import BPNumerics
import BPSpec

/// A trace in whichever arithmetic the spec resolved to.
public enum AnyTrace: Sendable {
    /// A run in exact rational arithmetic.
    case exact(Trace<Rational>)
    /// A run in `Double`.
    case float(Trace<Double>)

    /// Runs `spec` in the arithmetic it resolves to (`auto` decides before the run, once),
    /// keeping the steps `policy` keeps.
    public static func run(_ spec: NetworkSpec, limits: Limits = .default,
                           policy: RecordingPolicy = .all) throws(EngineError) -> AnyTrace {
        switch spec.resolvedArithmetic {
        case .exact: return .exact(try Engine<Rational>(spec: spec, limits: limits).run(policy: policy))
        case .float: return .float(try Engine<Double>(spec: spec, limits: limits).run(policy: policy))
        }
    }

    /// Runs `spec` from the trained parameters of `previous` (a notebook cell's `from:`), in
    /// `previous`'s arithmetic.
    public static func run(_ spec: NetworkSpec, continuing previous: AnyTrace, limits: Limits = .default,
                           policy: RecordingPolicy = .all) throws(EngineError) -> AnyTrace {
        switch previous {
        case let .exact(trace):
            return .exact(try Engine<Rational>(spec: spec, limits: limits).run(from: trace.finalParameters, policy: policy))
        case let .float(trace):
            return .float(try Engine<Double>(spec: spec, limits: limits).run(from: trace.finalParameters, policy: policy))
        }
    }

    /// The spec the run was made from.
    public var spec: NetworkSpec {
        switch self {
        case let .exact(trace): return trace.spec
        case let .float(trace): return trace.spec
        }
    }
}
