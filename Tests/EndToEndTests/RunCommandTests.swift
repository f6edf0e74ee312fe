import BPTestSupport
import Foundation
import Testing

@Suite("bpreport run")
struct RunCommandTests {
    @Test("run reports/problem1.yaml --format json prints the fixture's trace")
    func problem1() throws {
        let executable = try ProcessRunner.bpreportExecutable()
        let root = TestPaths.packageRoot()
        let result = try ProcessRunner.run(executable, ["run", "reports/problem1.yaml", "--format", "json"], in: root)
        #expect(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.standardError.isEmpty, "stderr: \(result.standardError)")
        let actual = try JSONTree.parse(result.standardOutput)
        let expected = try JSONTree.load(TestPaths.fixtureTrace("problem1"))
        let differences = JSONComparison.differences(actual, expected, numbers: .exactStrings)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        #expect(result.standardOutput.hasSuffix("\n"))
    }

    @Test("the format defaults to JSON, and a float spec prints a float trace")
    func floatSpec() throws {
        let executable = try ProcessRunner.bpreportExecutable()
        let root = TestPaths.packageRoot()
        let result = try ProcessRunner.run(executable, ["run", "Tests/Fixtures/specs/sigmoid-bce.yaml"], in: root)
        #expect(result.status == 0, "stderr: \(result.standardError)")
        let actual = try JSONTree.parse(result.standardOutput)
        let expected = try JSONTree.load(TestPaths.fixtureTrace("sigmoid-bce"))
        let differences = JSONComparison.differences(actual, expected, numbers: .relativeTolerance(1e-12))
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    @Test("a bad spec exits non-zero with file:line:column: key: message on stderr and nothing on stdout")
    func badSpec() throws {
        let executable = try ProcessRunner.bpreportExecutable()
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Line 6, column 17: the misspelt activation.
        let spec = """
        input: [1, 1]
        target: [2, 3]
        layers:
          - weights: [[1, -2], [2, 4], [-3, 1]]
            bias: [1, 2, 3]
            activation: sigmod
          - weights: [[1, 2, -3], [2, -1, 3]]
            bias: [2, 1]
            activation: identity
        loss: half_sse
        learning_rate: 0.01
        """
        try Data(spec.utf8).write(to: folder.appendingPathComponent("bad.yaml"))
        let result = try ProcessRunner.run(executable, ["run", "bad.yaml", "--format", "json"], in: folder)
        #expect(result.status != 0)
        #expect(result.standardOutput.isEmpty, "stdout: \(result.standardOutput)")
        #expect(result.standardError.contains("bad.yaml:6:17: layers[0].activation: unknown activation 'sigmod'"),
                "stderr: \(result.standardError)")
        #expect(result.standardError.contains("did you mean 'sigmoid'?"))
    }

    @Test("a missing file and an engine failure exit non-zero with nothing on stdout")
    func otherFailures() throws {
        let executable = try ProcessRunner.bpreportExecutable()
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try ProcessRunner.run(executable, ["run", "absent.yaml", "--format", "json"], in: folder)
        #expect(missing.status != 0)
        #expect(missing.standardOutput.isEmpty)
        #expect(missing.standardError.contains("absent.yaml"))
        #expect(missing.standardError.contains("no such file"))

        // Exact problem 1 with 5 steps passes 100 digits at step 5.
        let root = TestPaths.packageRoot()
        let text = try TestPaths.text(of: TestPaths.fixtureSpec("problem1-steps8-exact")).replacingOccurrences(of: "steps: 8", with: "steps: 5")
        try Data(text.utf8).write(to: folder.appendingPathComponent("long.yaml"))
        let digits = try ProcessRunner.run(executable, ["run", folder.appendingPathComponent("long.yaml").path, "--max-digits", "100"], in: root)
        #expect(digits.status != 0)
        #expect(digits.standardOutput.isEmpty)
        #expect(digits.standardError.contains("step 5"), "stderr: \(digits.standardError)")
        #expect(digits.standardError.contains("arithmetic: float"))

        // A limit of 0 steps is a usage error (64), named, not a run that stops.
        let steps = try ProcessRunner.run(executable, ["run", "reports/problem1.yaml", "--max-steps", "0"], in: root)
        #expect(steps.status == 64)
        #expect(steps.standardOutput.isEmpty)
        #expect(steps.standardError.contains("--max-steps must be at least 1, not 0"), "stderr: \(steps.standardError)")
    }

    @Test("several specs: a JSON list of traces, or a text summary of each (loss per step, final parameters)")
    func severalSpecs() throws {
        let executable = try ProcessRunner.bpreportExecutable()
        let root = TestPaths.packageRoot()
        let specs = ["reports/problem1.yaml", "Tests/Fixtures/specs/sigmoid-bce.yaml"]
        let json = try ProcessRunner.run(executable, ["run"] + specs, in: root)
        #expect(json.status == 0, "stderr: \(json.standardError)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(list.count == 2 && list[0]["arithmetic"] as? String == "exact" && list[1]["arithmetic"] as? String == "float")

        let text = try ProcessRunner.run(executable, ["run", "--format", "text"] + specs, in: root)
        #expect(text.status == 0, "stderr: \(text.standardError)")
        // Problem 1 by hand: loss 109; W^2 after the update as in the lecture's key, -11/25 fixed.
        #expect(text.standardOutput.hasPrefix("""
            reports/problem1.yaml: exact arithmetic, 1 step
              step 1: loss 109
              after the last update: loss 3479866/390625
              final parameters:
                W^1 = [[101/100, -199/100], [167/100, 367/100], [-12/5, 8/5]]
                b^1 = [101/100, 167/100, 18/5]
                W^2 = [[1, 24/25, -313/100], [2, -11/25, 307/100]]
                b^2 = [187/100, 107/100]
            Tests/Fixtures/specs/sigmoid-bce.yaml: float arithmetic,
            """), "\(text.standardOutput)")
        let bad = try ProcessRunner.run(executable, ["run", "--format", "text", "reports/problem1.yaml", "absent.yaml"], in: root)
        #expect(bad.status == 2 && bad.standardOutput.isEmpty && bad.standardError.hasPrefix("bpreport: error: absent.yaml: "))
    }

    @Test("a .json spec must be JSON; --max-input-bytes refuses a larger spec; a saturated sigmoid runs")
    func hardenedInput() throws {
        let executable = try ProcessRunner.bpreportExecutable()
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = """
        {"input": [100], "target": [0], "layers": [{"weights": [[10]], "bias": [0], "activation": "sigmoid"}],
         "loss": "binary_cross_entropy", "learning_rate": 0.001}

        """
        try Data(spec.utf8).write(to: folder.appendingPathComponent("sat.json"))
        let ran = try ProcessRunner.run(executable, ["run", "sat.json"], in: folder)
        #expect(ran.status == 0, "stderr: \(ran.standardError)")
        #expect(ran.standardOutput.contains("\"loss\": \"1000.0\""), "stdout: \(ran.standardOutput.prefix(400))")

        try Data(spec.replacingOccurrences(of: "[100]", with: "[100,]").utf8).write(to: folder.appendingPathComponent("comma.JSON"))
        let comma = try ProcessRunner.run(executable, ["run", "comma.JSON"], in: folder)
        #expect(comma.status == 2)
        #expect(comma.standardOutput.isEmpty)
        #expect(comma.standardError.contains("comma.JSON:1:15: a trailing comma before ']' is not allowed in JSON"), "stderr: \(comma.standardError)")

        let size = spec.utf8.count
        let big = try ProcessRunner.run(executable, ["run", "sat.json", "--max-input-bytes", "100"], in: folder)
        #expect(big.status == 2)
        #expect(big.standardError.contains("sat.json: the spec is \(size) bytes, more than the limit of 100; raise it with --max-input-bytes"),
                "stderr: \(big.standardError)")
    }
}
