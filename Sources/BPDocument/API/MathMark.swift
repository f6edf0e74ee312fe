/// A verdict on a claimed value, shown beside the correct one in a checked solution.
public struct MathMark: Sendable, Equatable, Hashable {
    /// Right, a new mistake, or a carried one, as a marker grades.
    public enum Verdict: String, Sendable, Equatable, Hashable {
        /// The claim is right.
        case right
        /// Wrong, and wrong for the claimed values it was worked from too: a mistake of its own.
        case new
        /// Wrong, but right for the (wrong) claimed values it was worked from.
        case carried
    }

    /// How the claim fares.
    public var verdict: Verdict
    /// The value as the key wrote it.
    public var claimed: String

    /// A verdict on the value a key wrote as `claimed`.
    public init(verdict: Verdict, claimed: String) {
        self.verdict = verdict
        self.claimed = claimed
    }
}
