import BPNumerics

extension SpecValue {
    /// The value this spec number stands for in a run's arithmetic: exact for ``Rational``;
    /// for `Double` the nearest double to the text as written (spaces around it ignored).
    public func value<V: Scalar>(as _: V.Type = V.self) -> V {
        let written = text.trimmingSpaces()
        // Double's own rule (Scalar.init(specNumber:text:)) takes a decimal that parses from
        // its text alone; reading the exact value too would cost a GMP number per entry.
        if V.self == Double.self, let parsed = Double(written), parsed.isFinite {
            return parsed as! V
        }
        return V(specNumber: exact, text: written)
    }
}
