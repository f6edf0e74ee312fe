extension Rational {
    /// `a - factor · b` entry by entry, each difference reduced by trial division where the
    /// denominators allow it (``reducedDifference(_:minus:scaledBy:)``), else by GMP. The same
    /// canonical rationals as the default's `a - (factor * b)`.
    public static func difference(_ a: Matrix<Rational>, minus b: Matrix<Rational>, scaledBy factor: Rational) -> Matrix<Rational> {
        reducedDifference(a, minus: b, scaledBy: factor)
    }
}
