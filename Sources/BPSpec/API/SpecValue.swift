import BPNumerics

/// A number as a spec writes it: the exact rational it spells, and its text.
///
/// `0.01` is exactly 1/100; a float run rounds the text itself, so it gets the same
/// `Double` that Swift's own parser would give.
public struct SpecValue: Sendable, Equatable, CustomStringConvertible {
    public let exact: Rational
    public let text: String

    public init(exact: Rational, text: String) {
        self.exact = exact
        self.text = text
    }

    public init(_ value: Int) {
        self.init(exact: Rational(value), text: String(value))
    }

    /// Parses an integer (`-3`), a decimal (`0.01`, `1.5e-3`) or a fraction (`"2/3"`, `"-1/2"`).
    /// Returns `nil` for anything else, including a zero denominator (see ``SpecValueParser``).
    public init?(parsing text: String) {
        guard let exact = try? SpecValueParser.parse(text) else { return nil }
        self.init(exact: exact, text: text)
    }

    public var description: String { text }

    public static func == (lhs: SpecValue, rhs: SpecValue) -> Bool { lhs.exact == rhs.exact }
}
