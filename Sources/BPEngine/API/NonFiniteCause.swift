/// Why a float value stopped being finite, as far as the run can tell, so the message blames
/// what the user should change: the spec's own numbers, or the learning rate.
public enum NonFiniteCause: Sendable, Equatable {
    /// Before any update: the spec's input or parameters are too large for floating point
    /// (the learning rate has played no part yet).
    case givenValues
    /// In an update, or after one: the weight updates grew too large.
    case updates
    /// A stage called on its own (a checker's values): the run cannot say.
    case unknown
}
