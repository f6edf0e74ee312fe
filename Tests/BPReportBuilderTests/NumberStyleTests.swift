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
        // 1/2^7 = 0.0078125 needs 7 places: past the default 6, so a fraction.
        #expect(style.node(q("1/128")) == .fraction(.number("1"), .number("128")))
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
        // 1/3 and 1/2: the factor is 1/6, leaving 2 and 3.
        let mixed = Matrix(column: [q("1/3"), q("1/2")])
        #expect(style.matrix(mixed) == .row([
            .fraction(.number("1"), .number("6")), .space(.thin), .matrix([[.number("2")], [.number("3")]]),
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
        let six = NumberStyle(options: ReportOptions(significantDigits: 6, maxMatrixSize: 8, maxDecimalPlaces: 6, workedSteps: 10))
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
