/// What a check found: how many entries were checked and the wrong ones, in trace order.
public struct CheckResult: Sendable, Equatable {
    /// How many claimed entries were compared.
    public var checked: Int
    /// The wrong ones, in trace order.
    public var differences: [ClaimDifference]
    /// Every claim with its verdict, in trace order (right ones too), for marking a solution.
    public var verdicts: [ClaimVerdict] = []

    /// The differences as the JSON list `check --format json` prints.
    public var json: String { ClaimDifference.json(differences) }
}
