import BPNumerics

/// Reads the number syntax of a spec into an exact ``Rational``.
public enum SpecValueParser {
    /// Why a text is not a number.
    public enum Failure: Error, Equatable {
        /// Not the spec's number syntax.
        case notANumber
        /// A fraction over zero.
        case zeroDenominator
        /// An exponent beyond ``SpecValueParser/maxExponent``.
        case exponentTooLarge
    }

    /// Exponents beyond this are refused: `1e1000000` would be a million-digit number.
    public static let maxExponent = 400

    /// The exact value of `raw` (spaces and tabs around it ignored).
    public static func parse(_ raw: String) throws(Failure) -> Rational {
        let text = raw.trimmingSpaces()
        if let slash = text.firstIndex(of: "/") {
            let top = try parseDecimal(String(text[..<slash]).trimmingSpaces())
            let bottom = try parseDecimal(String(text[text.index(after: slash)...]).trimmingSpaces())
            guard !bottom.isZero else { throw .zeroDenominator }
            return top / bottom
        }
        return try parseDecimal(text)
    }

    /// `[+-]digits[.digits][(e|E)[+-]digits]`, or `[+-].digits...`.
    private static func parseDecimal(_ text: String) throws(Failure) -> Rational {
        var chars = Substring(text)
        var negative = false
        if let first = chars.first, first == "+" || first == "-" {
            negative = first == "-"
            chars = chars.dropFirst()
        }
        var mantissaPart = chars
        var exponent = 0
        if let e = chars.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissaPart = chars[..<e]
            var expText = chars[chars.index(after: e)...]
            var expNegative = false
            if let sign = expText.first, sign == "+" || sign == "-" {
                expNegative = sign == "-"
                expText = expText.dropFirst()
            }
            guard !expText.isEmpty, expText.allSatisfy(\.isASCIIDigit) else { throw .notANumber }
            let significant = expText.drop { $0 == "0" }
            guard significant.count <= 6, let value = Int(significant.isEmpty ? "0" : significant),
                  value <= maxExponent else { throw .exponentTooLarge }
            exponent = expNegative ? -value : value
        }
        let pieces = mantissaPart.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2 else { throw .notANumber }
        let whole = pieces[0]
        let fraction = pieces.count == 2 ? pieces[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty),
              whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit) else {
            throw .notANumber
        }
        let digits = String(whole) + String(fraction)
        guard var value = Rational(integerText: digits.isEmpty ? "0" : digits) else { throw .notANumber }
        let scale = exponent - fraction.count
        value = value * Rational.powerOfTen(scale)
        return negative ? -value : value
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
