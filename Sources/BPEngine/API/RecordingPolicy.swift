/// Which steps a run keeps in its ``Trace`` in full. Every step's loss is kept whatever the
/// policy, and ``Engine/run(from:firstStep:policy:onStep:)`` shows every step to `onStep`.
public struct RecordingPolicy: Sendable, Hashable {
    private enum Rule: Sendable, Hashable {
        case all
        case first(Int, last: Bool)
        case steps(Set<Int>, last: Bool)
        case chosen(Set<Int>, first: Bool, last: Bool)
    }

    private let rule: Rule
    /// Whether the run also works out the loss after its last update, for a report's last
    /// word. In exact arithmetic that forward pass runs on the run's largest numbers, so a run
    /// that reports nothing (a trace for a program, a benchmark) leaves it out.
    public private(set) var keepsFinalLoss = true

    private init(_ rule: Rule) { self.rule = rule }

    /// The same policy without the loss after the last update.
    public var withoutFinalLoss: RecordingPolicy {
        var policy = self
        policy.keepsFinalLoss = false
        return policy
    }

    /// Every step (the default).
    public static let all = RecordingPolicy(.all)
    /// No step: only the losses and the final parameters (and no final loss).
    public static let none = RecordingPolicy(.first(0, last: false)).withoutFinalLoss
    /// The first step run and the last.
    public static let firstAndLast = RecordingPolicy(.first(1, last: true))

    /// The first `count` steps run (a report's worked steps), and the last one too if `last`.
    public static func first(_ count: Int, last: Bool = false) -> RecordingPolicy {
        RecordingPolicy(.first(max(0, count), last: last))
    }

    /// The steps numbered in `kept`, and the last one too if `last`.
    public static func steps(_ kept: Set<Int>, last: Bool) -> RecordingPolicy {
        RecordingPolicy(.steps(kept, last: last))
    }

    /// The steps numbered in `kept`, and the first and the last step run too if asked: a
    /// report's chosen steps, whose run may start past step 1 (a notebook cell that continues).
    public static func steps(_ kept: Set<Int>, first: Bool, last: Bool) -> RecordingPolicy {
        RecordingPolicy(.chosen(kept, first: first, last: last))
    }

    /// Whether step `step` of a run numbered `firstStep...lastStep` is kept.
    public func keeps(step: Int, firstStep: Int = 1, lastStep: Int) -> Bool {
        switch rule {
        case .all: return true
        case let .first(count, last): return step - firstStep < count || (last && step == lastStep)
        case let .steps(kept, last): return kept.contains(step) || (last && step == lastStep)
        case let .chosen(kept, first, last):
            return kept.contains(step) || (first && step == firstStep) || (last && step == lastStep)
        }
    }

    /// How many of the steps `firstStep...lastStep` are kept.
    public func keptCount(firstStep: Int, lastStep: Int) -> Int {
        guard lastStep >= firstStep else { return 0 }
        switch rule {
        case .all: return lastStep - firstStep + 1
        default:
            // Counted rather than worked out: the rules overlap at the ends of short runs.
            return (firstStep...lastStep).reduce(0) { $0 + (keeps(step: $1, firstStep: firstStep, lastStep: lastStep) ? 1 : 0) }
        }
    }
}
