import BPNumerics
import Testing

/// Values for the big-number identities, computed independently (Python integers):
/// 2^200, 2^400 and (2^400 - 1) / 15.
private let twoTo200 = "1606938044258990275541962092341162602522202993782792835301376"
private let twoTo400 = "2582249878086908589655919172003011874329705792829223512830659356540647622016841194629645353280137831435903171972747493376"
private let twoTo400MinusOneOver15 = "172149991872460572643727944800200791621980386188614900855377290436043174801122746308643023552009188762393544798183166225"

private func q(_ p: Int, _ r: Int) -> Rational { Rational(p) / Rational(r) }

private func int(_ text: String) throws -> Rational {
    try #require(Rational(integerText: text))
}

private func power(_ base: Int, _ exponent: Int) -> Rational {
    var out = Rational.one
    for _ in 0..<exponent { out = out * Rational(base) }
    return out
}

@Suite("Rational arithmetic")
struct RationalArithmeticTests {
    @Test("reduces to lowest terms")
    func reduction() {
        #expect(q(6, 4).description == "3/2")
        #expect(q(100, 25).description == "4")
        #expect(q(12, 18) == q(2, 3))
        #expect(q(12, 18).numerator == Rational(2))
        #expect(q(12, 18).denominator == Rational(3))
        #expect(q(0, 7).description == "0")
        #expect(q(0, 7).denominator == Rational(1))
    }

    @Test("keeps the sign on the numerator and the denominator positive")
    func signNormalisation() {
        #expect(q(6, -4).description == "-3/2")
        #expect(q(-6, -4).description == "3/2")
        #expect(q(-6, 4) == q(6, -4))
        #expect(q(3, -7).numerator == Rational(-3))
        #expect(q(3, -7).denominator == Rational(7))
        #expect(q(0, -5).description == "0")
        #expect(q(0, -5).signum == 0)
        #expect(q(-1, 3).signum == -1)
        #expect(q(-1, -3).signum == 1)
        #expect((-q(3, 4)).description == "-3/4")
        #expect((-(-q(3, 4))).description == "3/4")
        #expect(q(-3, 4).magnitude == q(3, 4))
    }

    @Test("adds, subtracts, multiplies and divides exactly")
    func fieldOperations() {
        #expect(q(1, 6) + q(1, 3) == q(1, 2))
        #expect((q(1, 6) + q(1, 3)).description == "1/2")
        #expect((q(1, 2) - q(1, 2)).description == "0")
        #expect((q(1, 2) - q(1, 2)).isZero)
        #expect((q(2, 3) * q(9, 4)).description == "3/2")
        #expect((q(2, 3) / q(4, 9)).description == "3/2")
        #expect((q(-2, 3) / q(-4, 9)).description == "3/2")
        #expect((q(1, 3) - q(1, 2)).description == "-1/6")
        #expect((Rational(7) / Rational(7)).description == "1")
        // 0.1 + 0.2 is exactly 0.3 in the rationals.
        #expect(q(1, 10) + q(2, 10) == q(3, 10))
        // The contract example's update: 1 - 1/100 * (-1) = 101/100.
        #expect((Rational(1) - q(1, 100) * Rational(-1)).description == "101/100")
        #expect((Rational(-3) - q(1, 100) * Rational(-60)).description == "-12/5")
    }

    @Test("orders values")
    func comparison() {
        #expect(q(-1, 2) < q(1, 3))
        #expect(q(1, 3) < q(1, 2))
        #expect(!(q(1, 2) < q(2, 4)))
        #expect(q(-3, 2) < Rational(-1))
        #expect(Rational.zero < q(1, 1_000_000))
        #expect([q(1, 2), q(-1, 3), Rational(2), q(1, 3)].max() == Rational(2))
        #expect([q(1, 2), q(-1, 3), Rational(2), q(1, 3)].min() == q(-1, 3))
    }

    @Test("integer predicates, gcd, lcm and powers of ten")
    func integerParts() {
        #expect(Rational(5).isInteger)
        #expect(q(10, 5).isInteger)
        #expect(!q(1, 2).isInteger)
        #expect(Rational.gcd(Rational(12), Rational(18)) == Rational(6))
        #expect(Rational.gcd(Rational(0), Rational(-5)) == Rational(5))
        #expect(Rational.lcm(Rational(4), Rational(6)) == Rational(12))
        #expect(Rational.powerOfTen(3) == Rational(1000))
        #expect(Rational.powerOfTen(0) == Rational(1))
        #expect(Rational.powerOfTen(-2) == q(1, 100))
        #expect(Rational.powerOfTen(-2).description == "1/100")
        #expect(Rational.powerOfTen(30).description == "1" + String(repeating: "0", count: 30))
    }

    @Test("reads integer text")
    func integerText() throws {
        #expect(try int("123") == Rational(123))
        #expect(try int("-45") == Rational(-45))
        #expect(try int("0").isZero)
        #expect(try int(twoTo200).description == twoTo200)
        #expect(Rational(integerText: "") == nil)
        #expect(Rational(integerText: "abc") == nil)
        #expect(Rational(integerText: "1.5") == nil)
        #expect(Rational(integerText: "12a") == nil)
        #expect(Rational(integerText: "1 2") == nil)
        #expect(Rational(integerText: " 12") == nil)
        #expect(Rational(integerText: "-") == nil)
        #expect(Rational(integerText: "+5") == nil)
        #expect(Rational(integerText: "٣") == nil)
    }

    @Test("big values: (2^200 + 1)/3 and known identities")
    func bigValues() throws {
        let two200 = power(2, 200)
        #expect(two200.description == twoTo200)
        let x = two200 + Rational(1)
        let third = x / Rational(3)
        // 2^200 = 4^100 ≡ 1 (mod 3), so 2^200 + 1 ≡ 2: the fraction does not reduce.
        #expect(third.description == "1606938044258990275541962092341162602522202993782792835301377/3")
        #expect(!third.isInteger)
        #expect(third.denominator == Rational(3))
        // Multiplying back and by the reciprocal.
        #expect(third * Rational(3) == x)
        #expect((third * (Rational(3) / x)).description == "1")
        // 2^200 ≡ 1 (mod 5) and 2^400 ≡ 1 (mod 15): both quotients below are integers, and
        // (2^200 + 1)/3 * (2^200 - 1)/5 = (2^400 - 1)/15.
        let fifth = (two200 - Rational(1)) / Rational(5)
        #expect(fifth.isInteger)
        let product = third * fifth
        #expect(product.isInteger)
        #expect(product.description == twoTo400MinusOneOver15)
        #expect(product == (try int(twoTo400) - Rational(1)) / Rational(15))
        #expect(two200 * two200 == (try int(twoTo400)))
        // Difference of squares: y^2 - (y - 1)(y + 1) = 1 for y = (2^200 + 1)/3.
        #expect((third * third - (third - Rational(1)) * (third + Rational(1))).description == "1")
        // (a/b)(b/c)(c/a) = 1 with three big coprime-ish values.
        let a = x, b = two200 - Rational(1), c = power(3, 127)
        #expect((a / b) * (b / c) * (c / a) == Rational.one)
        // Subtracting a value from itself is zero whatever its size.
        #expect((third - third).description == "0")
        // Negative big fraction prints with one leading minus.
        #expect((-third).description == "-1606938044258990275541962092341162602522202993782792835301377/3")
    }

    @Test("terminating decimal places", arguments: [
        (q(1, 8), 3 as Int?), (q(1, 3), nil), (Rational(7), 0), (q(1, 20), 2),
        (q(3, 40), 3), (q(1, 6), nil), (q(1, 1024), 10), (q(-1, 4), 2), (q(1, 3125), 5),
        (q(7, 10), 1), (Rational(0), 0), (q(1, 7), nil), (q(9, 3), 0),
    ])
    func terminatingDecimalPlaces(value: Rational, places: Int?) {
        #expect(value.terminatingDecimalPlaces == places)
    }

    @Test("digit count of the larger part (GMP may say one more)")
    func digitCount() throws {
        func within(_ value: Rational, _ digits: Int) {
            #expect(value.digitCount >= digits && value.digitCount <= digits + 1, "\(value): \(value.digitCount), expected \(digits)")
        }
        within(Rational(0), 1)
        within(Rational(7), 1)
        within(Rational(-123), 3)
        within(q(123, 4567), 4)
        within(q(98765, 43), 5)
        within(Rational.powerOfTen(9), 10)
        within(Rational.powerOfTen(-9), 10)
        within(power(2, 200), 61)
        within(power(2, 200) / power(3, 300), 144) // 3^300 has 144 digits
        #expect(power(2, 400).digitCount >= 121)
    }

    @Test("doubleValue")
    func doubleValue() {
        #expect(q(1, 3).doubleValue == 1.0 / 3.0)
        #expect(q(-7, 2).doubleValue == -3.5)
        #expect(q(1, 10).doubleValue == 0.1)
        #expect(Rational(0).doubleValue == 0)
        #expect(Rational(-42).doubleValue == -42)
        // 2^63 - 1 has more than 53 bits: GMP's conversion truncates (documented), so allow one ulp.
        let nearest = 9.223372036854775807e18
        #expect(abs(Rational(Int.max).doubleValue - nearest) <= nearest.ulp)
        // 2^200 / 3 in doubles is 5.356460147529967e+59; the +1 does not matter at this scale.
        let big = (power(2, 200) + Rational(1)) / Rational(3)
        #expect(abs(big.doubleValue - 5.356460147529967e59) <= 5.356460147529967e59 * 1e-15)
        #expect(power(2, 200).doubleValue == 1.6069380442589903e60)
    }
}
