import BPDocument
import BPNumerics
import Foundation

/// Writes numbers as a lecturer would: integers as integers, short terminating decimals as
/// decimals, other exact values as fractions (a common fractional factor pulled in front of a
/// matrix), floats to a few significant digits, and large matrices elided with dots.
public struct NumberStyle: Sendable {
    public let options: ReportOptions

    public init(options: ReportOptions = .default) {
        self.options = options
    }

    /// One number.
    public func node<Value: Scalar>(_ value: Value) -> MathNode {
        if let exact = value.exactValue { return node(exact: exact) }
        return node(float: value.doubleValue)
    }

    /// A matrix, with its common factor pulled out (exact values) and elided when large.
    public func matrix<Value: Scalar>(_ matrix: Matrix<Value>) -> MathNode {
        if Value.isExact, let (factor, scaled) = commonFactor(matrix.map { $0.exactValue! }) {
            return .row([node(exact: factor), .space(.thin), grid(scaled) { node(exact: $0) }])
        }
        return grid(matrix) { node($0) }
    }

    // MARK: Exact

    func node(exact value: Rational) -> MathNode {
        if let decimal = decimalText(value) { return .number(decimal) }
        let fraction = MathNode.fraction(.number(value.numerator.magnitude.description),
                                         .number(value.denominator.description))
        return value.signum < 0 ? .row([.symbol(.minus), fraction]) : fraction
    }

    /// The value as a decimal numeral when it is an integer or terminates soon enough.
    func decimalText(_ value: Rational) -> String? {
        if value.isInteger { return value.description }
        guard let places = value.terminatingDecimalPlaces, places <= options.maxDecimalPlaces else { return nil }
        let digits = (value.magnitude * Rational.powerOfTen(places)).description
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -places)
        return (value.signum < 0 ? "-" : "") + padded[..<split] + "." + padded[split...]
    }

    /// `(g / l, entries / (g / l))` where g is the gcd of the numerators and l the lcm of the
    /// denominators, when some entry would otherwise need a fraction. `nil` when none does.
    func commonFactor(_ matrix: Matrix<Rational>) -> (Rational, Matrix<Rational>)? {
        guard matrix.entries.count > 1,
              matrix.entries.contains(where: { decimalText($0) == nil }) else { return nil }
        var numerators = Rational.zero
        var denominators = Rational.one
        for value in matrix.entries {
            numerators = Rational.gcd(numerators, value.numerator)
            denominators = Rational.lcm(denominators, value.denominator)
        }
        guard !numerators.isZero else { return nil }
        let factor = numerators / denominators
        return (factor, matrix.map { $0 / factor })
    }

    // MARK: Float

    func node(float value: Double) -> MathNode {
        let digits = max(1, min(options.significantDigits, 17))
        var text = String(format: "%.\(digits)g", value)
        if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }
        guard let e = text.firstIndex(of: "e") else { return .number(text) }
        let mantissa = String(text[..<e])
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        return .row([.number(mantissa), .symbol(.times), .sup(.number("10"), .number(String(exponent)))])
    }

    // MARK: Layout

    /// The matrix node, keeping the first and last three rows and columns of a large matrix.
    private func grid<Value>(_ matrix: Matrix<Value>, _ entry: (Value) -> MathNode) -> MathNode {
        let rows = shownIndices(matrix.rows)
        let columns = shownIndices(matrix.columns)
        let body: [[MathNode]] = rows.map { i in
            columns.map { j in
                switch (i, j) {
                case let (i?, j?): return entry(matrix[i, j])
                case (nil, nil): return .symbol(.ddots)
                case (nil, _): return .symbol(.vdots)
                case (_, nil): return .symbol(.cdots)
                }
            }
        }
        return .matrix(body)
    }

    /// All indices, or the first and last three with `nil` for the elided middle.
    private func shownIndices(_ count: Int) -> [Int?] {
        guard count > options.maxMatrixSize else { return Array(0..<count) }
        let edge = min(3, max(1, options.maxMatrixSize / 2))
        return Array(0..<edge) + [nil] + Array((count - edge)..<count)
    }
}
