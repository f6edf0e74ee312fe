import Dispatch
import FoundationEssentials

/// Runs two pieces of work, the second on another thread when that can help: more than one
/// core, OpenBLAS on one thread (more would be threads on threads), and no other product of
/// this process using a second thread already (two renders side by side, `--jobs 2`, already
/// fill two cores). Otherwise, in turn on the caller's thread. Either way both are done when
/// ``run(_:_:)`` returns.
enum SecondThread {
    /// Whether a second thread may be used at all (``Double/largeProductsMayUseTwoThreads``).
    static var isEnabled: Bool {
        get { gate.withLock { gate.enabled } }
        set { gate.withLock { gate.enabled = newValue } }
    }

    private static let cores = ProcessInfo.processInfo.activeProcessorCount
    private static let gate = Gate()

    /// `first` on this thread, `second` on another when one is free; returns when both are done.
    static func run(_ first: () -> Void, _ second: @escaping @Sendable () -> Void) {
        guard cores > 1, OpenBLAS.threads == 1, gate.claim() else {
            first()
            second()
            return
        }
        defer { gate.release() }
        let handoff = Handoff(second)
        DispatchQueue.global(qos: .userInitiated).async { handoff.runOnHelper() }
        first()
        handoff.finishOnCaller()
    }

    /// Whether a second thread is in use, process-wide (one at a time), and whether it may be.
    private final class Gate: @unchecked Sendable {
        private let lock = Lock()
        var enabled = true
        private var busy = false

        func withLock<T>(_ body: () -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body()
        }

        func claim() -> Bool {
            withLock {
                guard enabled, !busy else { return false }
                busy = true
                return true
            }
        }

        func release() { withLock { busy = false } }
    }

    /// The second piece of work, taken by whichever thread comes to it first: the helper when
    /// it starts in time, else the caller once its own piece is done. So a pool with no thread
    /// to spare (the renders of `--jobs` hold them) delays nothing and can never deadlock.
    private final class Handoff: @unchecked Sendable {
        private let work: @Sendable () -> Void
        private let lock = Lock()
        private var taken = false
        private let done = DispatchSemaphore(value: 0)

        init(_ work: @escaping @Sendable () -> Void) { self.work = work }

        private func take() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if taken { return false }
            taken = true
            return true
        }

        func runOnHelper() {
            guard take() else { return }
            work()
            done.signal()
        }

        func finishOnCaller() {
            if take() { work() } else { done.wait() }
        }
    }
}
