@testable import BPReport
import Foundation
import Testing

/// The command's own parallel map: every index worked out once, the results in order, whether
/// the work runs on one thread or several, nested or not.
@Suite("Parallel work")
struct ParallelWorkTests {
    /// Counts how many times each index ran, from any thread.
    final class Tally: @unchecked Sendable {
        private var counts: [Int]
        private let lock = NSLock()
        init(_ count: Int) { counts = Array(repeating: 0, count: count) }
        func ran(_ index: Int) { lock.lock(); counts[index] += 1; lock.unlock() }
        var all: [Int] { lock.lock(); defer { lock.unlock() }; return counts }
    }

    @Test("results in order, each index once, for any count and width", arguments: [0, 1, 2, 3, 17, 200])
    func eachIndexOnce(_ count: Int) {
        for width in [1, 2, 3, 8] {
            let tally = Tally(count)
            let squares = ParallelWork.map(count, width: width) { index -> Int in
                tally.ran(index)
                return index * index
            }
            #expect(squares == (0..<count).map { $0 * $0 })
            #expect(tally.all == Array(repeating: 1, count: count))
        }
    }

    @Test("nested shared runs: each inner index once, and every outer result whole")
    func nestedSharedRuns() {
        let outer = 12, inner = 5
        let tallies = (0..<outer).map { _ in Tally(inner) }
        let results = ParallelWork.map(outer, width: 2) { i -> [String] in
            // Uneven work, so that threads run out at different times and take shared indices.
            if i % 3 == 0 { usleep(2_000) }
            return ParallelWork.map(inner, width: inner, shared: true) { j -> String in
                tallies[i].ran(j)
                if j == 0 { usleep(500) }
                return "\(i).\(j)"
            }
        }
        #expect(results == (0..<outer).map { i in (0..<inner).map { "\(i).\($0)" } })
        #expect(tallies.allSatisfy { $0.all == Array(repeating: 1, count: inner) })
    }
}
