import BPNumerics

/// A number as a spec writes it: the exact rational it spells, and its text.
///
/// `0.01` is exactly 1/100; a float run rounds the text itself, so it gets the same
/// `Double` that Swift's own parser would give.
///
/// A number read from a spec keeps only its text, and ``exact`` reads it again when asked:
/// a large spec holds hundreds of thousands of numbers, and a GMP rational apiece would cost
/// about five times the text they are read from (and a float run never asks for one).
public struct SpecValue: Sendable, Equatable, CustomStringConvertible {
    /// The text as the spec wrote it.
    public let text: String
    /// The value, when it was given rather than read from ``text`` (which then only labels it).
    private let given: Rational?

    /// A number from its value and text.
    public init(exact: Rational, text: String) {
        self.text = text
        self.given = exact
    }

    /// An integer, written in decimal.
    public init(_ value: Int) {
        self.init(exact: Rational(value), text: String(value))
    }

    /// Parses an integer (`-3`), a decimal (`0.01`, `1.5e-3`) or a fraction (`"2/3"`, `"-1/2"`).
    /// Returns `nil` for anything else, including a zero denominator (see ``SpecValueParser``).
    public init?(parsing text: String) {
        guard (try? SpecValueParser.parse(text)) != nil else { return nil }
        self.init(checkedText: text)
    }

    /// A number whose text ``SpecValueParser`` has already read without error.
    init(checkedText text: String) {
        self.text = text
        self.given = nil
    }

    /// The exact value the text spells.
    public var exact: Rational {
        if let given { return given }
        // Every text kept without its value was parsed once already, so this cannot fail.
        return (try? SpecValueParser.parse(text)) ?? .zero
    }

    /// The text as written.
    public var description: String { text }

    /// Equal values are equal whatever their text (`0.5` and `"1/2"`).
    public static func == (lhs: SpecValue, rhs: SpecValue) -> Bool { lhs.exact == rhs.exact }
}
