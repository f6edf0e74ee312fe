import BPEngine
import BPNumerics
import FoundationEssentials

/// How `check --gradients` prints a result: a block of lines per spec, or one JSON list.
enum GradientCheckOutput {
    /// `SPEC: gradient check passed (tolerance 1e-06)` and a line per layer with its largest
    /// relative error, where, and how many entries were compared.
    static func text(_ result: GradientCheckResult, spec: String) -> String {
        let tolerance = result.tolerance.printf("%g")
        let verdict = result.passed
            ? "passed"
            : "FAILED at layer\(result.failedLayers.count == 1 ? "" : "s") \(result.failedLayers.map(String.init).joined(separator: ", "))"
        var out = "\(spec): gradient check \(verdict) (tolerance \(tolerance))\n"
        for layer in result.layers {
            let error = layer.largestRelativeError
            var line = "  layer \(layer.layer): largest relative error "
            if error == 0 {
                // Every entry agrees to within the loss's rounding: how closely, plainly.
                if let plain = layer.largestPlainDifference {
                    line += "\(scientific(plain.value)) at \(name(plain.comparison.entry)) (within rounding)"
                } else {
                    line += "0 (within rounding)"
                }
            } else {
                line += "\(scientific(error)) at \(name(layer.largest.entry))"
            }
            if !layer.passed { line += " > \(tolerance): FAILED" }
            line += ", \(layer.checkedEntries) of \(layer.totalEntries) entries"
            if layer.isSampled { line += " (evenly spaced)" }
            if layer.kinkEntries > 0 { line += " (\(layer.kinkEntries) at a kink, one-sided)" }
            out += line + "\n"
        }
        return out
    }

    /// One object per spec: `{"spec": "reports/problem1.yaml", "passed": true, "tolerance":
    /// 1e-06, "step": 1, "layers": [...]}`, each layer `{"layer": 2, "passed": true, "error":
    /// 3.1e-10, "key": "weights", "row": 1, "col": 2, "backprop": 104.0, "difference":
    /// 104.00000000008, "checked": 6, "total": 6, "kinks": 0}`, and where the loss's rounding
    /// explains every difference (error 0) `"within_rounding": {"error": 7.5e-09, "key":
    /// "weights", "row": 1, "col": 1}`: the largest plain relative difference and its entry.
    static func json(_ results: [(spec: String, result: GradientCheckResult)]) -> String {
        let objects = results.map { spec, result in
            let layers = result.layers.map { layer in
                let largest = layer.largest
                var fields = [
                    "\"layer\": \(layer.layer)", "\"passed\": \(layer.passed)", "\"error\": \(number(largest.relativeError))",
                    "\"key\": \"\(largest.entry.parameter.rawValue)\"", "\"row\": \(largest.entry.row)", "\"col\": \(largest.entry.column)",
                    "\"backprop\": \(number(largest.backprop))", "\"difference\": \(number(largest.difference))",
                    "\"checked\": \(layer.checkedEntries)", "\"total\": \(layer.totalEntries)", "\"kinks\": \(layer.kinkEntries)",
                ]
                // Where the rounding explains every difference (error 0), how closely the values
                // agree, and where: what the text line and the report show.
                if largest.relativeError == 0, let plain = layer.largestPlainDifference {
                    let entry = plain.comparison.entry
                    fields.append("\"within_rounding\": {\"error\": \(number(plain.value)), \"key\": \"\(entry.parameter.rawValue)\", "
                                  + "\"row\": \(entry.row), \"col\": \(entry.column)}")
                }
                return "\n    {" + fields.joined(separator: ", ") + "}"
            }
            return "\n  {\"spec\": \(quote(spec)), \"passed\": \(result.passed), \"tolerance\": \(number(result.tolerance)), "
                + "\"step\": \(result.step), \"layers\": [" + layers.joined(separator: ",") + "\n  ]}"
        }
        return "[" + objects.joined(separator: ",") + (objects.isEmpty ? "]" : "\n]") + "\n"
    }

    /// `dW[1,2]` or `db[2]`.
    private static func name(_ entry: GradientEntry) -> String {
        switch entry.parameter {
        case .weights: return "dW[\(entry.row),\(entry.column)]"
        case .bias: return "db[\(entry.row)]"
        }
    }

    /// Two significant digits, `3.1e-10`: an error's order is what matters.
    private static func scientific(_ x: Double) -> String {
        x.isFinite ? x.printf("%.1e") : "infinite"
    }

    /// A JSON number (Swift's shortest round-trip form); null for NaN or infinity, which JSON has not.
    private static func number(_ x: Double) -> String {
        x.isFinite ? x.description : "null"
    }

    private static func quote(_ text: String) -> String { JSONString.quote(text) }
}
