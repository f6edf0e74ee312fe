import BPEngine
import BPNumerics
import BPSpec
import BPTestSupport
import Foundation
import Testing

/// What a run keeps, and what it may keep under the entry limit.
@Suite("Recording policy and the entry limit")
struct RecordingPolicyTests {
    func problem1Float(steps: Int) throws -> NetworkSpec {
        var spec = try SpecReader().read(contentsOf: TestPaths.fixtureSpec("problem1-steps8-float").path)
        spec.steps = steps
        return spec
    }

    @Test("keeps(step:lastStep:) for each policy")
    func keeps() {
        #expect((1...5).filter { RecordingPolicy.all.keeps(step: $0, lastStep: 5) } == [1, 2, 3, 4, 5])
        #expect((1...5).filter { RecordingPolicy.none.keeps(step: $0, lastStep: 5) } == [])
        #expect((1...5).filter { RecordingPolicy.firstAndLast.keeps(step: $0, lastStep: 5) } == [1, 5])
        #expect((1...5).filter { RecordingPolicy.first(2).keeps(step: $0, lastStep: 5) } == [1, 2])
        #expect((1...5).filter { RecordingPolicy.steps([2, 3], last: false).keeps(step: $0, lastStep: 5) } == [2, 3])
        #expect((1...5).filter { RecordingPolicy.steps([2], last: true).keeps(step: $0, lastStep: 5) } == [2, 5])
        // A continued run's first step is its own first.
        #expect((4...6).filter { RecordingPolicy.firstAndLast.keeps(step: $0, firstStep: 4, lastStep: 6) } == [4, 6])
        #expect(RecordingPolicy.firstAndLast.keptCount(firstStep: 1, lastStep: 1) == 1)
        #expect(RecordingPolicy.firstAndLast.keptCount(firstStep: 1, lastStep: 20) == 2)
        #expect(RecordingPolicy.all.keptCount(firstStep: 3, lastStep: 12) == 10)
    }

    @Test("a 20-step float run keeps what the policy says, with every loss and the same final parameters")
    func twentySteps() throws {
        let engine = try Engine<Double>(spec: try problem1Float(steps: 20))
        let all = try engine.run()
        #expect(all.steps.map(\.step) == Array(1...20))
        #expect(all.losses == all.steps.map(\.loss))

        var seen: [Int] = []
        let ends = try engine.run(policy: .firstAndLast) { seen.append($0.step) }
        #expect(ends.steps.map(\.step) == [1, 20])
        #expect(seen == Array(1...20), "onStep sees every step")
        #expect(ends.losses.count == 20)
        #expect(ends.losses.map(\.bitPattern) == all.losses.map(\.bitPattern))
        #expect(ends.finalParameters == all.finalParameters)
        #expect(ends.finalParameters == all.steps[19].updated)
        #expect(ends.initialParameters == all.steps[0].parameters)
        #expect(ends.steps[0] == all.steps[0] && ends.steps[1] == all.steps[19])
        #expect(ends.stepCount == 20 && ends.firstStep == 1)

        let middle = try engine.run(policy: .steps([2, 3], last: false))
        #expect(middle.steps.map(\.step) == [2, 3])
        #expect(middle.steps[0] == all.steps[1] && middle.steps[1] == all.steps[2])

        let none = try engine.run(policy: .none)
        #expect(none.steps.isEmpty)
        #expect(none.finalParameters == all.finalParameters)
    }

    @Test("steps: 0 ends with the parameters it started from")
    func forwardOnly() throws {
        let engine = try Engine<Rational>(spec: try SpecReader().read(contentsOf: TestPaths.report("problem3").path))
        let trace = try engine.run(policy: .none)
        #expect(trace.stepCount == 1 && trace.losses.count == 1)
        #expect(trace.finalParameters == engine.initialParameters)
    }

    @Test("the entry limit counts the steps kept, not the steps run")
    func entryLimit() throws {
        // The contract example records 49 entries a step (see SpecReaderErrorTests.runSizeCap).
        var spec = try SpecReader().read(contentsOf: TestPaths.fixtureSpec("contract-example").path)
        spec.steps = 3
        #expect(spec.entriesPerStep == 49)
        let limits = Limits(maxEntries: 100, maxSteps: 100, maxDigits: 1_000)
        let engine = try Engine<Rational>(spec: spec, limits: limits)
        do {
            _ = try engine.run()
            Issue.record("3 x 49 entries ran under a limit of 100")
        } catch {
            #expect(error == .entryLimit(entries: 147, perStep: 49, keptSteps: 3, limit: 100))
            for fragment in ["147 matrix entries", "49 per step x 3 steps", "limit of 100", "--max-entries"] {
                #expect(error.description.contains(fragment), "'\(fragment)' not in: \(error)")
            }
        }
        #expect(throws: EngineError.self) { try AnyTrace.run(spec, limits: limits) }
        // Keeping two of the three (98 entries) fits; keeping none always does.
        #expect(try engine.run(policy: .firstAndLast).steps.count == 2)
        #expect(try AnyTrace.run(spec, limits: limits, policy: .none).spec.steps == 3)
    }

    @Test("the 64-32-10 benchmark spec: the entry cap counts the steps kept, not the steps run")
    func benchmarkRun() throws {
        let url = TestPaths.packageRoot().appendingPathComponent("Benchmarks/specs/float-64-32-10.json")
        var spec = try SpecReader().read(contentsOf: url.path)
        #expect(spec.steps == 1_000)
        // 64-32-10 over a batch of 128: z, a and delta of each layer, the gradients and the
        // updated parameters: 3*32*128 + 2*(32*64 + 32) + 3*10*128 + 2*(10*32 + 10) entries.
        #expect(spec.entriesPerStep == 20_948)
        // Keeping all 1,000 steps would be refused under a limit of a million entries...
        let million = Limits(maxEntries: 1_000_000, maxSteps: Limits.default.maxSteps, maxDigits: Limits.default.maxDigits)
        #expect(throws: EngineError.entryLimit(entries: 20_948_000, perStep: 20_948, keptSteps: 1_000, limit: 1_000_000)) {
            try Engine<Double>(spec: spec, limits: million).run()
        }
        // ...while the first and the last are two steps' worth, under even a tight cap. (Thirty
        // steps keep a debug build quick; the cap's arithmetic is the same for a thousand.)
        spec.steps = 30
        let tight = Limits(maxEntries: 50_000, maxSteps: Limits.default.maxSteps, maxDigits: Limits.default.maxDigits)
        #expect(throws: EngineError.self) { try Engine<Double>(spec: spec, limits: tight).run() }
        let trace = try Engine<Double>(spec: spec, limits: tight).run(policy: .firstAndLast)
        #expect(trace.steps.map(\.step) == [1, 30])
        #expect(trace.losses.count == 30)
    }
}
