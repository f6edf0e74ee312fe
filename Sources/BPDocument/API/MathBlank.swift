/// The shape of a blank in a handout.
public enum MathBlank: Sendable, Equatable, Hashable {
    /// A box, one per entry of a matrix, tall enough for a fraction.
    case box
    /// A line, for a scalar.
    case line
}
