import BPDocument
import BPNumerics
import BPSpec
import FoundationEssentials

/// Writes numbers as a lecturer would.
///
/// - Givens (the spec's own numbers) appear exactly as the spec spells them, whatever the
///   arithmetic.
/// - Exact values: integers; decimals that terminate within ``ReportOptions/maxDecimalPlaces``;
///   short fractions; anything longer as ``ReportOptions/exactStyle`` says.
/// - Floats to ``ReportOptions/significantDigits``; a value that rounding changed keeps its
///   trailing zeros (0.99995 is `1.000`, never `1`), so a rounded value never passes for an
///   exact one.
/// - A matrix whose entries share a denominator may be written as a factor times integers.
/// - A 1 x 1 matrix is a scalar; large matrices are elided with dots.
public struct NumberStyle: Sendable {
    /// The digits, places, elision and style it writes by.
    public let options: ReportOptions

    /// A style that writes numbers as `options` say.
    public init(options: ReportOptions = .default) {
        self.options = options
    }

    /// One computed number.
    public func node<Value: Scalar>(_ value: Value) -> MathNode {
        if let exact = value.exactValue { return node(exact: exact) }
        return node(float: value.doubleValue)
    }

    /// A computed matrix, with its common factor pulled out (exact values) and elided when large.
    public func matrix<Value: Scalar>(_ matrix: Matrix<Value>) -> MathNode {
        if Value.isExact, options.pullsOutCommonFactors, let (factor, scaled) = commonFactor(matrix.map { $0.exactValue! }) {
            return .row([node(exact: factor), .space(.thin), grid(scaled) { node(exact: $0) }])
        }
        return grid(matrix) { node($0) }
    }

    /// A number of the spec, as it is written there.
    public func given(_ value: SpecValue) -> MathNode {
        let text = value.text.trimmingSpaces()
        let negative = text.hasPrefix("-")
        let unsigned = negative || text.hasPrefix("+") ? text.dropFirst().trimmingSpaces() : text
        let body: MathNode
        if let slash = unsigned.firstIndex(of: "/") {
            let top = unsigned[..<slash].trimmingSpaces()
            let bottom = unsigned[unsigned.index(after: slash)...].trimmingSpaces()
            body = .fraction(.number(top), .number(bottom))
        } else if let e = unsigned.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var exponent = String(unsigned[unsigned.index(after: e)...])
            if exponent.hasPrefix("+") { exponent.removeFirst() }
            body = .row([.number(String(unsigned[..<e])), .symbol(.times), .sup(.number("10"), .number(exponent))])
        } else {
            return .number(negative ? "-" + unsigned : unsigned)
        }
        return negative ? .row([.symbol(.minus), body]) : body
    }

    /// A matrix of the spec, every entry as written; never factored.
    public func given(_ matrix: Matrix<SpecValue>) -> MathNode {
        grid(matrix) { given($0) }
    }

    // MARK: Exact

    func node(exact value: Rational) -> MathNode {
        if let decimal = decimalText(value) { return .number(decimal) }
        let digits = value.numerator.magnitude.description.count + value.denominator.description.count
        if digits <= options.maxFractionDigits || options.exactStyle == .fraction { return fraction(value) }
        let approximation = leadingDigits(value)
        switch options.exactStyle {
        case .both:
            return .row([fraction(value), .space(.thin), .fenced(.parentheses, approximation)])
        case .decimal, .fraction:
            return approximation
        }
    }

    private func fraction(_ value: Rational) -> MathNode {
        let fraction = MathNode.fraction(.number(value.numerator.magnitude.description), .number(value.denominator.description))
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

    /// The value's first significant digits, cut off and followed by an ellipsis (`1.0857…`),
    /// or in powers of ten when it is very large or small.
    func leadingDigits(_ value: Rational) -> MathNode {
        let count = max(1, options.significantDigits)
        let magnitude = value.magnitude
        // 10^exponent <= magnitude < 10^(exponent + 1).
        var exponent = magnitude.numerator.description.count - magnitude.denominator.description.count
        while magnitude < Rational.powerOfTen(exponent) { exponent -= 1 }
        while magnitude >= Rational.powerOfTen(exponent + 1) { exponent += 1 }
        let digits = (magnitude * Rational.powerOfTen(count - 1 - exponent)).floor.description
        let sign = value.signum < 0 ? "-" : ""
        let ellipsis = MathNode.symbol(.ellipsis)
        if exponent >= count || exponent < -4 {
            let mantissa = digits.count > 1 ? String(digits.prefix(1)) + "." + digits.dropFirst() : digits
            return .row([.number(sign + mantissa), ellipsis, .symbol(.times), .sup(.number("10"), .number(String(exponent)))])
        }
        var text: String
        if exponent < 0 {
            text = "0." + String(repeating: "0", count: -exponent - 1) + digits
        } else {
            let whole = digits.prefix(exponent + 1)
            let rest = digits.dropFirst(exponent + 1)
            text = String(whole) + (rest.isEmpty ? "" : "." + rest)
        }
        text = sign + text
        return .row([.number(text), ellipsis])
    }

    /// `(g / d, entries / (g / d))` when every entry that is not an integer has the same
    /// denominator d, and g is the gcd of the entries' numerators over d: the case where a
    /// factor helps, as `2/3 (38, −11, 20)`. `nil` when the entries have different denominators
    /// (no `1/6 (0, −10, 3)` for `(0, −5/3, 1/2)`), when every entry already reads as a decimal,
    /// and when an integer of the scaled matrix would have more than `maxFractionDigits` digits.
    func commonFactor(_ matrix: Matrix<Rational>) -> (Rational, Matrix<Rational>)? {
        let fractional = matrix.entries.filter { !$0.isInteger }
        guard matrix.entries.filter({ !$0.isZero }).count > 1, let denominator = fractional.first?.denominator,
              fractional.allSatisfy({ $0.denominator == denominator }),
              matrix.entries.contains(where: { decimalText($0) == nil }) else { return nil }
        let numerators = matrix.entries.reduce(Rational.zero) { Rational.gcd($0, ($1 * denominator).numerator) }
        let factor = numerators / denominator
        let scaled = matrix.map { $0 / factor }
        // Integers too long to read help no one (a long exact run's thousands of digits, which
        // no page or PDF can set on one line): the entries are written one by one instead.
        guard scaled.entries.allSatisfy({ $0.description.filter(\.isNumber).count <= options.maxFractionDigits }) else { return nil }
        return (factor, scaled)
    }

    // MARK: Float

    func node(float value: Double) -> MathNode {
        let digits = max(1, min(options.significantDigits, 17))
        var text = value.printf("%.\(digits)g")
        // Rounding changed the value: keep the zeros that say how many digits are shown.
        if let shown = Double(text), shown != value {
            text = value.printf("%#.\(digits)g")
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }
        guard let e = text.firstIndex(of: "e") else { return .number(text) }
        let mantissa = String(text[..<e])
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        return .row([.number(mantissa), .symbol(.times), .sup(.number("10"), .number(String(exponent)))])
    }

    // MARK: Layout

    /// The matrix node, keeping the first and last three rows and columns of a large matrix;
    /// a 1 x 1 matrix is its entry.
    private func grid<Value>(_ matrix: Matrix<Value>, _ entry: (Value) -> MathNode) -> MathNode {
        if matrix.rows == 1 && matrix.columns == 1 { return entry(matrix[0, 0]) }
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
        // Mapped to Int? directly: `Array(0..<count)` as [Int?] would be a dynamic cast of
        // every element, and a fresh process's first one looks up conformances.
        guard count > options.maxMatrixSize else { return (0..<count).map { $0 } }
        let edge = min(3, max(1, options.maxMatrixSize / 2))
        return (0..<edge).map { $0 } + [nil] + ((count - edge)..<count).map { $0 }
    }
}
