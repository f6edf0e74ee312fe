import BPEngine
import BPNumerics
import BPSpec
import BPTestSupport
import Foundation
import Testing

private func relativeDifference(_ x: Double, _ y: Double) -> Double {
    x == y ? 0 : abs(x - y) / max(abs(x), abs(y))
}

@Suite("Exact and float arithmetic")
struct ArithmeticTests {
    @Test("8 exact steps of problem 1 finish and agree with the float run to 1e-9")
    func exactAgreesWithFloat() throws {
        let exactSpec = try SpecReader().read(contentsOf: TestPaths.fixtureSpec("problem1-steps8-exact").path)
        let floatSpec = try SpecReader().read(contentsOf: TestPaths.fixtureSpec("problem1-steps8-float").path)
        guard case let .exact(exact) = try AnyTrace.run(exactSpec) else {
            Issue.record("problem1-steps8-exact did not run exact")
            return
        }
        guard case let .float(float) = try AnyTrace.run(floatSpec) else {
            Issue.record("problem1-steps8-float did not run float")
            return
        }
        #expect(exact.steps.count == 8 && float.steps.count == 8)
        var compared = 0
        for (e, f) in zip(exact.steps, float.steps) {
            #expect(e.step == f.step)
            #expect(relativeDifference(e.loss.doubleValue, f.loss) <= 1e-9, "step \(e.step) loss")
            let eUpdated = try #require(e.updated), fUpdated = try #require(f.updated)
            for (el, fl) in zip(eUpdated, fUpdated) {
                #expect(el.layer == fl.layer)
                for (x, y) in zip(el.weights.entries + el.bias.entries, fl.weights.entries + fl.bias.entries) {
                    #expect(relativeDifference(x.doubleValue, y) <= 1e-9, "step \(e.step) layer \(el.layer): \(x.doubleValue) vs \(y)")
                    compared += 1
                }
            }
        }
        // 8 steps x (6 + 3 + 6 + 2) parameters.
        #expect(compared == 8 * 17)
        // The numbers really are big by then: step 8's widest has 5,299 digits (computed with Python's fractions).
        let widest = exact.steps[7].updated!.flatMap { $0.weights.entries + $0.bias.entries }.map(\.digitCount).max() ?? 0
        #expect((5299...5300).contains(widest))
    }

    /// problem1 in exact arithmetic with more steps. Python's fractions give the widest numerator or
    /// denominator of the updated parameters, step by step: 3, 8, 22, 66, 197, 589, 1767, 5299,
    /// 15898, 47693 (roughly threefold). GMP may count one digit more.
    private func problem1(steps: Int, arithmetic: ArithmeticChoice = .exact) throws -> NetworkSpec {
        var spec = try SpecReader().read(contentsOf: TestPaths.fixtureSpec("problem1-steps8-exact").path)
        spec.steps = steps
        spec.arithmetic = arithmetic
        return spec
    }

    @Test("the digit limit stops an exact run at the first step past it")
    func digitLimitDefault() throws {
        // Default limit 20,000: step 9 reaches 15,898 digits (under), step 10 reaches 47,693 (over).
        let spec = try problem1(steps: 10)
        do {
            _ = try AnyTrace.run(spec)
            Issue.record("10 exact steps ran past the digit limit")
        } catch {
            guard case let .digitLimit(step, digits, limit) = error else {
                Issue.record("expected digitLimit, got \(error)")
                return
            }
            #expect(step == 10)
            #expect((47693...47694).contains(digits))
            #expect(limit == 20_000)
            let text = error.description
            #expect(text.contains("step 10"))
            #expect(text.contains("arithmetic: float"))
            #expect(text.contains("--max-digits"))
        }
        // 9 steps stay within it.
        guard case let .exact(nine) = try AnyTrace.run(try problem1(steps: 9)) else {
            Issue.record("9 steps did not run exact")
            return
        }
        #expect(nine.steps.count == 9)
    }

    @Test("a lower digit limit stops earlier")
    func digitLimitLow() throws {
        // Limit 100: step 4 has 66 digits, step 5 has 197.
        let limits = Limits(maxEntries: Limits.default.maxEntries, maxSteps: 100, maxDigits: 100)
        #expect(throws: EngineError.self) { try AnyTrace.run(try problem1(steps: 8), limits: limits) }
        do {
            _ = try Engine<Rational>(spec: try problem1(steps: 8), limits: limits).run()
            Issue.record("8 exact steps ran past a limit of 100 digits")
        } catch let EngineError.digitLimit(step, digits, limit) {
            #expect(step == 5)
            #expect((197...198).contains(digits))
            #expect(limit == 100)
        }
        // Four steps pass under the same limit.
        #expect(try Engine<Rational>(spec: try problem1(steps: 4), limits: limits).run().steps.count == 4)
    }

    @Test("floats have no digit limit")
    func floatIgnoresDigits() throws {
        let limits = Limits(maxEntries: Limits.default.maxEntries, maxSteps: 100, maxDigits: 1)
        let trace = try Engine<Double>(spec: try problem1(steps: 12, arithmetic: .float), limits: limits).run()
        #expect(trace.steps.count == 12)
    }

    @Test("auto never switches: an exact run that grows too big stops, it does not turn float")
    func autoNeverSwitches() throws {
        let spec = try problem1(steps: 10, arithmetic: .auto)
        #expect(spec.resolvedArithmetic == .exact)
        #expect(throws: EngineError.self) { try AnyTrace.run(spec) }
        // Within the limit it is exact all the way.
        let json = try JSONTree.parse(TraceJSONWriter.write(try AnyTrace.run(try problem1(steps: 3, arithmetic: .auto))))
        #expect(value(json, ["arithmetic"]) as? String == "exact")
        let last = value(json, ["steps", 2, "updated", 0, "weights", 0, 0]) as? String
        #expect(last?.contains("/") == true)
    }

    @Test("auto: exact-compatible specs run exact, sigmoid runs float")
    func autoResolution() throws {
        let exact = """
        input: [1, 2]
        target: [1]
        layers:
          - weights: [[1, -1], [0.5, 2]]
            bias: [0, 1]
            activation: {name: leaky_relu, alpha: 0.1}
          - weights: [1, 1]
            bias: [0]
            activation: square
        loss: mse
        learning_rate: 0.1
        """
        let exactJSON = try JSONTree.parse(try jsonTrace(ofSpecText: exact))
        #expect(value(exactJSON, ["arithmetic"]) as? String == "exact")
        // z = [1 - 2, 0.5 + 4 + 1] = [-1, 11/2]; a = [-1/10, 11/2].
        #expect(value(exactJSON, ["steps", 0, "forward", 0, "a"]) as? [[String]] == [["-1/10"], ["11/2"]])
        let sigmoid = exact.replacingOccurrences(of: "activation: square", with: "activation: sigmoid")
        let floatJSON = try JSONTree.parse(try jsonTrace(ofSpecText: sigmoid))
        #expect(value(floatJSON, ["arithmetic"]) as? String == "float")
        // The first layer's numbers are written as doubles: -0.1 and 5.5.
        #expect(value(floatJSON, ["steps", 0, "forward", 0, "a"]) as? [[String]] == [["-0.1"], ["5.5"]])
    }

    @Test("exact arithmetic refuses a spec that leaves the rationals")
    func exactEngineRefusesSigmoid() throws {
        let spec = try readSpec("""
        input: [1]
        target: [1]
        layers:
          - {weights: [[1]], bias: [0], activation: sigmoid}
        loss: half_sse
        steps: 0
        """)
        #expect(spec.resolvedArithmetic == .float)
        #expect(throws: EngineError.self) { try Engine<Rational>(spec: spec) }
        do {
            _ = try Engine<Rational>(spec: spec)
            Issue.record("an exact engine accepted sigmoid")
        } catch {
            guard case let .notComputable(reason) = error else {
                Issue.record("expected notComputable, got \(error)")
                return
            }
            #expect(reason.contains("sigmoid"))
        }
        // An exact spec can run in floats.
        let floatRun = try Engine<Double>(spec: try SpecReader().read(contentsOf: TestPaths.report("problem1").path)).run()
        #expect(floatRun.steps[0].loss == 109)
    }

    @Test("a decimal is exact in exact runs and the nearest double in float runs")
    func decimals() throws {
        let text = """
        input: [0.1]
        target: [0]
        layers:
          - {weights: [[1]], bias: [0.2], activation: identity}
        loss: sse
        steps: 0
        """
        guard case let .exact(exact) = try AnyTrace.run(try readSpec(text)) else {
            Issue.record("not exact")
            return
        }
        // 1/10 + 1/5 = 3/10 exactly.
        #expect(exact.steps[0].forward[0].z[0, 0].description == "3/10")
        var floatSpec = try readSpec(text)
        floatSpec.arithmetic = .float
        guard case let .float(float) = try AnyTrace.run(floatSpec) else {
            Issue.record("not float")
            return
        }
        // The doubles nearest 0.1 and 0.2 add up to the double after 0.3.
        #expect(float.steps[0].forward[0].z[0, 0].description == "0.30000000000000004")
        let json = try JSONTree.parse(TraceJSONWriter.write(AnyTrace.float(float)))
        #expect(value(json, ["steps", 0, "forward", 0, "z"]) as? [[String]] == [["0.30000000000000004"]])
    }
}

@Suite("NaN and infinity stop the run")
struct NonFiniteTests {
    @Test("square of 1e200 overflows in the forward pass, naming step 1 and layer 3")
    func squareOverflow() throws {
        let spec = try readSpec("""
        arithmetic: float
        input: [1]
        target: [0]
        layers:
          - {weights: [[1e200]], bias: [0], activation: identity}
          - {weights: [[1]], bias: [0], activation: square}
        loss: half_sse
        steps: 0
        """)
        // z^2 = a^2 = 1e200 is finite; z^3 = 1e200, a^3 = 1e400 is not.
        #expect(throws: EngineError.nonFinite(step: 1, layer: 3, quantity: "a^3", cause: .givenValues)) { try AnyTrace.run(spec) }
        do {
            _ = try AnyTrace.run(spec)
            Issue.record("the run did not stop")
        } catch {
            // Before any update the learning rate cannot be to blame, and the message says so.
            #expect(error.description == "step 1, layer 3: a^3 is not a finite number (NaN or infinity); the run stopped. It overflowed before any update, so the learning rate is not the cause: the input or the weights are too large for floating point (the largest is about 1.8e308); make them smaller.")
        }
    }

    @Test("a huge learning rate overflows at step 2")
    func hugeLearningRate() throws {
        // One square unit: x = 1, w = 1, b = 0, t = 0. Step 1: z = 1, a = 1, delta = (a - t) 2z = 2,
        // dW = db = 2, so w = b = 1 - 2e160 (about -2e160). Step 2: z = -4e160, a = 1.6e321: infinite.
        let spec = try readSpec("""
        arithmetic: float
        input: [1]
        target: [0]
        layers:
          - {weights: [[1]], bias: [0], activation: square}
        loss: half_sse
        learning_rate: 1e160
        steps: 5
        """)
        #expect(throws: EngineError.nonFinite(step: 2, layer: 2, quantity: "a^2", cause: .updates)) { try AnyTrace.run(spec) }
        do {
            _ = try AnyTrace.run(spec)
            Issue.record("the run did not stop")
        } catch {
            #expect(error.description == "step 2, layer 2: a^2 is not a finite number (NaN or infinity); the run stopped. The weight updates made it overflow; a smaller learning_rate may keep it finite.")
        }
    }

    @Test("an overflowing update names the layer it happened in")
    func updateOverflow() throws {
        // dW^2 = delta a^T with delta = a - t = 3 (identity, half_sse): 1e308 * 3 overflows.
        let spec = try readSpec("""
        arithmetic: float
        numbering: 0
        input: [1]
        target: [-2]
        layers:
          - {weights: [[1]], bias: [0], activation: identity}
        loss: half_sse
        learning_rate: 1e308
        """)
        #expect(throws: EngineError.nonFinite(step: 1, layer: 1, quantity: "the updated W^1", cause: .updates)) { try AnyTrace.run(spec) }
    }

    @Test("a loss that overflows names its step")
    func lossOverflow() throws {
        // Identity unit, w = 1, b = 0, x = 1, t = 0, lr = 1e50: z multiplies by (1 - 2e50) a step,
        // so z_k is about (2e50)^(k-1). The loss z^2/2 passes 1.8e308 first at step 5 (z = 1.6e201),
        // while every z, delta and update is still finite.
        let spec = try readSpec("""
        arithmetic: float
        input: [1]
        target: [0]
        layers:
          - {weights: [[1]], bias: [0], activation: identity}
        loss: half_sse
        learning_rate: 1e50
        steps: 8
        """)
        #expect(throws: EngineError.nonFinite(step: 5, layer: nil, quantity: "the loss", cause: .updates)) { try AnyTrace.run(spec) }
    }
}

@Suite("relu'(0) = 0")
struct ReluAtZeroTests {
    @Test("the relu-zero-exact fixture zeroes the unit at 0")
    func fixture() throws {
        let spec = try SpecReader().read(contentsOf: TestPaths.fixtureSpec("relu-zero-exact").path)
        guard case let .exact(trace) = try AnyTrace.run(spec) else {
            Issue.record("not exact")
            return
        }
        let step = trace.steps[0]
        // z^2 = [1 + 2, 2 - 2, -1 - 2 + 1] = [3, 0, -2].
        #expect(strings(step.forward[0].z) == [["3"], ["0"], ["-2"]])
        let delta = strings(step.backward[1].delta)
        #expect(delta[1] == ["0"])
        #expect(delta[2] == ["0"])
        #expect(delta[0] != ["0"])
        #expect(strings(step.gradients[0].weights)[1] == ["0", "0"])
        #expect(strings(step.gradients[0].bias)[1] == ["0"])
    }

    @Test("a hand-worked network: relu'(0) = 0 and leaky_relu'(0) = alpha", arguments: [false, true])
    func handWorked(float: Bool) throws {
        func spec(_ activation: String) -> String {
            """
            arithmetic: \(float ? "float" : "exact")
            input: [1, -1]
            target: [3]
            layers:
              - {weights: [[1, 1]], bias: [0], activation: \(activation)}
              - {weights: [[2]], bias: [1], activation: identity}
            loss: half_sse
            learning_rate: 0.5
            """
        }
        // relu: z^2 = 1 - 1 = 0, a^2 = 0; z^3 = 2*0 + 1 = 1; L = (1 - 3)^2 / 2 = 2.
        // delta^3 = -2; delta^2 = 2 * (-2) * relu'(0) = 0. dW^3 = -2 * 0 = 0, db^3 = -2.
        // Updated: W^2 = [1, 1], b^2 = 0, W^3 = 2, b^3 = 1 - 0.5 * (-2) = 2.
        let relu = try JSONTree.parse(try jsonTrace(ofSpecText: spec("relu")))
        // Exact "p/q" and float strings alike, as doubles rounded to 12 places (the values are short decimals).
        func at(_ tree: Any, _ path: [Any]) -> [[Double]]? {
            (value(tree, path) as? [[String]])?.map { row in
                row.map { text in
                    let x = SpecValue(parsing: text).map { $0.value(as: Double.self) } ?? .nan
                    return (x * 1e12).rounded() / 1e12
                }
            }
        }
        #expect(at(relu, ["steps", 0, "forward", 0, "z"]) == [[0]])
        #expect(at(relu, ["steps", 0, "forward", 0, "a"]) == [[0]])
        #expect((value(relu, ["steps", 0, "loss"]) as? String).flatMap(Double.init) == 2)
        #expect(at(relu, ["steps", 0, "backward", 0, "delta"]) == [[-2]])
        #expect(at(relu, ["steps", 0, "backward", 1, "delta"]) == [[0]])
        #expect(at(relu, ["steps", 0, "gradients", 0, "weights"]) == [[0, 0]])
        #expect(at(relu, ["steps", 0, "gradients", 0, "bias"]) == [[0]])
        #expect(at(relu, ["steps", 0, "gradients", 1, "weights"]) == [[0]])
        #expect(at(relu, ["steps", 0, "gradients", 1, "bias"]) == [[-2]])
        #expect(at(relu, ["steps", 0, "updated", 0, "weights"]) == [[1, 1]])
        #expect(at(relu, ["steps", 0, "updated", 1, "bias"]) == [[2]])
        // leaky_relu with alpha 1/10: a^2 = 0 still, but delta^2 = 2 * (-2) * 1/10 = -2/5,
        // dW^2 = -2/5 [1, -1] = [-2/5, 2/5], and W^2 becomes [1 + 1/5, 1 - 1/5] = [6/5, 4/5].
        let leaky = try JSONTree.parse(try jsonTrace(ofSpecText: spec("{name: leaky_relu, alpha: 0.1}")))
        #expect(at(leaky, ["steps", 0, "backward", 1, "delta"]) == [[-0.4]])
        #expect(at(leaky, ["steps", 0, "gradients", 0, "weights"]) == [[-0.4, 0.4]])
        #expect(at(leaky, ["steps", 0, "updated", 0, "weights"]) == [[1.2, 0.8]])
        if !float {
            #expect(value(leaky, ["steps", 0, "gradients", 0, "weights"]) as? [[String]] == [["-2/5", "2/5"]])
            #expect(value(leaky, ["steps", 0, "updated", 0, "weights"]) as? [[String]] == [["6/5", "4/5"]])
        }
    }
}
