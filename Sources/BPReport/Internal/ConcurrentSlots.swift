import Foundation

/// Results filled in by index from several threads, read once they have all finished.
final class ConcurrentSlots<Value>: @unchecked Sendable {
    // Guarded by `lock`.
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = value
    }

    /// Every slot's value, in order; each must have been set.
    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
