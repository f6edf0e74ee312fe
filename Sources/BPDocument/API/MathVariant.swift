/// The style of a run of math: TeX's `\mathbf`, `\mathrm`, `\mathcal`, ...
public enum MathVariant: String, Sendable, Equatable, Hashable, CaseIterable {
    case bold, italic, boldItalic, upright, calligraphic, fraktur, doubleStruck, sansSerif, monospace
}
