import BPDocument
import BPEngine
import BPNumerics
import BPReportBuilder
import BPSpec
import BPTestSupport
import Foundation
import Testing

/// Every value a report computed carries its quantity key, the key names the value it shows,
/// and no given value carries one. Keys are looked up in the trace here, independently of the
/// builder, and the shown node is rebuilt with the number style.
@Suite struct QuantityKeyTests {
    static let specs: [String] = ["reports/problem1.yaml", "reports/problem2.yaml", "reports/problem3.yaml",
                                  "Tests/Fixtures/specs/softmax-ce-batch.yaml", "Tests/Fixtures/specs/sigmoid-bce.yaml",
                                  "Tests/Fixtures/specs/relu-leaky-mse-batch.yaml", "Tests/Fixtures/specs/problem1-steps8-exact.yaml"]

    @Test(arguments: specs)
    func everyComputedMatrixIsKeyedAndNoGivenOneIs(path: String) throws {
        let spec = try SpecReader().read(contentsOf: TestPaths.packageRoot().appendingPathComponent(path).path)
        let options = ReportOptions(significantDigits: 4, maxMatrixSize: 8, maxDecimalPlaces: 6,
                                    showSteps: StepSelection(items: [.number(1), .number(2), .number(3)]))
        let builder = ReportBuilder(options: options)
        switch try AnyTrace.run(spec, policy: builder.recordingPolicy(for: spec)) {
        case let .exact(trace): try check(trace, builder: builder)
        case let .float(trace): try check(trace, builder: builder)
        }
    }

    private func check<V: Scalar>(_ trace: Trace<V>, builder: ReportBuilder) throws {
        let document = builder.document(for: trace)
        let style = NumberStyle(options: builder.options)
        var keyed = 0
        var untagged: [MathNode] = []
        var problems: [String] = []
        DocumentWalker(math: { node in
            switch node {
            case let .quantity(key, shown):
                keyed += 1
                if key.quantity == .loss {
                    // The loss before step k's update; after the last one, the trace's final loss.
                    let index = key.step - trace.firstStep
                    let loss = index < trace.losses.count ? trace.losses[index] : trace.finalLoss
                    if key.step > trace.lastStep + 1 || loss.map(style.node) != shown {
                        problems.append("\(key): shows something other than the loss")
                    }
                } else if let entry = key.entry, let value = Self.value(of: QuantityKey(step: key.step, layer: key.layer, quantity: key.quantity), in: trace) {
                    // One entry of a quantity, as a worked line substitutes it.
                    if shown != style.node(value[entry.row - 1, entry.column - 1]) { problems.append("\(key): shows something other than its entry") }
                } else if let value = Self.value(of: key, in: trace) {
                    if shown != style.matrix(value) { problems.append("\(key): shows something other than its value") }
                } else {
                    problems.append("\(key): names nothing in the trace")
                }
                if key.step == 1 && (key.quantity == .weights || key.quantity == .bias) { problems.append("\(key): a given is keyed") }
                if key.layer == trace.spec.numbering && key.quantity == .a { problems.append("\(key): the input is keyed") }
                return .skipChildren
            case .matrix:
                untagged.append(node)
                return .skipChildren
            default:
                return .descend
            }
        }).walk(document)
        #expect(problems == [])
        #expect(keyed > 10)
        // What is left unkeyed must be one of the spec's own matrices (or a transpose of one).
        var givens: [MathNode] = []
        let spec = trace.spec
        var shownGivens = [spec.input, spec.target, spec.input.transposed]
        for layer in spec.layers { shownGivens += [layer.weights, layer.bias, layer.weights.transposed] }
        for matrix in shownGivens {
            DocumentWalker(math: { node in
                if case .matrix = node { givens.append(node) }
                return .descend
            }).walk(style.given(matrix))
        }
        let strays = untagged.filter { !givens.contains($0) }
        #expect(strays.isEmpty, "unkeyed matrices that are not givens: \(strays.count)")
    }

    /// The value a key names, found in the trace's records.
    static func value<V: Scalar>(of key: QuantityKey, in trace: Trace<V>) -> Matrix<V>? {
        guard let layer = key.layer, let step = trace.steps.first(where: { $0.step == key.step }) else {
            // The summary shows the parameters after the last step, which no kept step may hold.
            if key.step == trace.lastStep, let layer = key.layer,
               let final = trace.finalParameters.first(where: { $0.layer == layer }) {
                if key.quantity == .updatedWeights { return final.weights }
                if key.quantity == .updatedBias { return final.bias }
            }
            return nil
        }
        let forward = step.forward.first { $0.layer == layer }
        let backward = step.backward.first { $0.layer == layer }
        let gradient = step.gradients.first { $0.layer == layer }
        let parameters = step.parameters.first { $0.layer == layer }
        let updated = step.updated?.first { $0.layer == layer }
        var value: Matrix<V>?
        switch key.quantity {
        case .z: value = forward?.z
        case .a: value = forward?.a
        case .delta: value = backward?.delta
        case .weightGradient: value = gradient?.weights
        case .biasGradient: value = gradient?.bias
        case .weights: value = parameters?.weights
        case .bias: value = parameters?.bias
        case .updatedWeights: value = updated?.weights
        case .updatedBias: value = updated?.bias
        case .lossGradient:
            if case let .output(lossGradient, _)? = backward?.working { value = lossGradient }
        case .derivative:
            switch backward?.working {
            case let .output(_, derivative)?, let .hidden(_, derivative, _)?: value = derivative
            default: value = nil
            }
        case .difference:
            if case let .combinedOutput(difference, _)? = backward?.working { value = difference }
        case .propagated:
            if case let .hidden(propagated, _, _)? = backward?.working { value = propagated }
        default: value = nil
        }
        return key.transposed ? value?.transposed : value
    }
}
