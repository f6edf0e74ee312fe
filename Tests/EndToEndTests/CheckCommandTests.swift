import BPTestSupport
import Foundation
import Testing

/// `bpreport check`: exit 0 when every claim is right, 1 when some are wrong, 2 for bad input;
/// differences as text at their places, or as JSON in trace order.
@Suite struct CheckCommandTests {
    let root = TestPaths.packageRoot()

    private func bpreport(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(try ProcessRunner.bpreportExecutable(), arguments, in: root)
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
}
