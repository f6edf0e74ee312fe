import BPNumerics
import BPTestSupport
import Testing

/// `+` and `-` on long denominators (reduced by trial division when those have no prime above
/// 100), and the update built on them, against the definition worked out by integers alone and
/// reduced once by GMP (``RandomRationals/sumOfProducts(_:)``): an independent way to the same
/// canonical rationals.
@Suite("Rational sums over long denominators")
struct RationalSumTests {
    /// 10^200: a factor that makes any denominator long enough to be factored.
    let long = RandomRationals.power(10, 200)

    func expect(_ result: Rational, _ expected: Rational, sourceLocation: SourceLocation = #_sourceLocation) {
        // GMP's equality compares numerators and denominators: a result not in lowest terms
        // would differ, and so would its text.
        #expect(result == expected, sourceLocation: sourceLocation)
        #expect(result.description == expected.description, sourceLocation: sourceLocation)
    }

    /// `a - factor · b` (the update) entry by entry, against the integers' sum.
    func expectUpdate(_ a: Matrix<Rational>, _ b: Matrix<Rational>, _ factor: Rational,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let updated = a.subtracting(b, scaledBy: factor)
        #expect(updated.rows == a.rows && updated.columns == a.columns, sourceLocation: sourceLocation)
        for k in a.entries.indices {
            expect(updated.entries[k], RandomRationals.sumOfProducts([(a.entries[k], .one), (-factor, b.entries[k])]),
                   sourceLocation: sourceLocation)
        }
    }

    @Test("+ and - on random values over long denominators, smooth or not")
    func sums() {
        var random = SplitMix64(seed: 77)
        for kind in RandomRationals.Denominators.allCases {
            for _ in 0..<40 {
                let scale = RandomRationals.power(10, random.int(0, 1) == 0 ? 200 : 20)
                let x = RandomRationals.value(kind, &random) / scale
                let y = RandomRationals.value(.mixed, &random) / (random.int(0, 1) == 0 ? scale : scale * Rational(3))
                expect(x + y, RandomRationals.sumOfProducts([(x, .one), (y, .one)]))
                expect(x - y, RandomRationals.sumOfProducts([(x, .one), (-y, .one)]))
                expect(x - x, .zero)
                expect(x + (-x), .zero)
            }
        }
    }

    @Test("sums that share primes with the common denominator: 2, 3, 5, 7, 97 and long runs of them")
    func reduction() throws {
        var random = SplitMix64(seed: 99)
        let primes = [2, 3, 5, 7, 97]
        var a: [Rational] = [], b: [Rational] = []
        for _ in 0..<40 {
            // x = u/d and y = v/d over one long smooth d, with u - v a multiple of p^j for a p of
            // d: the difference must be divided by p^j (or by all of d).
            let p = primes[random.below(primes.count)]
            let j = random.int(1, 30)
            let d = RandomRationals.power(p, j + random.int(0, 3)) * RandomRationals.denominator(.smooth, &random) * long
            let u = RandomRationals.integer(&random, digits: 50)
            let r = RandomRationals.integer(&random, digits: 5)
            let v = u - RandomRationals.power(p, j) * r
            a.append(u / d)
            b.append(v / d)
            expect(a[a.count - 1] - b[b.count - 1], RandomRationals.sumOfProducts([(a[a.count - 1], .one), (-b[b.count - 1], .one)]))
            expect(a[a.count - 1] + (-b[b.count - 1]), a[a.count - 1] - b[b.count - 1])
        }
        let x = Matrix(rows: 8, columns: 5, entries: a), y = Matrix(rows: 8, columns: 5, entries: b)
        expectUpdate(x, y, .one)
        // The same differences through a learning rate: lr (y / lr) is y again.
        let rate = try #require(Rational(numerator: Rational(3), denominator: Rational(1_000)))
        expectUpdate(x, y.map { $0 / rate }, rate)
    }

    @Test("an exact run's update: weights over 2^a 5^b, a learning rate of 1/100, differences that cancel")
    func update() throws {
        let rate = try #require(Rational(numerator: .one, denominator: Rational(100)))
        let tenTo = { (k: Int) in RandomRationals.power(10, k) }
        // Entries over a shared power of ten, gradients over larger ones; the last pair cancels
        // to 0 and the one before to an integer.
        let weights = Matrix(rows: 2, columns: 3, entries: [
            Rational(7) / tenTo(300), Rational(-13) / tenTo(300), Rational(2) / tenTo(300),
            Rational(99) / tenTo(300), Rational(3), Rational(1) / tenTo(2),
        ])
        let gradients = Matrix(rows: 2, columns: 3, entries: [
            Rational(11) / tenTo(900), Rational(-4) / tenTo(600), RandomRationals.power(5, 800) / tenTo(1_200),
            Rational(-17) / tenTo(301), Rational(100), Rational(1),
        ])
        expectUpdate(weights, gradients, rate)
        let updated = weights.subtracting(gradients, scaledBy: rate)
        #expect(updated[1, 1] == Rational(2))
        #expect(updated[1, 2] == .zero)
    }

    @Test("random updates, every kind of denominator, shapes down to none")
    func random() {
        var random = SplitMix64(seed: 4_242)
        for kind in RandomRationals.Denominators.allCases {
            for (rows, columns) in [(1, 1), (3, 2), (1, 5), (4, 1), (0, 3), (2, 0), (0, 0)] {
                for _ in 0..<4 {
                    let a = RandomRationals.matrix(rows: rows, columns: columns, kind, &random).map { $0 / long }
                    let other: RandomRationals.Denominators = [kind, .mixed][random.below(2)]
                    let b = RandomRationals.matrix(rows: rows, columns: columns, other, &random).map { $0 / long }
                    let factor = RandomRationals.value(.mixed, &random)
                    expectUpdate(a, b, factor)
                }
            }
        }
    }
}
