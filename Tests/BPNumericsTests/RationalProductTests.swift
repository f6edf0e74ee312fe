import BPNumerics
import BPTestSupport
import Testing

/// `Rational.product` (the common-denominator kernel, and GMP's own products where it steps
/// aside) against the definition, each entry worked out by integers alone and reduced once by
/// GMP: an independent way to the same canonical rationals.
@Suite("Rational product kernel")
struct RationalProductTests {
    static let combinations = [(false, false), (true, false), (false, true), (true, true)]

    /// op(a)·op(b) by the definition, each entry from ``RandomRationals/sumOfProducts(_:)``.
    func naive(_ a: Matrix<Rational>, _ ta: Bool, _ b: Matrix<Rational>, _ tb: Bool) -> Matrix<Rational> {
        let opA = ta ? Matrix(rows: a.columns, columns: a.rows) { i, j in a[j, i] } : a
        let opB = tb ? Matrix(rows: b.columns, columns: b.rows) { i, j in b[j, i] } : b
        return Matrix(rows: opA.rows, columns: opB.columns) { i, j in
            RandomRationals.sumOfProducts((0..<opA.columns).map { k in (opA[i, k], opB[k, j]) })
        }
    }

    func expectProduct(_ a: Matrix<Rational>, _ ta: Bool, _ b: Matrix<Rational>, _ tb: Bool,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let product = Rational.product(a, transposingA: ta, b, transposingB: tb)
        let expected = naive(a, ta, b, tb)
        #expect(product.rows == expected.rows && product.columns == expected.columns, sourceLocation: sourceLocation)
        // GMP's equality compares numerators and denominators: a result not in lowest terms
        // would differ, and so would its text.
        #expect(product == expected, sourceLocation: sourceLocation)
        #expect(product.entries.map(\.description) == expected.entries.map(\.description), sourceLocation: sourceLocation)
        #expect(product.entries.allSatisfy { $0.denominator.signum > 0 }, sourceLocation: sourceLocation)
    }

    @Test("random shapes, every kind of denominator, all four transpose combinations", arguments: combinations)
    func random(ta: Bool, tb: Bool) {
        var random = SplitMix64(seed: 20_261_129)
        for kind in RandomRationals.Denominators.allCases {
            for _ in 0..<12 {
                let (n, p, m) = (random.int(1, 4), random.int(1, 4), random.int(1, 4))
                let a = RandomRationals.matrix(rows: ta ? p : n, columns: ta ? n : p, kind, &random)
                let other: RandomRationals.Denominators = [kind, .mixed][random.below(2)]
                let b = RandomRationals.matrix(rows: tb ? m : p, columns: tb ? p : m, other, &random)
                expectProduct(a, ta, b, tb)
            }
        }
    }

    @Test("1 x 1, single products (outer), one dot product, and shapes with no entries")
    func shapes() {
        var random = SplitMix64(seed: 5)
        for kind in RandomRationals.Denominators.allCases {
            for (n, p, m) in [(1, 1, 1), (3, 1, 2), (1, 1, 4), (1, 5, 1), (2, 0, 3), (0, 2, 3), (3, 2, 0), (0, 0, 0), (0, 1, 0)] {
                for (ta, tb) in Self.combinations {
                    let a = RandomRationals.matrix(rows: ta ? p : n, columns: ta ? n : p, kind, &random)
                    let b = RandomRationals.matrix(rows: tb ? m : p, columns: tb ? p : m, kind, &random)
                    expectProduct(a, ta, b, tb)
                }
            }
        }
    }

    @Test("sums that cancel to zero or to an integer, and common factors on both sides")
    func cancellation() throws {
        let half = try #require(Rational(numerator: Rational(1), denominator: Rational(2)))
        let third = try #require(Rational(numerator: Rational(-1), denominator: Rational(3)))
        // (1/2)(2/3) + (-1/3)(1) = 0; (1/2)(3) + (-1/3)(-3/2) = 2; a large power of 5 over
        // its own multiple.
        let big = RandomRationals.power(5, 300)
        let a = Matrix(rows: 2, columns: 2, entries: [half, third, big / Rational(7), -big / Rational(14)])
        let b = Matrix(rows: 2, columns: 2, entries: [try #require(Rational(numerator: Rational(2), denominator: Rational(3))),
                                                      Rational(3), .one,
                                                      try #require(Rational(numerator: Rational(-3), denominator: Rational(2)))])
        let product = Rational.product(a, transposingA: false, b, transposingB: false)
        #expect(product[0, 0] == .zero)
        #expect(product[0, 1] == Rational(2))
        expectProduct(a, false, b, false)
        // Denominators with large common powers, as an exact run's: 2^a 5^b over 10^k.
        let tenth = try #require(Rational(numerator: Rational(1), denominator: Rational(10)))
        var c = Matrix(rows: 2, columns: 3) { i, j in RandomRationals.power(2, 40 + i) * tenth * Rational(j + 1) }
        c = Matrix(rows: 2, columns: 3) { i, j in c[i, j] / RandomRationals.power(5, 60 + j) }
        expectProduct(c, false, c, true)
        expectProduct(c, true, c, false)
    }

    @Test("denominators that are one odd prime's power (its exponent read off its length), or nearly")
    func primePowers() {
        var random = SplitMix64(seed: 3)
        for prime in [3, 5, 7, 97] {
            var power = Rational.one
            for exponent in 1...160 {
                power = power * Rational(prime)
                // p^e, 2^k p^e, and p^e times a prime above 100 or times p^e - 2 (no power of p).
                let denominators = [power, power * RandomRationals.power(2, exponent % 7),
                                    power * Rational(101), power * (power - Rational(2))]
                let a = Matrix(rows: 1, columns: 2) { _, j in
                    Rational(numerator: RandomRationals.integer(&random, digits: 30), denominator: denominators[j])!
                }
                let b = Matrix(rows: 2, columns: 2) { i, _ in
                    Rational(numerator: RandomRationals.integer(&random, digits: 30) * Rational(prime), denominator: denominators[i + 2])!
                }
                expectProduct(a, false, b, false)
                expectProduct(b, true, a, true)
            }
        }
    }
}
