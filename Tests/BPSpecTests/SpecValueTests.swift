import BPNumerics
import BPSpec
import Testing


@Suite("SpecValueParser")
struct SpecValueParserTests {
    @Test("valid numbers read exactly", arguments: [
        ("42", q(42, 1)), ("-7", q(-7, 1)), ("+4", q(4, 1)), ("0", q(0, 1)), ("-0", q(0, 1)),
        ("0.01", q(1, 100)), ("1.5e-3", q(3, 2000)), (".5", q(1, 2)), ("-.25", q(-1, 4)),
        ("5.", q(5, 1)), ("1E2", q(100, 1)), ("2.5e+1", q(25, 1)), ("-2/3", q(-2, 3)),
        ("2/-3", q(-2, 3)), ("4/6", q(2, 3)), ("  3 ", q(3, 1)), ("\t-1.5\t", q(-3, 2)),
        ("1 / 2", q(1, 2)), ("2.5/0.5", q(5, 1)), ("1e-2/2", q(1, 200)),
        ("0.1000", q(1, 10)), ("007", q(7, 1)), ("123456789.987654321", q(123_456_789_987_654_321, 1_000_000_000)),
    ])
    func valid(text: String, expected: Rational) throws {
        let value = try SpecValueParser.parse(text)
        #expect(value == expected, "\(text) read as \(value)")
    }

    @Test("0.01 is exactly 1/100, not the nearest double")
    func decimalIsExact() throws {
        let value = try SpecValueParser.parse("0.01")
        #expect(value.description == "1/100")
        #expect(value * Rational(100) == Rational.one)
        let tenth = try SpecValueParser.parse("0.1")
        #expect(tenth + (try SpecValueParser.parse("0.2")) == (try SpecValueParser.parse("0.3")))
    }

    @Test("big exponents within the limit")
    func exponents() throws {
        #expect(try SpecValueParser.parse("1e400") == Rational.powerOfTen(400))
        #expect(try SpecValueParser.parse("1e-400") == Rational.powerOfTen(-400))
        #expect(try SpecValueParser.parse("3e0") == Rational(3))
        #expect(try SpecValueParser.parse("3e0000002") == Rational(300))
    }

    @Test("not numbers", arguments: [
        "", " ", "abc", "1.2.3", "1e", "e5", "--1", "+-1", "1/", "/2", "0x10", "1,5", "inf", "nan",
        "1e2.5", "1 2", "٣", "½", "1/2/3", "- 1", "1e+", ".", "-.", "1..2", "1_000", "true",
    ])
    func invalid(text: String) {
        #expect(throws: SpecValueParser.Failure.notANumber) { try SpecValueParser.parse(text) }
    }

    @Test("zero denominators", arguments: ["1/0", "0/0", "-3/0", "1/0.0", "2/0e5", " 5 / 0 "])
    func zeroDenominator(text: String) {
        #expect(throws: SpecValueParser.Failure.zeroDenominator) { try SpecValueParser.parse(text) }
    }

    @Test("exponents past the limit", arguments: ["1e401", "1e-401", "2E999999", "1e1000000", "1e-1000000", "5/1e500", "1e99999999999999999999"])
    func exponentTooLarge(text: String) {
        #expect(throws: SpecValueParser.Failure.exponentTooLarge) { try SpecValueParser.parse(text) }
    }
}

@Suite("SpecValue")
struct SpecValueTests {
    @Test("keeps its text and compares by value")
    func textAndEquality() throws {
        let a = try #require(SpecValue(parsing: "0.50"))
        let b = try #require(SpecValue(parsing: "1/2"))
        #expect(a.text == "0.50")
        #expect(a.description == "0.50")
        #expect(a == b)
        #expect(a.exact == q(1, 2))
        #expect(SpecValue(parsing: "1/0") == nil)
        #expect(SpecValue(parsing: "x") == nil)
        #expect(SpecValue(-3).text == "-3")
        #expect(SpecValue(-3).exact == Rational(-3))
    }

    @Test("value(as: Double.self) is the nearest double to the text", arguments: [
        ("0.1", 0.1), ("0.2", 0.2), ("0.3", 0.3), ("0.01", 0.01), ("1/3", 1.0 / 3.0), ("-2/3", -2.0 / 3.0),
        ("1.5e-3", 0.0015), (".5", 0.5), ("  3 ", 3.0), ("1e-300", 1e-300), ("123456789012345678901234567890", 1.2345678901234568e29),
        ("0.1000000000000000055511151231257827021181583404541015625", 0.1), ("2.5/0.5", 5.0),
    ])
    func doubleFromSpecValue(text: String, expected: Double) throws {
        let value = try #require(SpecValue(parsing: text))
        #expect(value.value(as: Double.self) == expected)
    }

    /// The bits of the doubles nearest 0.1, 0.2 and 0.3 (IEEE 754 binary64, round to nearest),
    /// worked out apart from Swift: 0.1 = 0x1.999999999999Ap-4, 0.2 = 0x1.999999999999Ap-3,
    /// 0.3 = 0x1.3333333333333p-2 (so 0.1 + 0.2, 0x1.3333333333334p-2, is not 0.3).
    @Test("0.1, 0.2 and 0.3 become the nearest doubles, bit for bit")
    func pointOne() throws {
        let bits = try ["0.1", "0.2", "0.3", "1/10"].map { try #require(SpecValue(parsing: $0)).value(as: Double.self).bitPattern }
        #expect(bits == [0x3FB9_9999_9999_999A, 0x3FC9_9999_9999_999A, 0x3FD3_3333_3333_3333, 0x3FB9_9999_9999_999A])
    }

    @Test("a Double's description reads back as the same Double", arguments: [
        0.1, -1e-6, 1e-300, 123.456, Double.leastNonzeroMagnitude, 1.7976931348623157e308, -0.30000000000000004, 2.0, 1e22,
    ])
    func doubleRoundTrip(x: Double) throws {
        let value = try #require(SpecValue(parsing: x.description), "\(x.description) did not parse")
        #expect(value.value(as: Double.self) == x)
    }
}

@Suite("SpecValue: read from a spec, kept as its text")
struct SpecValueTextTests {
    @Test("a number read from a spec gives the value its text spells, in either arithmetic", arguments: [
        ("0.1", q(1, 10), 0.1), ("-2/3", q(-2, 3), -2.0 / 3.0), (" 1.5e-3 ", q(3, 2000), 0.0015),
        ("7", q(7), 7.0), ("1/3", q(1, 3), 1.0 / 3.0), ("123456789.987654321", q(123_456_789_987_654_321, 1_000_000_000), Double("123456789.987654321")!),
    ])
    func readValue(text: String, exact: Rational, double: Double) throws {
        let spec = try read(baseSpec(replacing: [1: "input: [\"\(text)\", 1]"]))
        let rate = spec.input[0, 0]
        #expect(rate.text == text)
        #expect(rate.exact == exact)
        #expect(rate.value(as: Rational.self) == exact)
        #expect(rate.value(as: Double.self) == double)
        #expect(rate == SpecValue(exact: exact, text: "another spelling"))
    }

    @Test("a value given with a text that only labels it keeps the value")
    func givenValue() {
        let value = SpecValue(exact: q(1, 3), text: "a third")
        #expect(value.exact == q(1, 3))
        #expect(value.value(as: Double.self) == 1.0 / 3.0)
        #expect(SpecValue(parsing: "a third") == nil)
        #expect(SpecValue(parsing: "2/4")?.exact == q(1, 2))
    }
}

