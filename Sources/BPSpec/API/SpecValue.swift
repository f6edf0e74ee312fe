import BPNumerics

/// A number as a spec writes it: the exact rational it spells, and its text.
///
/// `0.01` is exactly 1/100; a float run rounds the text itself, so it gets the same
/// `Double` that Swift's own parser would give.
public struct SpecValue: Sendable, Equatable, CustomStringConvertible {
    /// The exact value the text spells.
    public let exact: Rational
    /// The text as the spec wrote it.
    public let text: String

    /// A number from its value and text.
    public init(exact: Rational, text: String) {
        self.exact = exact
        self.text = text
    }

    /// An integer, written in decimal.
    public init(_ value: Int) {
        self.init(exact: Rational(value), text: String(value))
    }

    /// Parses an integer (`-3`), a decimal (`0.01`, `1.5e-3`) or a fraction (`"2/3"`, `"-1/2"`).
    /// Returns `nil` for anything else, including a zero denominator (see ``SpecValueParser``).
    public init?(parsing text: String) {
        guard let exact = try? SpecValueParser.parse(text) else { return nil }
        self.init(exact: exact, text: text)
    }

    /// The text as written.
    public var description: String { text }

    /// Equal values are equal whatever their text (`0.5` and `"1/2"`).
    public static func == (lhs: SpecValue, rhs: SpecValue) -> Bool { lhs.exact == rhs.exact }
}
