/// What the spec asks for.
public enum ArithmeticChoice: String, Sendable, Equatable, CaseIterable {
    /// Exact rationals, floats, or (`auto`) exact when every activation and the loss stay rational (no sigmoid, tanh, softmax or cross-entropy), else float.
    case exact, float, auto
}

/// What a run uses, once `auto` is decided (before the run; it never switches mid-run).
public enum Arithmetic: String, Sendable, Equatable {
    /// Exact rationals (GMP) or IEEE doubles.
    case exact, float
}
