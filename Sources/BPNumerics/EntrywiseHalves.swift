/// An entry-wise pass over a large `Double` matrix, in two halves side by side on two threads
/// (``SecondThread``) when a core is free, in one piece otherwise.
///
/// Each entry is computed by the same operations either way, so the bits do not depend on the
/// split or the cores; only a product's sums would (see ``ProductHalves``). In a large float
/// run these passes (the bias and sigmoid after W x, the hidden delta, the update) were a
/// quarter of a step while the second core sat idle between the products' halves.
public enum EntrywiseHalves {
    /// Passes over at least this many entries are split (2^15). Measured on the large network
    /// (`bpbench large`, ten alternating pairs): 198 ms a run unsplit, 180 ms with its 65,536-
    /// and 200,704-entry passes split; 2^14 and 2^16 split the same passes there.
    public static let threshold = 1 << 15

    /// Whether a pass over `count` entries of `Element` is split: `Double` only (an exact
    /// scalar's pass calls GMP, whose matrices here are small) and `count` ≥ ``threshold``.
    @inlinable public static func splits<Element>(_ type: Element.Type, count: Int) -> Bool {
        type == Double.self && count >= threshold
    }

    /// `body` over `0..<count`, split when the pass is over `Element`s and covers enough of
    /// them: `entries` of them (a pass over rows covers more than `count`), `count` by default.
    @inlinable public static func run<Element>(_ count: Int, of _: Element.Type, entries: Int? = nil,
                                               _ body: (Range<Int>) -> UInt64) -> UInt64 {
        run(count: count, split: splits(Element.self, count: entries ?? count), body)
    }

    /// `body` over `0..<count`: over two halves cut at a multiple of 8 near `count/2` (the
    /// second on another thread when one is free) when `split`, whole otherwise. Returns the
    /// halves' results ORed (a pass's non-finite bits). `body` must touch only its range's
    /// entries. The cut keeps eight-lane passes (the sigmoids) on the same groups of eight.
    @inlinable public static func run(count: Int, split: Bool, _ body: (Range<Int>) -> UInt64) -> UInt64 {
        let half = count / 2 / 8 * 8
        // Inlined, so that an unsplit pass is the caller's own loop, as if written there.
        guard split, half > 0 else { return body(0..<count) }
        return inHalves(count: count, half: half, body)
    }

    @usableFromInline static func inHalves(count: Int, half: Int, _ body: (Range<Int>) -> UInt64) -> UInt64 {
        withoutActuallyEscaping(body) { body in
            // SecondThread.run returns only after both halves are done. The box carries `body`
            // across the thread boundary and lets go of it then: the helper's queued block may
            // outlive the call (when this thread ran both halves), the closure must not.
            let box = HalfResult(body, range: half..<count)
            var first: UInt64 = 0
            SecondThread.run({ first = body(0..<half) }, box.run)
            box.body = nil
            return first | box.result
        }
    }

    /// The second half's work and result, handed to the other thread.
    private final class HalfResult: @unchecked Sendable {
        var body: ((Range<Int>) -> UInt64)?
        let range: Range<Int>
        var result: UInt64 = 0

        init(_ body: @escaping (Range<Int>) -> UInt64, range: Range<Int>) {
            self.body = body
            self.range = range
        }

        func run() { result = body?(range) ?? 0 }
    }
}
