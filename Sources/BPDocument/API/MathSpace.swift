/// Horizontal space in math, in eighteenths of an em (TeX's math units, mu).
public struct MathSpace: Sendable, Equatable, Hashable {
    /// Eighteenths of an em; negative to pull things together.
    public var mu: Int

    /// A space of `mu` eighteenths of an em.
    public init(mu: Int) { self.mu = mu }

    /// `\,`: between juxtaposed factors.
    public static let thin = MathSpace(mu: 3)
    /// `\:`.
    public static let medium = MathSpace(mu: 4)
    /// `\;`.
    public static let thick = MathSpace(mu: 5)
    /// `\quad`: between items of a list.
    public static let quad = MathSpace(mu: 18)
    /// `\qquad`.
    public static let qquad = MathSpace(mu: 36)
    /// `\!`.
    public static let negativeThin = MathSpace(mu: -3)
}
