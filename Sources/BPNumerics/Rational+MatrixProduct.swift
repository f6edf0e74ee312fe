extension Rational {
    /// op(a) · op(b), exactly: over a common denominator with one reduction an entry
    /// (``commonDenominatorProduct(_:transposingA:_:transposingB:)``) where that is cheaper,
    /// else each entry one `mpq_mul` (``Scalar/leftToRightProduct(_:transposingA:_:transposingB:)``).
    ///
    /// Either way each entry is the same canonical rational as the left-to-right sum's, so exact
    /// traces do not change.
    public static func product(_ a: Matrix<Rational>, transposingA: Bool, _ b: Matrix<Rational>,
                               transposingB: Bool) -> Matrix<Rational> {
        commonDenominatorProduct(a, transposingA: transposingA, b, transposingB: transposingB)
            ?? leftToRightProduct(a, transposingA: transposingA, b, transposingB: transposingB)
    }
}
