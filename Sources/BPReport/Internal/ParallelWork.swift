import BPNumerics
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work spread over the calling thread and helper threads of its own, each helper started only
/// while a core is idle, counted process-wide: the renders of several inputs and the formats of
/// one page then share the cores without oversubscribing them. Not Dispatch's pool: its worker
/// and manager threads cost a short command about half a millisecond to start and stop, a
/// twentieth of rendering the three seed reports.
package enum ParallelWork {
    /// `body(i)` for every i in `0 ..< count`, the results in order; on this thread and on up to
    /// `width` − 1 helpers, as many as there are idle cores. Each index is taken once, by
    /// whichever thread is free first. A `shared` run's indices may also be taken by another
    /// map's threads once they have none of their own left (so the last input's formats use
    /// the core its neighbour's render has freed); only a body that starts no map of its own
    /// may be shared, so that no thread waits inside work it took from another.
    package static func map<T>(_ count: Int, width: Int, shared: Bool = false, _ body: @escaping (Int) -> T) -> [T] {
        let helpers = min(width, count) - 1
        guard helpers > 0 else { return (0..<count).map(body) }
        let run = Run(count: count, body: body)
        if shared { open.add(run) }
        var threads: [pthread_t] = []
        while threads.count < helpers, idleCores.take() {
            guard let thread = startThread({
                run.work()
                while let other = open.first() { other.work() }
                idleCores.give()
            }) else {
                idleCores.give()
                break
            }
            threads.append(thread)
        }
        run.work()
        if shared { open.remove(run) }
        // Out of indices of its own, the thread helps whatever shared work is open (the last
        // input's formats while another input renders), then waits for its own to finish.
        while let other = open.first() { other.work() }
        for thread in threads { pthread_join(thread, nil) }
        run.waitUntilDone()
        return run.results()
    }

    /// The shared runs that may still have indices to take, for a thread with none of its own.
    private static let open = OpenRuns()

    private final class OpenRuns: @unchecked Sendable {
        // Guarded by `lock`.
        private var runs: [any Stealable] = []
        private let lock = Lock()

        func add(_ run: any Stealable) {
            lock.lock()
            runs.append(run)
            lock.unlock()
        }

        func remove(_ run: any Stealable) {
            lock.lock()
            runs.removeAll { $0 === run }
            lock.unlock()
        }

        /// A run with an index left, if any.
        func first() -> (any Stealable)? {
            lock.lock()
            defer { lock.unlock() }
            return runs.first { $0.hasWork }
        }
    }

    /// Cores that no thread of this process's parallel work is running on; the first caller's
    /// core is its own.
    private static let idleCores = IdleCores(ProcessInfo.processInfo.activeProcessorCount - 1)

    private final class IdleCores: @unchecked Sendable {
        // Guarded by `lock`.
        private var count: Int
        private let lock = Lock()

        init(_ count: Int) { self.count = count }

        func take() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            guard count > 0 else { return false }
            count -= 1
            return true
        }

        func give() {
            lock.lock()
            count += 1
            lock.unlock()
        }
    }

    /// A run another thread may help: whether it has indices left, and taking them.
    private protocol Stealable: AnyObject, Sendable {
        var hasWork: Bool { get }
        func work()
    }

    /// One `map`'s indices and results. Each result slot is written once, by the thread that
    /// took its index, and read once every index is done.
    private final class Run<T>: Stealable, @unchecked Sendable {
        private let count: Int
        private let body: (Int) -> T
        private let slots: UnsafeMutablePointer<T>
        // Guarded by `condition`.
        private var next = 0
        private var done = 0
        private let condition = Condition()

        init(count: Int, body: @escaping (Int) -> T) {
            self.count = count
            self.body = body
            slots = .allocate(capacity: count)
        }

        deinit { slots.deallocate() }

        var hasWork: Bool {
            condition.lock()
            defer { condition.unlock() }
            return next < count
        }

        /// Takes indices and works them out until none is left.
        func work() {
            while let index = take() {
                (slots + index).initialize(to: body(index))
                condition.lock()
                done += 1
                if done == count { condition.broadcast() }
                condition.unlock()
            }
        }

        private func take() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        func waitUntilDone() {
            condition.lock()
            while done < count { condition.wait() }
            condition.unlock()
        }

        /// Every result, moved out of its slot.
        func results() -> [T] {
            (0..<count).map { (slots + $0).move() }
        }
    }

    /// A thread running `work`; nil when the system has no thread to give.
    private static func startThread(_ work: @escaping () -> Void) -> pthread_t? {
        final class Box { let work: () -> Void; init(_ work: @escaping () -> Void) { self.work = work } }
        let context = Unmanaged.passRetained(Box(work)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let status = pthread_create(&thread, nil, { context in
            Unmanaged<Box>.fromOpaque(context!).takeRetainedValue().work()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<Box>.fromOpaque(context).release()
            return nil
        }
        return thread
    }
}
