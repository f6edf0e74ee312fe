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
        var text = ""
        var out = Output { text += $0 }
        out.append(header(arithmetic: trace.arithmetic, numbering: trace.spec.numbering))
        for (index, step) in trace.steps.enumerated() {
            writeStep(step, isFirst: index == 0, spec: trace.spec, to: &out)
        }
        out.append(footer(wroteSteps: !trace.steps.isEmpty))
        out.flush()
        return text
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

    /// Runs `engine` with nothing kept and hands the JSON to `sink` piece by piece (none
    /// longer than about 64 kB, whatever the size of a step).
    public static func stream<Value: Scalar>(_ engine: Engine<Value>, to sink: @escaping (String) -> Void) throws(EngineError) {
        var out = Output(sink: sink)
        out.append(header(arithmetic: Value.isExact ? .exact : .float, numbering: engine.spec.numbering))
        var isFirst = true
        _ = try engine.run(policy: .none) { step in
            writeStep(step, isFirst: isFirst, spec: engine.spec, to: &out)
            isFirst = false
        }
        out.append(footer(wroteSteps: !isFirst))
        out.flush()
    }

    // MARK: Pieces

    /// Text gathered into pieces of about 64 kB for the sink: a step of a large network is
    /// tens of megabytes, which is never held whole.
    private struct Output {
        let sink: (String) -> Void
        private var buffer = ""
        private static let pieceSize = 1 << 16

        init(sink: @escaping (String) -> Void) {
            self.sink = sink
            buffer.reserveCapacity(Self.pieceSize + 1024)
        }

        mutating func append(_ text: String) {
            buffer += text
            if buffer.utf8.count >= Self.pieceSize { flush() }
        }

        /// `text` in quotes: as ``JSONString/quote(_:)`` writes it, without a copy when (as
        /// with every number) nothing in it needs escaping.
        mutating func appendQuoted(_ text: String) {
            if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
                buffer += "\""
                buffer += text
                buffer += "\""
                if buffer.utf8.count >= Self.pieceSize { flush() }
            } else {
                append(JSONString.quote(text))
            }
        }

        mutating func flush() {
            guard !buffer.isEmpty else { return }
            sink(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    private static func header(arithmetic: Arithmetic, numbering: Int) -> String {
        "{\n  \"arithmetic\": \(quote(arithmetic.rawValue)),\n  \"numbering\": \(numbering),\n  \"steps\": [\n"
    }

    /// One step, preceded by the separator from the step before it (the writer cannot know
    /// which step is last until the run ends).
    private static func writeStep<Value: Scalar>(_ step: StepRecord<Value>, isFirst: Bool, spec: NetworkSpec, to out: inout Output) {
        // A layer without a bias has none to report: its records leave the key out.
        func biasOf(_ layer: Int, _ bias: Matrix<Value>) -> Matrix<Value>? {
            spec.layers[layer - spec.numbering - 1].hasBias ? bias : nil
        }
        out.append(isFirst ? "" : ",\n")
        out.append("    {\n")
        out.append("      \"step\": \(step.step),\n")
        out.append("      \"forward\": ")
        list(step.forward, to: &out) { record, out in
            out.append("{\"layer\": \(record.layer), \"z\": ")
            matrix(record.z, to: &out)
            out.append(", \"a\": ")
            matrix(record.a, to: &out)
            out.append("}")
        }
        out.append(",\n")
        out.append("      \"loss\": \(quote(step.loss.description)),\n")
        out.append("      \"backward\": ")
        list(step.backward, to: &out) { record, out in
            out.append("{\"layer\": \(record.layer), \"delta\": ")
            matrix(record.delta, to: &out)
            out.append("}")
        }
        out.append(",\n")
        out.append("      \"gradients\": ")
        list(step.gradients, to: &out) { record, out in
            parameters(record.layer, record.weights, biasOf(record.layer, record.bias), to: &out)
        }
        if let updated = step.updated {
            out.append(",\n      \"updated\": ")
            list(updated, to: &out) { record, out in
                parameters(record.layer, record.weights, biasOf(record.layer, record.bias), to: &out)
            }
        }
        out.append("\n    }")
    }

    private static func footer(wroteSteps: Bool) -> String {
        (wroteSteps ? "\n" : "") + "  ]\n}\n"
    }

    private static func parameters<Value: Scalar>(_ layer: Int, _ weights: Matrix<Value>, _ bias: Matrix<Value>?, to out: inout Output) {
        out.append("{\"layer\": \(layer), \"weights\": ")
        matrix(weights, to: &out)
        if let bias {
            out.append(", \"bias\": ")
            matrix(bias, to: &out)
        }
        out.append("}")
    }

    /// A layer record a line, indented under its key.
    private static func list<Record>(_ items: [Record], to out: inout Output, _ item: (Record, inout Output) -> Void) {
        out.append("[\n")
        for (index, record) in items.enumerated() {
            out.append(index == 0 ? "        " : ",\n        ")
            item(record, &out)
        }
        out.append("\n      ]")
    }

    /// A list of rows, each a list of quoted numbers.
    private static func matrix<Value: Scalar>(_ m: Matrix<Value>, to out: inout Output) {
        out.append("[")
        for i in 0..<m.rows {
            out.append(i == 0 ? "[" : ", [")
            for j in 0..<m.columns {
                if j > 0 { out.append(", ") }
                out.appendQuoted(m[i, j].description)
            }
            out.append("]")
        }
        out.append("]")
    }

    /// Numbers and the fixed words need no escapes; quote anyway for safety.
    private static func quote(_ text: String) -> String { JSONString.quote(text) }
}
