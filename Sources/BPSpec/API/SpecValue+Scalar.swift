import BPNumerics

extension SpecValue {
    /// The value this spec number stands for in a run's arithmetic: exact for ``Rational``;
    /// for `Double` the nearest double to the text as written (spaces around it ignored).
    public func value<V: Scalar>(as _: V.Type = V.self) -> V {
        V(specNumber: exact, text: text.trimmingSpaces())
    }
}
