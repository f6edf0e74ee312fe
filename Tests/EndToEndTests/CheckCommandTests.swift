import BPTestSupport
import Foundation
import Testing

/// `bpreport check`: exit 0 when every claim is right, 1 when some are wrong, 2 for bad input;
/// differences as text at their places, or as JSON in trace order.
@Suite struct CheckCommandTests {
    let root = TestPaths.packageRoot()

    private func bpreport(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(try ProcessRunner.bpreportExecutable(), arguments, in: root, environment: environment)
    }

    private func key(_ text: String) throws -> String {
        let url = try TestPaths.temporaryDirectory("bpreport-check").appendingPathComponent("key.yaml")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    let spec = "Tests/Fixtures/specs/contract-example.yaml"

    @Test func exitCodesTellRightFromWrongFromBad() throws {
        // The contract's example by hand: z2 = (0, 8, 1), L = 109, updated W3[2,2] = -1 + 0.56 = -0.44.
        let right = try bpreport(["check", spec, "--claims", try key("forward: {2: {z: [0, 8, 1]}}\nloss: 109\n")])
        #expect(right.status == 0)
        #expect(right.standardOutput.contains("4 entries checked, 0 wrong"))
        let wrong = try bpreport(["check", spec, "--claims", try key("updated: {3: {weights: [[1, 0.96, -3.13], [2, -0.94, 3.07]]}}\n")])
        #expect(wrong.status == 1)
        #expect(wrong.standardOutput.contains(":1:47: step 1, updated weights^3[2,2]: claimed -0.94, correct -11/25 (a new mistake)"))
        let bad = try bpreport(["check", spec, "--claims", try key("forward: {7: {z: [1]}}\n")])
        #expect(bad.status == 2 && bad.standardError.contains("layer 7 does not exist"))
        let unreadable = try bpreport(["check", "no-such.yaml"])
        #expect(unreadable.status == 2)
    }

    @Test func jsonListsTheDifferencesInTraceOrder() throws {
        // z2[3] = 2 is new; a2 = z2 follows from it, and so does z3 = W3 (0, 8, 2) + b3 = (12, -1).
        let result = try bpreport(["check", spec, "--format", "json", "--claims",
                                   try key("forward: {3: {z: [12, -1]}, 2: {z: [0, 8, 2], a: [0, 8, 2]}}\n")])
        #expect(result.status == 1)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(list.map { "\($0["layer"]!) \($0["key"]!) \($0["row"]!) \($0["kind"]!)" }
                == ["2 z 3 new", "2 a 3 carried", "3 z 1 carried", "3 z 2 carried"])
        #expect(list[0]["claimed"] as? String == "2" && list[0]["correct"] as? String == "1" && list[0]["section"] as? String == "forward")
    }

    // check --gradients: the engine's own gradients against central differences of the loss.

    @Test func gradientsPassOnTheSeedProblem() throws {
        let result = try bpreport(["check", "--gradients", "reports/problem1.yaml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("reports/problem1.yaml: gradient check passed (tolerance 1e-06)\n"))
        // Problem 1 numbers its input 0: layers 1 and 2, W and b, every entry compared.
        #expect(result.standardOutput.contains("  layer 1: largest relative error "))
        #expect(result.standardOutput.contains(", 9 of 9 entries\n"))
        #expect(result.standardOutput.contains(", 8 of 8 entries\n"))
        #expect(!result.standardOutput.contains("FAILED"))
    }

    @Test func aBrokenGradientFailsNamingItsLayer() throws {
        let result = try bpreport(["check", "--gradients", "reports/problem1.yaml"],
                                  environment: ["BPREPORT_TEST_BREAK_GRADIENT": "2"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("reports/problem1.yaml: gradient check FAILED at layer 2 (tolerance 1e-06)"))
        // Scaled by 1.01: |1.01 g - g| / |1.01 g| = 0.0099, at the largest entry dW[1,2] = 104 (as the
        // claims of problem 1 have it) or any other non-zero one.
        let line = try #require(result.standardOutput.split(separator: "\n").first { $0.hasPrefix("  layer 2:") })
        #expect(line.hasPrefix("  layer 2: largest relative error 9.9e-03 at dW[") && line.contains("> 1e-06: FAILED"), "\(line)")
        #expect(!result.standardOutput.contains("layer 1: largest relative error 9"))
        // A layer the spec does not have is bad input.
        let missing = try bpreport(["check", "--gradients", "reports/problem1.yaml"],
                                   environment: ["BPREPORT_TEST_BREAK_GRADIENT": "7"])
        #expect(missing.status == 2 && missing.standardError.contains("there is no layer 7"))
    }

    @Test func gradientsOfABadSpecAreBadInput() throws {
        let url = try TestPaths.temporaryDirectory("bpreport-check").appendingPathComponent("bad.yaml")
        try Data("input: [1, 1]\ntarget: [2]\nlayers:\n  - {weights: [[1, 2, 3]], activation: identity}\nloss: half_sse\nsteps: 0\n".utf8).write(to: url)
        let bad = try bpreport(["check", "--gradients", url.path])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("bad.yaml:4:"), "\(bad.standardError)")
        #expect(bad.standardError.contains("but the input has 2 rows"), "\(bad.standardError)")
        let unreadable = try bpreport(["check", "--gradients", "no-such.yaml"])
        #expect(unreadable.status == 2 && unreadable.standardError.contains("no-such.yaml"))
    }

    @Test func gradientsWithClaimsOrTheClaimsToleranceAreUsageErrors() throws {
        let claims = try bpreport(["check", "--gradients", spec, "--claims", try key("loss: 109\n")])
        #expect(claims.status == 64 && claims.standardError.contains("--gradients"))
        let tolerance = try bpreport(["check", "--gradients", spec, "--tolerance", "0.1"])
        #expect(tolerance.status == 64 && tolerance.standardError.contains("--gradient-tolerance"))
        let alone = try bpreport(["check", spec, "--gradient-tolerance", "0.1"])
        #expect(alone.status == 64)
    }

    @Test func gradientsAsJSON() throws {
        let result = try bpreport(["check", "--gradients", "--format", "json", "--gradient-entries", "4",
                                   "reports/problem1.yaml", "Tests/Fixtures/specs/relu-zero-exact.yaml"],
                                  environment: ["BPREPORT_TEST_BREAK_GRADIENT": "2"])
        #expect(result.status == 1)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(list.map { $0["spec"] as? String } == ["reports/problem1.yaml", "Tests/Fixtures/specs/relu-zero-exact.yaml"])
        #expect(list.allSatisfy { $0["passed"] as? Bool == false && $0["tolerance"] as? Double == 1e-6 && $0["step"] as? Int == 1 })
        // Problem 1: layer 1 passes; layer 2 (broken) fails, 4 of its 8 entries compared.
        let layers = try #require(list[0]["layers"] as? [[String: Any]])
        #expect(layers.map { $0["layer"] as? Int } == [1, 2])
        #expect(layers.map { $0["passed"] as? Bool } == [true, false])
        #expect(layers.map { $0["checked"] as? Int } == [4, 4] && layers.map { $0["total"] as? Int } == [9, 8])
        let error = try #require(layers[1]["error"] as? Double)
        #expect(abs(error - 0.01 / 1.01) < 1e-6)
        let backprop = try #require(layers[1]["backprop"] as? Double), difference = try #require(layers[1]["difference"] as? Double)
        #expect(abs(backprop - 1.01 * difference) < 1e-5 * abs(backprop))
        #expect(["weights", "bias"].contains(layers[1]["key"] as? String) && layers[1]["row"] is Int && layers[1]["col"] is Int)
        // Layer 1 passes with error 0: how closely, and where, as the text line says it. A
        // broken layer's error is not 0, and it has none.
        let close = try #require(layers[0]["within_rounding"] as? [String: Any])
        let plain = try #require(close["error"] as? Double)
        #expect(plain > 0 && plain < 1e-6 && close["row"] is Int && close["col"] is Int)
        #expect(layers[1]["within_rounding"] == nil)
        // The relu fixture's unit 2 has z = 0: of the 9 entries of layer 2, flat indices 0, 2, 5, 8
        // (k * 8 / 3) are compared, W[1,1], W[2,1], W[3,2] and b[3]; W[2,1] is at the kink.
        let relu = try #require(list[1]["layers"] as? [[String: Any]])
        #expect(relu.map { $0["kinks"] as? Int } == [1, 0])
    }
}
