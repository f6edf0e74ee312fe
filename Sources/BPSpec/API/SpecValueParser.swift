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
        // The numbers specs write are plain ASCII, read byte by byte below at a fraction of the
        // cost of Characters (a spec's numbers are read again by every run that uses them).
        if let plain = raw.utf8.withContiguousStorageIfAvailable(parsePlain) ?? nil { return try plain.get() }
        return try parseCharacters(raw)
    }

    /// ``parse(_:)`` Character by Character, for any text (a test holds the byte reading to it).
    static func parseCharacters(_ raw: String) throws(Failure) -> Rational {
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

// MARK: Plain text, byte by byte

extension SpecValueParser {
    /// For a plain decimal with nothing around it (`-0.37`, `1.5e-3`: a sign, digits with at
    /// most one point, an exponent of at most ±400), a bound on the digits of its exact
    /// value's numerator and denominator: what a reader needs to know of a number it keeps as
    /// text, without making the exact value (a GMP number, 5,500 instructions; a large spec
    /// has 400,000 numbers). nil for any other text, which ``parse(_:)`` reads; every text it
    /// answers for, ``parse(_:)`` accepts.
    public static func plainDecimalDigitBound(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let decimal = PlainDecimal(bytes) else { return nil }
        let (mantissaDigits, scale) = (decimal.mantissaDigits, decimal.scale)
        // digits · 10^scale: the numerator has at most the digits and a positive scale's zeros,
        // the denominator at most a negative scale's digits and one. One more, since
        // `Rational.digitCount` (GMP's sizeinbase) may itself count one digit too many.
        return max(mantissaDigits + max(scale, 0), max(-scale, 0) + 1) + 1
    }
}

private extension SpecValueParser {
    /// ``parse(_:)`` of a text made only of digits, signs, points, `e`, `E`, slashes, spaces and
    /// tabs, step by step as the Character reading does it (over these, a Character is one byte,
    /// so both say the same); `nil` for any other text, which the Character reading takes.
    static func parsePlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Rational, Failure>? {
        guard bytes.allSatisfy(isPlain) else { return nil }
        let (start, end) = trimmed(bytes, 0, bytes.count)
        guard let slash = (start..<end).first(where: { bytes[$0] == UInt8(ascii: "/") }) else {
            return decimal(bytes, start, end)
        }
        let (topStart, topEnd) = trimmed(bytes, start, slash)
        let (bottomStart, bottomEnd) = trimmed(bytes, slash + 1, end)
        let top: Rational, bottom: Rational
        switch decimal(bytes, topStart, topEnd) {
        case let .success(value): top = value
        case let .failure(failure): return .failure(failure)
        }
        switch decimal(bytes, bottomStart, bottomEnd) {
        case let .success(value): bottom = value
        case let .failure(failure): return .failure(failure)
        }
        guard !bottom.isZero else { return .failure(.zeroDenominator) }
        return .success(top / bottom)
    }

    static func isPlain(_ byte: UInt8) -> Bool {
        isDigit(byte) || "+-.eE/ \t".utf8.contains(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// `start..<end` without the spaces and tabs at either end.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var start = start, end = end
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        return (start, end)
    }

    /// ``parseDecimal(_:)`` of `bytes[start..<end]`, its checks in the same order.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Result<Rational, Failure> {
        var start = start
        var negative = false
        if start < end, bytes[start] == UInt8(ascii: "+") || bytes[start] == UInt8(ascii: "-") {
            negative = bytes[start] == UInt8(ascii: "-")
            start += 1
        }
        var mantissaEnd = end
        var exponent = 0
        if let e = (start..<end).first(where: { bytes[$0] == UInt8(ascii: "e") || bytes[$0] == UInt8(ascii: "E") }) {
            mantissaEnd = e
            var digits = e + 1
            var expNegative = false
            if digits < end, bytes[digits] == UInt8(ascii: "+") || bytes[digits] == UInt8(ascii: "-") {
                expNegative = bytes[digits] == UInt8(ascii: "-")
                digits += 1
            }
            guard digits < end, (digits..<end).allSatisfy({ isDigit(bytes[$0]) }) else { return .failure(.notANumber) }
            while digits < end, bytes[digits] == UInt8(ascii: "0") { digits += 1 }
            guard end - digits <= 6 else { return .failure(.exponentTooLarge) }
            let value = (digits..<end).reduce(0) { $0 * 10 + Int(bytes[$1] - UInt8(ascii: "0")) }
            guard value <= maxExponent else { return .failure(.exponentTooLarge) }
            exponent = expNegative ? -value : value
        }
        let point = (start..<mantissaEnd).first { bytes[$0] == UInt8(ascii: ".") }
        if let point, (point + 1..<mantissaEnd).contains(where: { bytes[$0] == UInt8(ascii: ".") }) {
            return .failure(.notANumber)
        }
        let wholeEnd = point ?? mantissaEnd
        let fractionStart = point.map { $0 + 1 } ?? mantissaEnd
        guard wholeEnd > start || mantissaEnd > fractionStart,
              (start..<wholeEnd).allSatisfy({ isDigit(bytes[$0]) }),
              (fractionStart..<mantissaEnd).allSatisfy({ isDigit(bytes[$0]) }) else {
            return .failure(.notANumber)
        }
        var digits = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<wholeEnd]), as: UTF8.self)
        digits += String(decoding: UnsafeBufferPointer(rebasing: bytes[fractionStart..<mantissaEnd]), as: UTF8.self)
        guard var value = Rational(integerText: digits) else { return .failure(.notANumber) }
        let scale = exponent - (mantissaEnd - fractionStart)
        if scale != 0 { value = value * Rational.powerOfTen(scale) }
        return .success(negative ? -value : value)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
