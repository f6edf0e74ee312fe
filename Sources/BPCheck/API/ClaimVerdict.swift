import BPSpec

/// One claim and what the check made of it.
public struct ClaimVerdict: Sendable, Equatable {
    /// How a claim fares, as an exam marker grades it.
    public enum Kind: String, Sendable, Equatable {
        /// `right`; `new`: wrong even for the claimed values it was worked from; `carried`: wrong only through an earlier slip.
        case right, new, carried
    }

    /// The claim as the key wrote it, with its place.
    public var claim: Claim
    /// Right, new or carried.
    public var kind: Kind
}
