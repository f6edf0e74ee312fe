import BPNumerics
import BPSpec

/// A run as a person reads it (`bpreport run --format text`): the loss of every step, the loss
/// after the last update, and the parameters the run ends with.
public enum TraceSummary {
    /// Runs `spec` keeping no step in full (the losses and final parameters are kept anyway)
    /// and writes the summary, headed by `label`.
    public static func text(_ spec: NetworkSpec, label: String, limits: Limits = .default) throws(EngineError) -> String {
        switch try AnyTrace.run(spec, limits: limits, policy: .first(0, last: false)) {
        case let .exact(trace): return text(trace, label: label)
        case let .float(trace): return text(trace, label: label)
        }
    }

    /// ```
    /// reports/problem1.yaml: exact arithmetic, 1 step
    ///   step 1: loss 109
    ///   after the last update: loss 5757/200
    ///   final parameters:
    ///     W^2 = [[1, -2], [2, 4], [-3, 1]]
    ///     b^2 = [1, 2, 3]
    /// ```
    public static func text<Value: Scalar>(_ trace: Trace<Value>, label: String) -> String {
        let spec = trace.spec
        var out = "\(label): \(trace.arithmetic.rawValue) arithmetic, \(trace.stepCount) step\(trace.stepCount == 1 ? "" : "s")\n"
        for (offset, loss) in trace.losses.enumerated() {
            out += "  step \(trace.firstStep + offset): loss \(loss.description)\n"
        }
        if let finalLoss = trace.finalLoss, trace.stepCount > 0 { out += "  after the last update: loss \(finalLoss.description)\n" }
        out += "  \(trace.stepCount > 0 ? "final" : "initial") parameters:\n"
        for parameters in trace.finalParameters {
            let rows = parameters.weights.rowList.map { "[" + $0.map(\.description).joined(separator: ", ") + "]" }
            out += "    W^\(parameters.layer) = [" + rows.joined(separator: ", ") + "]\n"
            if spec.layers[parameters.layer - spec.numbering - 1].hasBias {
                out += "    b^\(parameters.layer) = [" + parameters.bias.entries.map(\.description).joined(separator: ", ") + "]\n"
            }
        }
        return out
    }
}
