import BPEngine
import BPNumerics
import Foundation

/// Writes a trace as the contract's JSON (`bpreport run SPEC --format json`): every number a
/// string (`p/q`, `p`, or Swift's description of the double), one layer record a line.
public enum TraceJSONWriter {
    public static func write(_ trace: AnyTrace) -> String {
        switch trace {
        case let .exact(trace): return write(trace)
        case let .float(trace): return write(trace)
        }
    }

    public static func write<Value: Scalar>(_ trace: Trace<Value>) -> String {
        var out = "{\n"
        out += "  \"arithmetic\": \(quote(trace.arithmetic.rawValue)),\n"
        out += "  \"numbering\": \(trace.spec.numbering),\n"
        out += "  \"steps\": [\n"
        for (index, step) in trace.steps.enumerated() {
            out += "    {\n"
            out += "      \"step\": \(step.step),\n"
            out += "      \"forward\": " + list(step.forward.map { "{\"layer\": \($0.layer), \"z\": \(matrix($0.z)), \"a\": \(matrix($0.a))}" }) + ",\n"
            out += "      \"loss\": \(quote(step.loss.description)),\n"
            out += "      \"backward\": " + list(step.backward.map { "{\"layer\": \($0.layer), \"delta\": \(matrix($0.delta))}" }) + ",\n"
            out += "      \"gradients\": " + list(step.gradients.map(parameters))
            if let updated = step.updated {
                out += ",\n      \"updated\": " + list(updated.map(parameters))
            }
            out += "\n    }" + (index == trace.steps.count - 1 ? "\n" : ",\n")
        }
        out += "  ]\n}\n"
        return out
    }

    private static func parameters<Value: Scalar>(_ layer: LayerParameters<Value>) -> String {
        "{\"layer\": \(layer.layer), \"weights\": \(matrix(layer.weights)), \"bias\": \(matrix(layer.bias))}"
    }

    private static func list(_ items: [String]) -> String {
        "[\n" + items.map { "        " + $0 }.joined(separator: ",\n") + "\n      ]"
    }

    private static func matrix<Value: Scalar>(_ m: Matrix<Value>) -> String {
        "[" + m.rowList.map { "[" + $0.map { quote($0.description) }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }

    /// Numbers and the fixed words need no escapes; quote anyway for safety.
    private static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
