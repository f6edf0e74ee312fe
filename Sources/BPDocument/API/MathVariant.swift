/// The style of a run of math: TeX's `\mathbf`, `\mathrm`, `\mathcal`, ...
public enum MathVariant: String, Sendable, Equatable, Hashable, CaseIterable {
    /// TeX's `\mathbf`, `\mathit`, `\boldsymbol`, `\mathrm`, `\mathcal`, `\mathfrak`, `\mathbb`, `\mathsf` and `\mathtt`, in order.
    case bold, italic, boldItalic, upright, calligraphic, fraktur, doubleStruck, sansSerif, monospace
}
