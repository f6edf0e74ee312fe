import BPNumerics
import BPTestSupport
import Testing

/// `Rational.difference` (the update's kernel), and `+` and `-` on long denominators, against
/// the definition worked out by integers alone and reduced once by GMP
/// (``RandomRationals/sumOfProducts(_:)``): an independent way to the same canonical rationals.
@Suite("Rational update kernel")
struct RationalDifferenceTests {
    func expectDifference(_ a: Matrix<Rational>, _ b: Matrix<Rational>, _ factor: Rational,
                          sourceLocation: SourceLocation = #_sourceLocation) {
        let difference = Rational.difference(a, minus: b, scaledBy: factor)
        let expected = Matrix(rows: a.rows, columns: a.columns) { i, j in
            RandomRationals.sumOfProducts([(a[i, j], .one), (-factor, b[i, j])])
        }
        // GMP's equality compares numerators and denominators: a result not in lowest terms
        // would differ, and so would its text.
        #expect(difference == expected, sourceLocation: sourceLocation)
        #expect(difference.entries.map(\.description) == expected.entries.map(\.description), sourceLocation: sourceLocation)
        #expect(a.subtracting(b, scaledBy: factor) == expected, sourceLocation: sourceLocation)
    }

    @Test("random matrices and factors, every kind of denominator, shapes down to none")
    func random() {
        var random = SplitMix64(seed: 4_242)
        for kind in RandomRationals.Denominators.allCases {
            for (rows, columns) in [(1, 1), (3, 2), (1, 5), (4, 1), (0, 3), (2, 0), (0, 0)] {
                for _ in 0..<4 {
                    let a = RandomRationals.matrix(rows: rows, columns: columns, kind, &random)
                    let other: RandomRationals.Denominators = [kind, .mixed][random.below(2)]
                    let b = RandomRationals.matrix(rows: rows, columns: columns, other, &random)
                    let factor = RandomRationals.value(.mixed, &random)
                    expectDifference(a, b, factor)
                }
            }
        }
    }

    @Test("an exact run's update: weights over 2^a 5^b, a learning rate of 1/100, differences that cancel")
    func update() throws {
        let rate = try #require(Rational(numerator: .one, denominator: Rational(100)))
        let tenTo = { (k: Int) in RandomRationals.power(10, k) }
        // Entries over a shared power of ten, gradients over larger ones; the last pair cancels
        // to 0 and the one before to an integer.
        let weights = Matrix(rows: 2, columns: 3, entries: [
            Rational(7) / tenTo(30), Rational(-13) / tenTo(30), Rational(2) / tenTo(30),
            Rational(99) / tenTo(30), Rational(3), Rational(1) / tenTo(2),
        ])
        let gradients = Matrix(rows: 2, columns: 3, entries: [
            Rational(11) / tenTo(90), Rational(-4) / tenTo(60), RandomRationals.power(5, 80) / tenTo(120),
            Rational(-17) / tenTo(31), Rational(100), Rational(1),
        ])
        expectDifference(weights, gradients, rate)
        let difference = Rational.difference(weights, minus: gradients, scaledBy: rate)
        #expect(difference[1, 1] == Rational(2))
        #expect(difference[1, 2] == .zero)
    }

    @Test("differences that share primes with the common denominator: 2, 3, 5, 7, 97 and long runs of them")
    func reduction() throws {
        var random = SplitMix64(seed: 99)
        let primes = [2, 3, 5, 7, 97]
        var a: [Rational] = [], b: [Rational] = []
        for _ in 0..<40 {
            // x = u/d and w = v/d over one smooth d, with u - v a multiple of p^j for a p of d:
            // the difference must be divided by p^j (or by all of d).
            let p = primes[random.below(primes.count)]
            let j = random.int(1, 30)
            let d = RandomRationals.power(p, j + random.int(0, 3)) * RandomRationals.denominator(.smooth, &random)
            let u = RandomRationals.integer(&random, digits: 50)
            let r = RandomRationals.integer(&random, digits: 5)
            let v = u - RandomRationals.power(p, j) * r
            a.append(u / d)
            b.append(v / d)
        }
        let x = Matrix(rows: 8, columns: 5, entries: a), y = Matrix(rows: 8, columns: 5, entries: b)
        expectDifference(x, y, .one)
        // The same differences through a learning rate: lr (y / lr) is y again.
        let rate = try #require(Rational(numerator: Rational(3), denominator: Rational(1_000)))
        expectDifference(x, y.map { $0 / rate }, rate)
    }

    @Test("+ and - on long denominators, smooth or not, against the integers' sum")
    func sums() {
        var random = SplitMix64(seed: 77)
        for kind in RandomRationals.Denominators.allCases {
            for _ in 0..<40 {
                // Denominators long enough (8 limbs and up) for + and - to factor them.
                let scale = RandomRationals.power(10, random.int(0, 1) == 0 ? 200 : 20)
                let x = RandomRationals.value(kind, &random) / scale
                let y = RandomRationals.value(.mixed, &random) / (random.int(0, 1) == 0 ? scale : scale * Rational(3))
                for (result, expected) in [(x + y, RandomRationals.sumOfProducts([(x, .one), (y, .one)])),
                                           (x - y, RandomRationals.sumOfProducts([(x, .one), (-y, .one)])),
                                           (x - x, Rational.zero), (x + (-x), Rational.zero)] {
                    #expect(result == expected)
                    #expect(result.description == expected.description)
                }
            }
        }
    }
}
