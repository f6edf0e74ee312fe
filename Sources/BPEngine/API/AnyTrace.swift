import BPNumerics
import BPSpec

/// A trace in whichever arithmetic the spec resolved to.
public enum AnyTrace: Sendable {
    case exact(Trace<Rational>)
    case float(Trace<Double>)

    /// Runs `spec` in the arithmetic it resolves to (`auto` decides before the run, once).
    public static func run(_ spec: NetworkSpec, limits: Limits = .default) throws -> AnyTrace {
        switch spec.resolvedArithmetic {
        case .exact: return .exact(try Engine<Rational>(spec: spec, limits: limits).run())
        case .float: return .float(try Engine<Double>(spec: spec, limits: limits).run())
        }
    }

    public var spec: NetworkSpec {
        switch self {
        case let .exact(trace): return trace.spec
        case let .float(trace): return trace.spec
        }
    }
}
