import BPNumerics
import Dispatch
import Testing

/// The pthread lock and condition that replace Foundation's `NSLock` and `NSCondition`.
@Suite("Locks")
struct LockTests {
    @Test("increments from four threads at once all count")
    func lockCounts() {
        final class Counter: @unchecked Sendable {
            let lock = Lock()
            var value = 0
        }
        let counter = Counter()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<10_000 { counter.lock.withLock { counter.value += 1 } }
        }
        #expect(counter.value == 40_000)
    }

    @Test("a waiter wakes when the last of three workers broadcasts")
    func conditionWakes() {
        final class State: @unchecked Sendable {
            let condition = Condition()
            var done = 0
        }
        let state = State()
        for _ in 0..<3 {
            DispatchQueue.global().async {
                state.condition.lock()
                state.done += 1
                if state.done == 3 { state.condition.broadcast() }
                state.condition.unlock()
            }
        }
        state.condition.lock()
        while state.done < 3 { state.condition.wait() }
        let done = state.done
        state.condition.unlock()
        #expect(done == 3)
    }
}
