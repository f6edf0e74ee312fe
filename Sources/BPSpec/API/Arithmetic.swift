/// What the spec asks for.
public enum ArithmeticChoice: String, Sendable, Equatable, CaseIterable {
    case exact, float, auto
}

/// What a run uses, once `auto` is decided (before the run; it never switches mid-run).
public enum Arithmetic: String, Sendable, Equatable {
    case exact, float
}
