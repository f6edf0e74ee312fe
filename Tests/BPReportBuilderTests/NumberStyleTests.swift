import BPDocument
import BPReportBuilder
import BPNumerics
import BPSpec
import Testing

/// Numbers as a lecturer writes them. Expected forms are worked by hand.
@Suite struct NumberStyleTests {
    let style = NumberStyle()

    private func q(_ text: String) -> Rational { SpecValue(parsing: text)!.exact }

    @Test func integersStayIntegers() {
        #expect(style.node(q("-3")) == .number("-3"))
        #expect(style.node(q("12/4")) == .number("3"))
        #expect(style.node(q("0")) == .number("0"))
    }

    @Test func shortTerminatingDecimalsAreDecimals() {
        #expect(style.node(q("167/100")) == .number("1.67"))
        #expect(style.node(q("-44/100")) == .number("-0.44"))
        #expect(style.node(q("1/8")) == .number("0.125"))
        #expect(style.node(q("-1/20000")) == .number("-0.00005"))
        // 1/2^7 = 0.0078125 needs 7 places, within the default 10.
        #expect(style.node(q("1/128")) == .number("0.0078125"))
        // 1/2^11 = 0.00048828125 needs 11: past the cap, and a short fraction.
        #expect(style.node(q("1/2048")) == .fraction(.number("1"), .number("2048")))
    }

    @Test func otherValuesAreFractionsWithTheSignInFront() {
        #expect(style.node(q("2/3")) == .fraction(.number("2"), .number("3")))
        #expect(style.node(q("-7/6")) == .row([.symbol(.minus), .fraction(.number("7"), .number("6"))]))
    }

    @Test func commonFractionalFactorIsPulledOut() {
        // 76/3, -22/3, 40/3 share 2/3: 2/3 (38, -11, 20).
        let m = Matrix(rows: 1, columns: 3, entries: [q("76/3"), q("-22/3"), q("40/3")])
        #expect(style.matrix(m) == .row([
            .fraction(.number("2"), .number("3")), .space(.thin),
            .matrix([[.number("38"), .number("-11"), .number("20")]]),
        ]))
        // Integers may stand beside the fractions: 152/3 = 2/3 * 76 and 22 = 2/3 * 33.
        let withIntegers = Matrix(rows: 1, columns: 2, entries: [q("152/3"), q("22")])
        #expect(style.matrix(withIntegers) == .row([
            .fraction(.number("2"), .number("3")), .space(.thin), .matrix([[.number("76"), .number("33")]]),
        ]))
    }

    @Test func noFactorWhenEveryEntryReadsAsADecimal() {
        let m = Matrix(column: [q("1.5"), q("-2"), q("0.25")])
        #expect(style.matrix(m) == .matrix([[.number("1.5")], [.number("-2")], [.number("0.25")]]))
    }

    @Test func floatsHaveFourSignificantDigitsAndNoTrailingZeros() {
        #expect(style.node(3.14159) == .number("3.142"))
        #expect(style.node(2.5) == .number("2.5"))
        #expect(style.node(100.0) == .number("100"))
        #expect(style.node(-0.0) == .number("0"))
        #expect(style.node(-0.00001) == .row([.number("-1"), .symbol(.times), .sup(.number("10"), .number("-5"))]))
        #expect(style.node(123456.0) == .row([.number("1.235"), .symbol(.times), .sup(.number("10"), .number("5"))]))
        let six = NumberStyle(options: ReportOptions(significantDigits: 6, maxMatrixSize: 8, maxDecimalPlaces: 6))
        #expect(six.node(3.14159265) == .number("3.14159"))
    }

    @Test func largeMatricesAreElidedWithDots() {
        let m = Matrix<Rational>(rows: 10, columns: 2) { i, j in Rational(i * 10 + j) }
        guard case let .matrix(rows, _) = style.matrix(m) else {
            Issue.record("expected a matrix")
            return
        }
        // Rows 0, 1, 2, dots, 7, 8, 9; both columns kept.
        #expect(rows.count == 7)
        #expect(rows[0] == [.number("0"), .number("1")])
        #expect(rows[3] == [.symbol(.vdots), .symbol(.vdots)])
        #expect(rows[6] == [.number("90"), .number("91")])
        let wide = Matrix<Double>(rows: 9, columns: 9) { i, j in Double(i - j) }
        guard case let .matrix(grid, _) = style.matrix(wide) else {
            Issue.record("expected a matrix")
            return
        }
        #expect(grid.count == 7 && grid.allSatisfy { $0.count == 7 })
        #expect(grid[3][3] == .symbol(.ddots))
        #expect(grid[0][3] == .symbol(.cdots))
        #expect(grid[6][6] == .number("0"))
    }
}

/// The issue's cases for a report a lecturer would hand out, each worked by hand.
@Suite struct LecturerNumberTests {
    let style = NumberStyle()
    private func q(_ text: String) -> Rational { SpecValue(parsing: text)!.exact }
    private func given(_ text: String) -> SpecValue { SpecValue(parsing: text)! }

    @Test func factorsArePulledOutOnlyWhereEveryFractionSharesTheDenominator() {
        // (0, -5/3, 1/2): denominators 3 and 2, so no 1/6 (0, -10, 3).
        let mixed = Matrix(rows: 1, columns: 3, entries: [q("0"), q("-5/3"), q("1/2")])
        #expect(style.matrix(mixed) == .matrix([[.number("0"), .row([.symbol(.minus), .fraction(.number("5"), .number("3"))]),
                                                 .number("0.5")]]))
        // (2/3, -1/7): no 1/21 (14, -3).
        let inputs = Matrix(column: [q("2/3"), q("-1/7")])
        #expect(style.matrix(inputs) == .matrix([[.fraction(.number("2"), .number("3"))],
                                                 [.row([.symbol(.minus), .fraction(.number("1"), .number("7"))])]]))
        // (12345677/7, 2/7) is 1/7 (12345677, 2) (the numerators are coprime), 8 digits at most: factored. (123456789/7, 2/7)
        // would need a 9-digit integer, past maxFractionDigits (8): each entry on its own.
        let eight = Matrix(rows: 1, columns: 2, entries: [q("12345677/7"), q("2/7")])
        #expect(style.matrix(eight) == .row([.fraction(.number("1"), .number("7")), .space(.thin),
                                            .matrix([[.number("12345677"), .number("2")]])]))
        let nine = Matrix(rows: 1, columns: 2, entries: [q("123456789/7"), q("2/7")])
        guard case .matrix = style.matrix(nine) else {
            Issue.record("a 9-digit integer was factored out: \(style.matrix(nine))")
            return
        }
        // The switch turns even the seed's case off.
        let off = NumberStyle(options: ReportOptions(pullsOutCommonFactors: false))
        let seed = Matrix(rows: 1, columns: 2, entries: [q("76/3"), q("-22/3")])
        #expect(off.matrix(seed) == .matrix([[.fraction(.number("76"), .number("3")),
                                              .row([.symbol(.minus), .fraction(.number("22"), .number("3"))])]]))
    }

    @Test func givensAreShownAsWritten() {
        #expect(style.given(given("0.123456")) == .number("0.123456"))
        #expect(style.given(given("0.987654321")) == .number("0.987654321"))
        #expect(style.given(given("0.99995")) == .number("0.99995"))
        #expect(style.given(given("1.10")) == .number("1.10"))
        #expect(style.given(given("-0.5")) == .number("-0.5"))
        #expect(style.given(given("1/3")) == .fraction(.number("1"), .number("3")))
        #expect(style.given(given("-2/3")) == .row([.symbol(.minus), .fraction(.number("2"), .number("3"))]))
        #expect(style.given(given("1.5e-3")) == .row([.number("1.5"), .symbol(.times), .sup(.number("10"), .number("-3"))]))
        // A given matrix is never factored, even where a computed one would be.
        let thirds = Matrix(rows: 1, columns: 2, entries: [given("2/3"), given("4/3")])
        #expect(style.given(thirds) == .matrix([[.fraction(.number("2"), .number("3")), .fraction(.number("4"), .number("3"))]]))
    }

    @Test func aRoundedFloatNeverPassesForAnExactOne() {
        // 0.99995 to 4 significant digits is 1.000: the zeros say it was rounded.
        #expect(style.node(0.99995) == .number("1.000"))
        #expect(style.node(0.5400000001) == .number("0.5400"))
        // Values that 4 digits show exactly stay short.
        #expect(style.node(0.5) == .number("0.5"))
        #expect(style.node(2.0) == .number("2"))
    }

    @Test func longExactValuesShowTheirLeadingDigits() {
        // 54287369/50000001 = 1.08574735828... : cut (not rounded) after 4 digits.
        let long = q("54287369/50000001")
        #expect(style.node(long) == .row([.number("1.085"), .symbol(.ellipsis)]))
        #expect(style.node(-long) == .row([.number("-1.085"), .symbol(.ellipsis)]))
        // 1/30000007 = 3.3333325...e-8: powers of ten.
        #expect(style.node(q("1/30000007")) == .row([.number("3.333"), .symbol(.ellipsis), .symbol(.times),
                                                           .sup(.number("10"), .number("-8"))]))
        // 123456789/1000003 = 123.4564...
        #expect(style.node(q("123456789/1000003")) == .row([.number("123.4"), .symbol(.ellipsis)]))
        // A terminating decimal within the cap is written in full: 54287369/50000000 = 1.08574738.
        #expect(style.node(q("54287369/50000000")) == .number("1.08574738"))
        // The other styles.
        let fraction = NumberStyle(options: ReportOptions(exactStyle: .fraction))
        #expect(fraction.node(long) == .fraction(.number("54287369"), .number("50000001")))
        let both = NumberStyle(options: ReportOptions(exactStyle: .both))
        #expect(both.node(long) == .row([.fraction(.number("54287369"), .number("50000001")), .space(.thin),
                                                .fenced(.parentheses, .row([.number("1.085"), .symbol(.ellipsis)]))]))
    }

    @Test func aOneByOneMatrixIsAScalar() {
        #expect(style.matrix(Matrix(column: [q("-2")])) == .number("-2"))
        #expect(style.given(Matrix(column: [given("0.5")])) == .number("0.5"))
    }
}
