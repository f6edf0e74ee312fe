import BPSpec

/// One claim and what the check made of it.
public struct ClaimVerdict: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case right, new, carried
    }

    public var claim: Claim
    public var kind: Kind
}
