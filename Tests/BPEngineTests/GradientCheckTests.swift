import BPEngine
import BPNumerics
import BPSpec
import BPTestSupport
import Foundation
import Testing

/// `GradientCheck`: the backprop gradients of a trace against central differences of the float
/// loss, layer by layer.
@Suite struct GradientCheckTests {
    /// Runs a spec in the arithmetic it resolves to and checks its first step.
    private func check(_ spec: NetworkSpec, _ checker: GradientCheck = GradientCheck()) throws -> GradientCheckResult {
        switch try AnyTrace.run(spec) {
        case let .exact(trace): return try checker.check(trace)
        case let .float(trace): return try checker.check(trace)
        }
    }

    private func readFile(_ url: URL) throws -> NetworkSpec {
        try SpecReader().read(contentsOf: url.path)
    }

    /// The first step's gradients, with layer `layer`'s dL/dW scaled by `factor`.
    private func gradients<Value: Scalar>(of trace: Trace<Value>, scalingWeightsOf layer: Int,
                                          by factor: Value) -> [GradientRecord<Value>] {
        trace.steps[0].gradients.map { record in
            record.layer == layer ? GradientRecord(layer: layer, weights: record.weights.scaled(by: factor), bias: record.bias) : record
        }
    }

    private func failureMessage(_ result: GradientCheckResult) -> String {
        result.layers.map { "layer \($0.layer): \($0.largest)" }.joined(separator: "\n")
    }

    static let reportNames: [String] = {
        let folder = TestPaths.packageRoot().appendingPathComponent("reports")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test func theSeedProblemsPass() throws {
        #expect(Self.reportNames.contains("problem1") && Self.reportNames.count >= 7)
        for name in ["problem1", "problem2", "problem3"] {
            let result = try check(try readFile(TestPaths.report(name)))
            #expect(result.passed, "\(name)\n\(failureMessage(result))")
            #expect(result.step == 1 && result.tolerance == 1e-6)
            // Small layers: every entry is compared, none at a kink (identity and square).
            #expect(result.layers.allSatisfy { !$0.isSampled && $0.kinkEntries == 0 }, "\(name)")
        }
        // Problem 1 numbers its input 0: its weight layers are 1 and 2, with 6 + 3 and 6 + 2 entries.
        let problem1 = try check(try readFile(TestPaths.report("problem1")))
        #expect(problem1.layers.map(\.layer) == [1, 2])
        #expect(problem1.layers.map(\.totalEntries) == [9, 8])
        // Problem 3 has biases (all zero): 3 x 2 + 3, 2 x 3 + 2, 1 x 2 + 1.
        let problem3 = try check(try readFile(TestPaths.report("problem3")))
        #expect(problem3.layers.map(\.totalEntries) == [9, 8, 3])
    }

    @Test(arguments: reportNames) func everyReportPasses(name: String) throws {
        let result = try check(try readFile(TestPaths.report(name)))
        #expect(result.passed, "\(name)\n\(failureMessage(result))")
    }

    @Test(arguments: TestPaths.fixtureSpecNames()) func everyFixtureSpecPasses(name: String) throws {
        let result = try check(try readFile(TestPaths.fixtureSpec(name)))
        #expect(result.passed, "\(name)\n\(failureMessage(result))")
    }

    @Test("random networks of every activation and loss pass, exact and float", arguments: GradientCase.all)
    func randomNetworksPass(c: GradientCase) throws {
        let spec = try FiniteDifferences.network(c)
        let float = try GradientCheck().check(try Engine<Double>(spec: spec).run())
        #expect(float.passed, "\(c.testDescription)\n\(failureMessage(float))")
        #expect(float.layers.count == spec.layers.count)
        // The generator keeps relu-like units 1e-3 from their kinks, far beyond h.
        #expect(float.layers.allSatisfy { $0.kinkEntries == 0 })
        if spec.isExactlyComputable {
            var exactSpec = spec
            exactSpec.arithmetic = .exact
            let exact = try GradientCheck().check(try Engine<Rational>(spec: exactSpec).run())
            #expect(exact.passed, "\(c.testDescription), exact\n\(failureMessage(exact))")
        }
    }

    @Test("a float run's relative errors are small", arguments: GradientCase.all.filter { $0.seed % 10 == 1 })
    func floatErrorsAreSmall(c: GradientCase) throws {
        let result = try GradientCheck().check(try Engine<Double>(spec: try FiniteDifferences.network(c)).run())
        for layer in result.layers {
            #expect(layer.largestRelativeError < 1e-7, "\(c.testDescription), layer \(layer.layer): \(layer.largest)")
        }
    }

    @Test func theContractNetworkAgainstHandWorkedDifferences() throws {
        // By hand: z2 = (0, 8, 1), z3 = (15, -4), delta3 = (13, -7), so dL/dW3[1,2] = 13 * 8 = 104.
        // L is quadratic in each weight, so the central difference is 104 up to rounding.
        let trace = try Engine<Rational>(spec: try readSpec(TestSpecs.contractNetwork)).run()
        let result = try GradientCheck().check(trace)
        #expect(result.passed)
        let entry = try #require(result.layers[1].comparisons.first { $0.entry == GradientEntry(parameter: .weights, row: 1, column: 2) })
        #expect(entry.backprop == 104 && abs(entry.difference - 104) < 1e-6 && entry.formula == .central)
        #expect(entry.relativeError < 1e-7)
        // W3[1,2] = 2, so h = 2e-6; the allowance for rounding is 8 ulps of L = 109 times the
        // coefficients' sizes, 1/2h each.
        #expect(abs(entry.rounding - 8 * Double.ulpOfOne * 109 / 2e-6) < 1e-3 * entry.rounding)
        #expect(abs(entry.backprop - entry.difference) <= entry.rounding)
        // dL/dW3[1,1] = 13 * 0 = 0 and L does not move with W3[1,1] at all: error exactly 0.
        let zero = try #require(result.layers[1].comparisons.first)
        #expect(zero.backprop == 0 && zero.difference == 0 && zero.relativeError == 0)
    }

    @Test func aGradientScaledBy1Point01FailsNamingItsLayer() throws {
        let trace = try Engine<Rational>(spec: try readSpec(TestSpecs.contractNetwork)).run()
        let broken = gradients(of: trace, scalingWeightsOf: 3, by: Rational(101) / Rational(100))
        let step = trace.steps[0]
        let result = try GradientCheck().check(spec: trace.spec, parameters: step.parameters, gradients: broken)
        #expect(!result.passed)
        #expect(result.failedLayers == [3])
        #expect(result.layers[0].passed && result.layers[0].largestRelativeError < 1e-7)
        // By hand: g = 1.01 n, so |g - n| / |g| = 0.01 / 1.01 = 0.0099009...
        let expected = 0.01 / 1.01
        #expect(abs(result.layers[1].largestRelativeError - expected) < 1e-6, "\(result.layers[1].largest)")
        // dL/dW3[1,2] = 104 becomes 105.04, against a difference of 104.
        let entry = try #require(result.layers[1].comparisons.first { $0.entry == GradientEntry(parameter: .weights, row: 1, column: 2) })
        #expect(abs(entry.backprop - 105.04) < 1e-12 && abs(entry.difference - 104) < 1e-6)
        // Zero gradients stay zero when scaled: the largest error is at a non-zero entry.
        #expect(result.layers[1].largest.backprop != 0)
    }

    @Test("a broken layer fails by itself, in every layer of every seed problem", arguments: ["problem1", "problem2", "problem3"])
    func brokenLayersAreNamed(name: String) throws {
        let spec = try readFile(TestPaths.report(name))
        let trace = try Engine<Rational>(spec: spec).run()
        for layer in trace.steps[0].parameters.map(\.layer) {
            let broken = gradients(of: trace, scalingWeightsOf: layer, by: Rational(101) / Rational(100))
            let result = try GradientCheck().check(spec: trace.spec, parameters: trace.steps[0].parameters, gradients: broken)
            #expect(result.failedLayers == [layer], "\(name), layer \(layer)\n\(failureMessage(result))")
            let failed = try #require(result.layers.first { $0.layer == layer })
            #expect(abs(failed.largestRelativeError - 0.01 / 1.01) < 1e-6)
        }
    }

    @Test("random float networks with one broken layer fail there only", arguments: [GradientCase.all[0], GradientCase.all[40], GradientCase.all[80], GradientCase.all.last!])
    func brokenRandomLayers(c: GradientCase) throws {
        let spec = try FiniteDifferences.network(c)
        let trace = try Engine<Double>(spec: spec).run()
        let layer = spec.outputLayerNumber
        let result = try GradientCheck().check(spec: spec, parameters: trace.steps[0].parameters,
                                               gradients: gradients(of: trace, scalingWeightsOf: layer, by: 1.01))
        #expect(result.failedLayers == [layer], "\(c.testDescription)\n\(failureMessage(result))")
    }

    @Test func reluAtZeroIsAKinkAndPasses() throws {
        // The fixture's hidden unit 2 has z = 2 * 1 - 1 * 2 + 0 = 0 exactly: W2[2,1], W2[2,2] and
        // b2[2] each move it across the kink, in both arithmetics.
        var spec = try readFile(TestPaths.fixtureSpec("relu-zero-exact"))
        for arithmetic in [ArithmeticChoice.exact, .float] {
            spec.arithmetic = arithmetic
            let result = try check(spec)
            #expect(result.passed, "\(arithmetic)\n\(failureMessage(result))")
            #expect(result.layers.map(\.kinkEntries) == [3, 0])
            let kinked = result.layers[0].comparisons.filter(\.atKink).map(\.entry)
            #expect(kinked == [GradientEntry(parameter: .weights, row: 2, column: 1), GradientEntry(parameter: .weights, row: 2, column: 2),
                               GradientEntry(parameter: .bias, row: 2, column: 1)])
            // relu'(0) = 0, the slope below the kink: raising W2[2,1] raises z, so the backward
            // difference is the one that matches: L does not move below the kink (the difference is
            // 0 but for the rounding of its coefficients, which need not sum to exactly 0).
            let first = result.layers[0].comparisons.first { $0.atKink }!
            #expect(first.backprop == 0 && first.formula == .backward && abs(first.difference) < 1e-9, "\(first)")
            #expect(first.relativeError == 0)
        }
    }

    @Test func leakyReluAtZeroIsAKinkAndPasses() throws {
        // z2 = (2 - 2, 1 + 2) = (0, 3): the first unit sits on the kink, where the engine takes alpha.
        let spec = try readSpec("""
        input: [1, 2]
        target: [1]
        layers:
          - {weights: [[2, -1], [1, 1]], bias: [0, 0], activation: {name: leaky_relu, alpha: 0.1}}
          - {weights: [[1, -1]], bias: [0], activation: identity}
        loss: half_sse
        steps: 0
        """)
        let result = try check(spec)
        #expect(result.passed, "\(failureMessage(result))")
        #expect(result.layers.map(\.kinkEntries) == [3, 0])
        #expect(result.layers[0].comparisons.filter(\.atKink).allSatisfy { $0.formula == .backward })
        // A central difference across the kink averages the slopes 1 and 0.1 and would fail:
        // broken by the average, the gradient no longer matches either side.
        let trace = try Engine<Rational>(spec: spec).run()
        var records = trace.steps[0].gradients
        let weights = records[0].weights
        let averaged = Matrix(rows: 2, columns: 2) { i, j in i == 0 ? weights[i, j] * Rational(11) / Rational(2) : weights[i, j] }
        records[0] = GradientRecord(layer: 2, weights: averaged, bias: records[0].bias)
        let broken = try GradientCheck().check(spec: trace.spec, parameters: trace.steps[0].parameters, gradients: records)
        #expect(broken.failedLayers == [2])
    }

    @Test func anExactZeroThatRoundsOffZeroInFloat() throws {
        // Exactly, z2[1] = 0.1 + 0.2 - 0.3 = 0, and relu'(0) = 0; in float it is 5.6e-17 > 0, where
        // the float run takes slope 1. Each run's gradient matches the side its own z is on.
        let text = """
        input: [1, 1]
        target: [1]
        layers:
          - {weights: [[0.1, 0.2], [1, 1]], bias: ["-0.3", 0], activation: relu}
          - {weights: [[2, 1]], activation: identity}
        loss: half_sse
        steps: 0
        """
        var spec = try readSpec(text)
        for (arithmetic, formula) in [(ArithmeticChoice.exact, GradientComparison.Formula.backward), (.float, .forward)] {
            spec.arithmetic = arithmetic
            let result = try check(spec)
            #expect(result.passed, "\(arithmetic)\n\(failureMessage(result))")
            #expect(result.layers[0].kinkEntries == 3, "\(arithmetic)")
            #expect(result.layers[0].comparisons.filter { $0.atKink }.allSatisfy { $0.formula == formula }, "\(arithmetic)")
        }
    }

    @Test func largeLayersAreSampledTheSameWayEveryTime() throws {
        var rng = SplitMix64(seed: 7)
        func random(_ rows: Int, _ columns: Int) -> Matrix<SpecValue> {
            Matrix(rows: rows, columns: columns) { _, _ in specValue(rng.uniform(-1, 1)) }
        }
        let spec = NetworkSpec(title: "wide", numbering: 1, arithmetic: .float, input: random(20, 3), target: random(2, 3),
                               layers: [LayerSpec(weights: random(20, 20), bias: random(20, 1), activation: .tanh),
                                        LayerSpec(weights: random(2, 20), activation: .sigmoid)],
                               loss: .halfSSE, learningRate: nil, steps: 0)
        let trace = try Engine<Double>(spec: spec).run()
        let checker = GradientCheck(maxEntriesPerLayer: 16)
        let first = try checker.check(trace), second = try checker.check(trace)
        #expect(first == second)
        #expect(first.passed, "\(failureMessage(first))")
        // 400 weights and 20 biases; 40 weights and no bias.
        #expect(first.layers.map(\.totalEntries) == [420, 40])
        #expect(first.layers.map(\.checkedEntries) == [16, 16])
        #expect(first.layers.allSatisfy { $0.isSampled })
        // Evenly spaced from the first entry to the last: index k * 419 / 15 of W then b.
        let entries = first.layers[0].comparisons.map(\.entry)
        #expect(entries.first == GradientEntry(parameter: .weights, row: 1, column: 1))
        #expect(entries.last == GradientEntry(parameter: .bias, row: 20, column: 1))
        #expect(entries[1] == GradientEntry(parameter: .weights, row: 2, column: 8))  // 419 / 15 = 27: row 2, column 8
        #expect(Set(entries).count == 16)
        // A layer without a bias has no bias entries to sample.
        #expect(first.layers[1].comparisons.allSatisfy { $0.entry.parameter == .weights })
        // Everything is checked when the limit allows.
        #expect(try GradientCheck(maxEntriesPerLayer: 1000).check(trace).layers.map(\.checkedEntries) == [420, 40])
    }

    @Test func badTracesAreErrorsNotTraps() throws {
        let spec = try readSpec(TestSpecs.contractNetwork)
        let trace = try Engine<Rational>(spec: spec).run()
        let step = trace.steps[0]
        #expect(throws: EngineError.uncheckableGradients("the trace keeps no step")) {
            try GradientCheck().check(try Engine<Rational>(spec: spec).run(policy: .none))
        }
        #expect(throws: EngineError.uncheckableGradients("there are 1 gradient records for 2 weight layers")) {
            try GradientCheck().check(spec: spec, parameters: step.parameters, gradients: Array(step.gradients.dropLast()))
        }
        let misnumbered = [step.gradients[1], step.gradients[1]]
        #expect(throws: EngineError.uncheckableGradients("a gradient record is numbered layer 3 where layer 2 is expected")) {
            try GradientCheck().check(spec: spec, parameters: step.parameters, gradients: misnumbered)
        }
        let wrongShape = [step.gradients[0], GradientRecord(layer: 3, weights: step.gradients[0].weights, bias: step.gradients[1].bias)]
        #expect(throws: EngineError.uncheckableGradients("dL/dW^3 is 3 x 2, but W^3 is 2 x 3")) {
            try GradientCheck().check(spec: spec, parameters: step.parameters, gradients: wrongShape)
        }
        #expect(throws: EngineError.uncheckableGradients("the parameters do not fit the network: they have 1 weight layer, but the spec has 2")) {
            try GradientCheck().check(spec: spec, parameters: Array(step.parameters.prefix(1)), gradients: step.gradients)
        }
        // Exact parameters beyond the range of a double: the float z is not finite, and says so.
        let huge = Rational.powerOfTen(400)
        var parameters = step.parameters
        parameters[0] = LayerParameters(layer: 2, weights: parameters[0].weights.map { $0 * huge }, bias: parameters[0].bias)
        #expect(throws: EngineError.nonFinite(step: 1, layer: 2, quantity: "z^2")) {
            try GradientCheck().check(spec: spec, parameters: parameters, gradients: step.gradients)
        }
        // So are exact gradients beyond it.
        var gradients = step.gradients
        gradients[1] = GradientRecord(layer: 3, weights: gradients[1].weights.map { $0 * huge }, bias: gradients[1].bias)
        #expect(throws: EngineError.nonFinite(step: 1, layer: 3, quantity: "dL/dW^3 as a float")) {
            try GradientCheck().check(spec: spec, parameters: step.parameters, gradients: gradients)
        }
        // A NaN tolerance fails rather than passes.
        #expect(try !GradientCheck(tolerance: .nan).check(trace).passed)
    }
}

/// The plain relative difference a report shows where the rounding allowance explains all.
@Suite struct PlainDifferenceTests {
    private func comparison(_ column: Int, backprop: Double, difference: Double, rounding: Double) -> GradientComparison {
        GradientComparison(entry: GradientEntry(parameter: .weights, row: 1, column: column), backprop: backprop, difference: difference,
                           rounding: rounding, relativeError: 0, formula: .central, atKink: false)
    }

    @Test func theLargestDifferenceClearOfRoundingAndWhere() throws {
        // By hand: |104 − 104.0000104| / 104.0000104 = 1.0e-7; |2 − 2.000000002| / 2.000000002 = 1e-9;
        // a zero gradient beside 1e-9 of rounding noise says nothing and is left out.
        let entries = [
            comparison(1, backprop: 2, difference: 2.000000002, rounding: 1e-9),
            comparison(2, backprop: 104, difference: 104.0000104, rounding: 1e-9),
            comparison(3, backprop: 0, difference: 1e-9, rounding: 1e-8),
        ]
        let layer = LayerGradientCheck(layer: 2, largest: entries[0], comparisons: entries, totalEntries: 3, kinkEntries: 0, passed: true)
        let plain = try #require(layer.largestPlainDifference)
        #expect(abs(plain.value - 0.0000104 / 104.0000104) < 1e-15)
        #expect(plain.comparison.entry.column == 2)
        let noise = LayerGradientCheck(layer: 2, largest: entries[2], comparisons: [entries[2]], totalEntries: 1, kinkEntries: 0, passed: true)
        #expect(noise.largestPlainDifference == nil)
    }
}
