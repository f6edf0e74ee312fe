import BPEngine
import BPNumerics
import BPSpec
import FoundationEssentials

// `bpreport check --gradients SPEC...`: each spec's first-step backprop gradients against
// central differences of its loss, layer by layer.
extension CheckCommand {
    /// The test hook: `BPREPORT_TEST_BREAK_GRADIENT=<layer number>` scales that layer's dL/dW by
    /// 1.01 before the check, so that the command's failure path can be tested end to end.
    static let breakGradientVariable = "BPREPORT_TEST_BREAK_GRADIENT"

    func runGradientCheck() throws {
        let checker = GradientCheck(tolerance: gradientTolerance ?? GradientCheck.defaultTolerance,
                                    maxEntriesPerLayer: gradientEntries ?? GradientCheck.defaultMaxEntriesPerLayer, limits: engine.limits)
        let broken = try brokenLayer()
        var results: [(spec: String, result: GradientCheckResult)] = []
        for path in specs {
            let result: GradientCheckResult = try CommandFailure.badInput(path) {
                var spec = try StandardInput.spec(at: path, limits: engine.limits)
                // Only the first step's gradients are checked: run no further (and leave out the
                // claims, which a run without an update would refuse and this check never reads).
                spec.steps = 0
                spec.claims = []
                if let broken, !(0..<spec.layers.count).contains(broken - spec.numbering - 1) {
                    throw SpecError(file: StandardInput.label(of: path), message: "\(Self.breakGradientVariable)=\(broken): there is no layer \(broken)")
                }
                switch try AnyTrace.run(spec, limits: engine.limits) {
                case let .exact(trace): return try check(trace, with: checker, breaking: broken)
                case let .float(trace): return try check(trace, with: checker, breaking: broken)
                }
            }
            results.append((StandardInput.label(of: path), result))
            if format == .text { StandardStreams.writeOutput(GradientCheckOutput.text(result, spec: StandardInput.label(of: path))) }
        }
        if format == .json { StandardStreams.writeOutput(GradientCheckOutput.json(results)) }
        if results.contains(where: { !$0.result.passed }) { throw CommandFailure.silent(.checkFailed) }
    }

    /// The first step's gradients checked, with the hook's layer broken when it names one.
    private func check<Value: Scalar>(_ trace: Trace<Value>, with checker: GradientCheck,
                                      breaking layer: Int?) throws(EngineError) -> GradientCheckResult {
        guard let layer, let step = trace.steps.first else { return try checker.check(trace) }
        let factor = Value(101) / Value(100)
        let gradients = step.gradients.map { record in
            record.layer == layer ? GradientRecord(layer: layer, weights: record.weights.scaled(by: factor), bias: record.bias) : record
        }
        return try checker.check(spec: trace.spec, parameters: step.parameters, gradients: gradients, step: step.step)
    }

    /// The layer the test hook names, if it is set.
    private func brokenLayer() throws -> Int? {
        guard let value = ProcessInfo.processInfo.environment[Self.breakGradientVariable], !value.isEmpty else { return nil }
        guard let layer = Int(value) else {
            throw CommandFailure("\(Self.breakGradientVariable)=\(value): not a layer number", status: .badInput)
        }
        return layer
    }
}
