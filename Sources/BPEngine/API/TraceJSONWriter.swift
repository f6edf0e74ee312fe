import BPNumerics
import BPSpec

/// Writes a trace as the contract's JSON (`bpreport run SPEC --format json`): every number a
/// string (`p/q`, `p`, or Swift's description of the double), one layer record a line.
///
/// ``write(_:)-(AnyTrace)`` writes the steps a trace kept; ``stream(_:limits:to:)`` runs a
/// spec and writes each step as it is made, keeping none, so its memory does not grow with
/// the steps. Both give the same bytes for the same run.
public enum TraceJSONWriter {
    /// The JSON of every step `trace` kept.
    public static func write(_ trace: AnyTrace) -> String {
        switch trace {
        case let .exact(trace): return write(trace)
        case let .float(trace): return write(trace)
        }
    }

    /// The JSON of every step `trace` kept.
    public static func write<Value: Scalar>(_ trace: Trace<Value>) -> String {
        var out = header(arithmetic: trace.arithmetic, numbering: trace.spec.numbering)
        for (index, step) in trace.steps.enumerated() {
            out += stepText(step, isFirst: index == 0, spec: trace.spec)
        }
        return out + footer(wroteSteps: !trace.steps.isEmpty)
    }

    /// Runs `spec` in the arithmetic it resolves to and hands the JSON to `sink` piece by
    /// piece: the header, each step as the engine makes it, then the footer. On an error the
    /// footer is never written, so a caller that must print nothing on failure should hold the
    /// pieces (in a temporary file, say) until this returns.
    public static func stream(_ spec: NetworkSpec, limits: Limits = .default,
                              to sink: @escaping (String) -> Void) throws(EngineError) {
        switch spec.resolvedArithmetic {
        case .exact: try stream(Engine<Rational>(spec: spec, limits: limits), to: sink)
        case .float: try stream(Engine<Double>(spec: spec, limits: limits), to: sink)
        }
    }

    /// Runs `engine` with nothing kept and hands the JSON to `sink` piece by piece.
    public static func stream<Value: Scalar>(_ engine: Engine<Value>, to sink: @escaping (String) -> Void) throws(EngineError) {
        sink(header(arithmetic: Value.isExact ? .exact : .float, numbering: engine.spec.numbering))
        var isFirst = true
        _ = try engine.run(policy: .none) { step in
            sink(stepText(step, isFirst: isFirst, spec: engine.spec))
            isFirst = false
        }
        sink(footer(wroteSteps: !isFirst))
    }

    // MARK: Pieces

    private static func header(arithmetic: Arithmetic, numbering: Int) -> String {
        "{\n  \"arithmetic\": \(quote(arithmetic.rawValue)),\n  \"numbering\": \(numbering),\n  \"steps\": [\n"
    }

    /// One step, preceded by the separator from the step before it (the writer cannot know
    /// which step is last until the run ends).
    private static func stepText<Value: Scalar>(_ step: StepRecord<Value>, isFirst: Bool, spec: NetworkSpec) -> String {
        // A layer without a bias has none to report: its records leave the key out.
        func biasOf(_ layer: Int, _ bias: Matrix<Value>) -> Matrix<Value>? {
            spec.layers[layer - spec.numbering - 1].hasBias ? bias : nil
        }
        var out = isFirst ? "" : ",\n"
        out += "    {\n"
        out += "      \"step\": \(step.step),\n"
        out += "      \"forward\": " + list(step.forward.map { "{\"layer\": \($0.layer), \"z\": \(matrix($0.z)), \"a\": \(matrix($0.a))}" }) + ",\n"
        out += "      \"loss\": \(quote(step.loss.description)),\n"
        out += "      \"backward\": " + list(step.backward.map { "{\"layer\": \($0.layer), \"delta\": \(matrix($0.delta))}" }) + ",\n"
        out += "      \"gradients\": " + list(step.gradients.map { parameters($0.layer, $0.weights, biasOf($0.layer, $0.bias)) })
        if let updated = step.updated {
            out += ",\n      \"updated\": " + list(updated.map { parameters($0.layer, $0.weights, biasOf($0.layer, $0.bias)) })
        }
        return out + "\n    }"
    }

    private static func footer(wroteSteps: Bool) -> String {
        (wroteSteps ? "\n" : "") + "  ]\n}\n"
    }

    private static func parameters<Value: Scalar>(_ layer: Int, _ weights: Matrix<Value>, _ bias: Matrix<Value>?) -> String {
        "{\"layer\": \(layer), \"weights\": \(matrix(weights))" + (bias.map { ", \"bias\": \(matrix($0))" } ?? "") + "}"
    }

    private static func list(_ items: [String]) -> String {
        "[\n" + items.map { "        " + $0 }.joined(separator: ",\n") + "\n      ]"
    }

    private static func matrix<Value: Scalar>(_ m: Matrix<Value>) -> String {
        "[" + m.rowList.map { "[" + $0.map { quote($0.description) }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }

    /// Numbers and the fixed words need no escapes; quote anyway for safety.
    private static func quote(_ text: String) -> String { JSONString.quote(text) }
}
