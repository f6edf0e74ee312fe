extension Scalar {
    /// The default update hook: `a - (factor * b)` entry by entry, in one pass, without the
    /// scaled copy.
    @inlinable
    public static func difference(_ a: Matrix<Self>, minus b: Matrix<Self>, scaledBy factor: Self) -> Matrix<Self> {
        a.combined(b) { $0 - factor * $1 }
    }
}
