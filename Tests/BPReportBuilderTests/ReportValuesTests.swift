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
        let document = builder.document(for: try AnyTrace.run(spec, policy: builder.recordingPolicy(for: spec)))
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
        if let entry = key.entry { return [[value[entry.row - 1][entry.column - 1]]] }
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
        case let .quantity(_, inner): return scalar(inner)
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

/// `explain:` works one entry out by the chain rule: its factors, multiplied (and summed over
/// the batch) as shown, give the entry of the matrix gradient, which the reference computed too.
@Suite struct ExplainTests {
    static let cases: [(report: String, parameter: String, layer: Int, row: Int, column: Int?)] = [
        ("mazur", "weights", 2, 1, 1), ("mazur", "weights", 1, 1, 1),
        ("xor-bce", "weights", 1, 2, 1), ("exact-steps", "weights", 2, 1, 2), ("exact-steps", "bias", 3, 2, nil),
    ]

    @Test func everyExplainedEntryMultipliesOutToTheReference() throws {
        for c in Self.cases {
            let root = TestPaths.packageRoot()
            let spec = try SpecReader().read(contentsOf: root.appendingPathComponent("reports/\(c.report).yaml").path)
            let document = ReportBuilder().document(for: try AnyTrace.run(spec))
            // The reference's entry of dL/dW (or dL/db) at step 1.
            let reference = try #require(try JSONTree.load(TestPaths.fixtureTrace("report-\(c.report)")) as? [String: Any])
            let gradients = try #require(((reference["steps"] as? [[String: Any]])?.first?["gradients"]) as? [[String: Any]])
            let record = try #require(gradients.first { ($0["layer"] as? Int) == c.layer })
            let matrix = try #require(record[c.parameter] as? [[String]])
            let expected = ReportValuesTests.number(matrix[c.row - 1][(c.column ?? 1) - 1])
            // The explanation of this entry: the display after its lead paragraph.
            let name: MathNode = .subsuperscripted(.id(c.column == nil ? "b" : "w"),
                                                   sub: c.column.map { .number("\(c.row)\($0)") } ?? .num(c.row), sup: .num(c.layer))
            let display = try #require(explanation(of: name, in: document), "\(c.report): no explanation of \(name)")
            let parts = Self.parts(display)
            let result = try #require(ReportValuesTests.scalar(parts[parts.count - 1]))
            let (shown, factors) = try #require(Self.evaluate(parts[parts.count - 2]))
            let tolerance = spec.resolvedArithmetic == .exact ? 1e-12 : 2e-3 * Double(factors)
            #expect(abs(result.number - expected) <= tolerance * max(abs(expected), 1e-9), "\(c.report) \(name): result")
            #expect(abs(shown - expected) <= tolerance * max(abs(expected), 1e-9), "\(c.report) \(name): \(shown) vs \(expected)")
        }
    }

    private func explanation(of name: MathNode, in document: Document) -> MathNode? {
        var found: MathNode?
        var armed = false
        DocumentWalker(block: { block in
            switch block {
            case let .paragraph(inlines): armed = inlines.first == .math(name)
            case let .displayMath(node) where armed: found = found ?? node; armed = false
            default: break
            }
            return .descend
        }).walk(document)
        return found
    }

    /// The chain's parts between its `=` signs, from one line or from aligned lines.
    static func parts(_ node: MathNode) -> [[MathNode]] {
        var items: [MathNode] = []
        func flatten(_ node: MathNode) {
            switch node {
            case let .row(inner) where ReportValuesTests.scalar(node) == nil: inner.forEach(flatten)
            case let .aligned(rows): rows.forEach { $0.forEach(flatten) }
            default: items.append(node)
            }
        }
        flatten(node)
        var parts: [[MathNode]] = [[]]
        for item in items {
            if item == .symbol(.equals) { parts.append([]) } else { parts[parts.count - 1].append(item) }
        }
        return parts
    }

    /// A sum of products of numbers, as written (`a · b · c + d · e · f`), and how many factors a term has.
    static func evaluate(_ items: [MathNode]) -> (Double, Int)? {
        var total = 0.0, term = 1.0, factors = 0, count = 0
        for item in items {
            switch item {
            case .space: continue
            case .symbol(.plus): total += term; term = 1; count = 0
            case let .symbol(symbol) where symbol.tex == "\\cdot": continue
            case let .fenced(_, inner):
                guard let value = ReportValuesTests.scalar(inner) else { return nil }
                term *= value.number; count += 1
            default:
                guard let value = ReportValuesTests.scalar(item) else { return nil }
                term *= value.number; count += 1
            }
            factors = max(factors, count)
        }
        return (total + term, factors)
    }
}

extension ReportValuesTests {
    static func scalar(_ items: [MathNode]) -> Shown? {
        items.count == 1 ? scalar(items[0]) : scalar(.row(items))
    }
}
