import BPCheck
import BPEngine
import BPSpec
import BPTestSupport
import Testing

/// Claims checked against the engine, with errors carried forward. The network is the
/// contract's example; its values are worked by hand: z2 = (0, 8, 1), z3 = (15, -4), L = 109,
/// delta3 = (13, -7), dW3 = (0, 104, 13; 0, -56, -7), updated W3 = (1, 0.96, -3.13; 2, -0.44, 3.07),
/// updated b3 = (1.87, 1.07).
@Suite struct CheckerTests {
    static let network = TestSpecs.contractNetwork

    private func check(_ claims: String, tolerance: Double? = nil) throws -> CheckResult {
        let spec = try SpecReader().read(text: Self.network + "\nclaimed:\n" + claims)
        return try Checker.check(spec, claims: spec.claims, tolerance: tolerance)
    }

    @Test func rightClaimsAndRoundedDecimalsPass() throws {
        // 0.960 is 0.96; 3.1 is 3.07 rounded to one place; 1.87 is exact.
        let result = try check("""
          forward: {2: {z: [0, 8, 1], a: [0, 8, 1]}, 3: {z: [15, -4]}}
          loss: 109
          backward: {3: {delta: [13, -7]}}
          gradients: {3: {weights: [[0, 104, 13], [0, -56, -7]], bias: [13, -7]}}
          updated: {3: {weights: [[1, 0.960, -3.13], [2, -0.44, 3.1]], bias: [1.87, 1.07]}}
        """)
        #expect(result.checked == 3 + 3 + 2 + 1 + 2 + 6 + 2 + 6 + 2)
        #expect(result.differences.isEmpty)
    }

    @Test func aSlipOfItsOwnIsNew() throws {
        // -0.94 for -1 - 0.01 * (-56) = -0.44, from a right gradient: a mistake of its own.
        // 3.0 is not 3.07 rounded to one place either.
        let result = try check("""
          gradients: {3: {weights: [[0, 104, 13], [0, -56, -7]]}}
          updated: {3: {weights: [[1, 0.96, -3.13], [2, -0.94, 3.0]]}}
        """)
        #expect(result.differences.map(\.json) == [
            #"{"step": 1, "section": "updated", "layer": 3, "key": "weights", "row": 2, "col": 2, "claimed": "-0.94", "correct": "-11/25", "kind": "new"}"#,
            #"{"step": 1, "section": "updated", "layer": 3, "key": "weights", "row": 2, "col": 3, "claimed": "3.0", "correct": "307/100", "kind": "new"}"#,
        ])
    }

    @Test func whatFollowsFromAnEarlierSlipIsCarried() throws {
        // z2 = (0, 8, 2) slips in its last entry (new). Then a2 = z2 (identity), z3 = W3 a2 + b3 =
        // (0 + 16 - 6 + 2, 0 - 8 + 6 + 1) = (12, -1), a3 = z3, L = 1/2 ((12-2)^2 + (-1-3)^2) = 58,
        // delta3 = a3 - t = (10, -4): every one right for the values before it (carried).
        let result = try check("""
          forward: {2: {z: [0, 8, 2], a: [0, 8, 2]}, 3: {z: [12, -1], a: [12, -1]}}
          loss: 58
          backward: {3: {delta: [10, -4]}}
        """)
        let kinds = result.differences.map { "\($0.claim.section.rawValue) \($0.claim.key ?? "loss") \($0.claim.row ?? 0) \($0.kind.rawValue)" }
        #expect(kinds == [
            "forward z 3 new", "forward a 3 carried",
            "forward z 1 carried", "forward z 2 carried", "forward a 1 carried", "forward a 2 carried",
            "loss loss 0 carried", "backward delta 1 carried", "backward delta 2 carried",
        ])
        // A value wrong for the student's own inputs too is new again: delta3 = (10, -5).
        let again = try check("""
          forward: {3: {z: [12, -1], a: [12, -1]}}
          backward: {3: {delta: [10, -5]}}
        """)
        #expect(again.differences.map(\.kind) == [.new, .new, .carried, .carried, .carried, .new])
    }

    @Test func aToleranceWidensTheMatch() throws {
        let claims = "  loss: 109.2\n"
        #expect(try check(claims).differences.count == 1)
        #expect(try check(claims, tolerance: 0.5).differences.isEmpty)
    }

    @Test func badClaimsAreRefusedWithTheirPlace() {
        func error(_ claims: String) -> SpecError? {
            do {
                _ = try SpecReader().read(text: Self.network + "\nclaimed:\n" + claims)
                return nil
            } catch {
                return error
            }
        }
        // Line 9 is the first line of the claims (seven of network, then `claimed:`).
        #expect(error("  forward: {4: {z: [1]}}\n")?.message.contains("layer 4 does not exist: the weight layers are 2 to 3") == true)
        #expect(error("  forward: {3: {z: [1, 2, 3]}}\n")?.message.contains("3 x 1, but z^3 is 2 x 1") == true)
        #expect(error("  forward: {3: {w: [1, 2]}}\n")?.key == "claimed.forward.3.w")
        let notANumber = error("  loss: many\n")
        #expect(notANumber?.line == 9 && notANumber?.message.contains("expected a number") == true)
        #expect(error("  steps: {2: {loss: 1}}\n")?.message.contains("step 2 does not exist: the run has 1 step") == true)
    }
}
