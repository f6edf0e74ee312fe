/// The part a matrix plays in a worked substitution, such as `(W^T)(δ) ⊙ (σ') = (result)`:
/// which entries of the result each operand's entries went into. A page may use it to point
/// from an entry of the result to the entries it was computed from; a writer of text ignores it.
public struct MathLink: Sendable, Equatable, Hashable {
    /// How an operand's entries feed the result's entry in row i, column j.
    public enum Role: String, Sendable, Equatable, Hashable, CaseIterable {
        /// The value computed; its rows and columns are what the operands' roles refer to.
        case result
        /// Row i feeds the result's row i: the left factor of a matrix product.
        case rows
        /// Column j feeds the result's column j: the right factor of a matrix product.
        case columns
        /// Entry (i, j) feeds entry (i, j): a Hadamard product, a sum or difference, a scaling.
        case entries
    }

    /// Names one substitution; the matrices of one substitution share it. It need only differ
    /// from the other groups of its formula, since a substitution never spans two formulas.
    public var group: String
    /// What this matrix is in the substitution.
    public var role: Role

    /// A matrix's part in the substitution `group`.
    public init(group: String, role: Role) {
        self.group = group
        self.role = role
    }
}
