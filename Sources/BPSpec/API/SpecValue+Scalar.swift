import BPNumerics

extension SpecValue {
    // Specialised for the two scalars the tool uses: generic, a number's cast back to V cost
    // more than reading it (an engine converts every entry of a spec once per run).
    /// The value this spec number stands for in a run's arithmetic: exact for ``Rational``;
    /// for `Double` the nearest double to the text as written (spaces around it ignored).
    @_specialize(where V == Double)
    @_specialize(where V == Rational)
    public func value<V: Scalar>(as _: V.Type = V.self) -> V {
        // Most numbers are plain decimals with nothing around them: read from their bytes
        // (DecimalDouble leaves any other text, spaces included, to the lines below).
        var written = text
        if V.self == Double.self, let parsed = written.withUTF8(DecimalDouble.value), parsed.isFinite {
            return parsed as! V
        }
        written = written.trimmingSpaces()
        if V.self == Double.self, let parsed = Double(written), parsed.isFinite {
            return parsed as! V
        }
        return V(specNumber: exact, text: written)
    }
}
