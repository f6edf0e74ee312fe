#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutual-exclusion lock on a pthread mutex, for the few places that share state between
/// threads (the second thread's handoff, the render's work queue, the command's site).
///
/// Foundation's `NSLock` is the same mutex, but all of Foundation in a binary costs every
/// process about a millisecond of start-up even when nothing of it runs (a static hello world:
/// 3.9 ms with it, 2.9 ms with `FoundationEssentials`, which has no lock); bpreport imports
/// only `FoundationEssentials`.
public final class Lock: @unchecked Sendable {
    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>

    /// An unlocked lock.
    public init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Waits for the lock and takes it.
    @inlinable public func lock() { pthread_mutex_lock(mutex) }

    /// Gives the lock up.
    @inlinable public func unlock() { pthread_mutex_unlock(mutex) }

    /// `body` with the lock held.
    @inlinable public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }
}

/// A lock with a condition to wait on (a ``Lock``'s mutex and a pthread condition variable),
/// for a thread that waits until others have done their part.
public final class Condition: @unchecked Sendable {
    private let mutex = Lock()
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    /// An unlocked lock with no waiters.
    public init() {
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deallocate()
    }

    /// Waits for the lock and takes it.
    public func lock() { mutex.lock() }

    /// Gives the lock up.
    public func unlock() { mutex.unlock() }

    /// Gives the lock up until another thread signals, then takes it again (the lock must be
    /// held; wake-ups may be spurious, so wait in a loop on the state).
    public func wait() { pthread_cond_wait(condition, mutex.mutex) }

    /// Wakes every waiting thread.
    public func broadcast() { pthread_cond_broadcast(condition) }
}
