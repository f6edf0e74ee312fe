/// What a check found: how many entries were checked and the wrong ones, in trace order.
public struct CheckResult: Sendable, Equatable {
    public var checked: Int
    public var differences: [ClaimDifference]
    /// Every claim with its verdict, in trace order (right ones too), for marking a solution.
    public var verdicts: [ClaimVerdict] = []

    /// The differences as the JSON list `check --format json` prints.
    public var json: String { ClaimDifference.json(differences) }
}
