import BPDocument
import BPEngine
import BPNumerics
import BPReportBuilder
import BPSpec
import BPTestSupport
import Foundation
import Testing

/// The numbers a report shows, read back from its document, against the independent Python
/// reference's trace (`Tests/Fixtures/traces/report-NAME.json`, made by
/// `reference_backprop.py` from `reports/NAME.yaml`): every keyed value the reference has,
/// entry by entry, within what the report's rounding allows.
@Suite struct ReportValuesTests {
    static let reports = ["mazur", "softmax-batch", "xor-bce", "exact-steps", "problem1", "problem2", "problem3"]

    @Test(arguments: reports)
    func shownValuesAgreeWithTheReference(report: String) throws {
        let root = TestPaths.packageRoot()
        let spec = try SpecReader().read(contentsOf: root.appendingPathComponent("reports/\(report).yaml").path)
        let builder = ReportBuilder()
        let document = builder.document(for: try AnyTrace.run(spec, policy: builder.recordingPolicy))
        let traceName = report.hasPrefix("problem") ? report : "report-\(report)"
        let reference = try #require(try JSONTree.load(TestPaths.fixtureTrace(traceName)) as? [String: Any])
        let steps = try #require(reference["steps"] as? [[String: Any]])
        var compared = 0
        var problems: [String] = []
        DocumentWalker(math: { node in
            guard case let .quantity(key, shown) = node else { return .descend }
            guard let expected = Self.referenceValue(key, steps: steps) else { return .skipChildren }
            let values = Self.shownValues(shown)
            let flat = expected.flatMap { $0 }
            guard values.count == flat.count else {
                problems.append("\(key): shows \(values.count) values, the reference has \(flat.count)")
                return .skipChildren
            }
            for (value, want) in zip(values, flat) {
                compared += 1
                let tolerance: Double
                switch value.precision {
                case .exact: tolerance = 1e-12 * max(1, abs(want))
                // Four significant digits, rounded or cut off.
                case .digits: tolerance = 1e-3 * abs(want) + 1e-15
                }
                if abs(value.number - want) > tolerance { problems.append("\(key): shows \(value.number), the reference \(want)") }
            }
            return .skipChildren
        }).walk(document)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(compared > 20)
    }

    /// The reference's matrix (rows of doubles) for a key, or nil where it keeps none.
    static func referenceValue(_ key: QuantityKey, steps: [[String: Any]]) -> [[Double]]? {
        func matrix(_ any: Any?) -> [[Double]]? {
            (any as? [[String]])?.map { $0.map(number) }
        }
        func record(_ list: String, _ step: Int, _ layer: Int) -> [String: Any]? {
            guard step >= 1, step <= steps.count else { return nil }
            return (steps[step - 1][list] as? [[String: Any]])?.first { ($0["layer"] as? Int) == layer }
        }
        var value: [[Double]]?
        switch key.quantity {
        case .loss:
            guard key.step <= steps.count, let loss = steps[key.step - 1]["loss"] as? String else { return nil }
            return [[number(loss)]]
        case .z: value = key.layer.flatMap { matrix(record("forward", key.step, $0)?["z"]) }
        case .a: value = key.layer.flatMap { matrix(record("forward", key.step, $0)?["a"]) }
        case .delta: value = key.layer.flatMap { matrix(record("backward", key.step, $0)?["delta"]) }
        case .weightGradient: value = key.layer.flatMap { matrix(record("gradients", key.step, $0)?["weights"]) }
        case .biasGradient: value = key.layer.flatMap { matrix(record("gradients", key.step, $0)?["bias"]) }
        case .updatedWeights: value = key.layer.flatMap { matrix(record("updated", key.step, $0)?["weights"]) }
        case .updatedBias: value = key.layer.flatMap { matrix(record("updated", key.step, $0)?["bias"]) }
        // W and b as a step starts are what the step before updated.
        case .weights: value = key.layer.flatMap { matrix(record("updated", key.step - 1, $0)?["weights"]) }
        case .bias: value = key.layer.flatMap { matrix(record("updated", key.step - 1, $0)?["bias"]) }
        default: return nil
        }
        guard let value else { return nil }
        if key.transposed {
            return (0..<(value.first?.count ?? 0)).map { j in value.map { $0[j] } }
        }
        return value
    }

    /// `p/q`, `p`, or a double's text.
    static func number(_ text: String) -> Double {
        if let slash = text.firstIndex(of: "/") {
            return SpecValue(parsing: text)!.exact.doubleValue.isFinite
                ? Double(String(text[..<slash]))! / Double(String(text[text.index(after: slash)...]))!
                : .nan
        }
        return Double(text)!
    }

    struct Shown {
        enum Precision { case exact, digits }
        let number: Double
        let precision: Precision
    }

    /// The numbers a shown value stands for, row by row: a scalar, a matrix, or a factor times
    /// a matrix; each number written in full, as a fraction, or as digits (rounded, or cut off
    /// with an ellipsis), possibly times a power of ten.
    static func shownValues(_ node: MathNode) -> [Shown] {
        if case let .row(parts) = node, parts.count == 3, case .space = parts[1], case let .matrix(rows, _) = parts[2],
           let factor = scalar(parts[0]) {
            return rows.flatMap { $0 }.compactMap(scalar).map { Shown(number: $0.number * factor.number, precision: .exact) }
        }
        if case let .matrix(rows, _) = node { return rows.flatMap { $0 }.compactMap(scalar) }
        return scalar(node).map { [$0] } ?? []
    }

    static func scalar(_ node: MathNode) -> Shown? {
        switch node {
        case let .number(text):
            // A float run's text with four significant digits, or an exact decimal.
            let digits = text.filter(\.isNumber).drop { $0 == "0" }
            return Double(text).map { Shown(number: $0, precision: digits.count >= 4 ? .digits : .exact) }
        case let .fraction(.number(top), .number(bottom)):
            return Double(top).flatMap { t in Double(bottom).map { Shown(number: t / $0, precision: .exact) } }
        case let .row(parts):
            if parts.count == 2, case .symbol(.minus) = parts[0], let inner = scalar(parts[1]) {
                return Shown(number: -inner.number, precision: inner.precision)
            }
            if parts.count == 2, case .symbol(.ellipsis) = parts[1], let inner = scalar(parts[0]) {
                return Shown(number: inner.number, precision: .digits)
            }
            // m × 10^e, or m… × 10^e.
            if let times = parts.firstIndex(of: .symbol(.times)), case let .superscripted(.number("10"), .number(exponent)) = parts.last,
               let mantissa = scalar(times == 1 ? parts[0] : .row(Array(parts[..<times]))), let e = Double(exponent) {
                return Shown(number: mantissa.number * pow(10, e), precision: .digits)
            }
            return nil
        default:
            return nil
        }
    }
}
