import BPNumerics
import BPTestSupport

/// Random rationals for the kernels' tests: zero now and then, either sign, numerators of up to
/// 60 digits, and each kind of denominator the kernels treat differently.
enum RandomRationals {
    /// The kinds of denominator the kernels treat differently.
    enum Denominators: CaseIterable {
        /// Integers only.
        case one
        /// Products of primes below 100, some of high powers (found by trial division).
        case smooth
        /// With a prime factor above 100 (reduced by a gcd).
        case rough
        /// Any of the above, entry by entry (a row's lcm mixes them).
        case mixed
    }

    /// An integer of 1 to `digits` random decimal digits.
    static func integer(_ random: inout SplitMix64, digits: Int) -> Rational {
        let count = random.int(1, digits)
        let text = String((0..<count).map { _ in Character(String(random.int(0, 9))) })
        return Rational(integerText: text)!
    }

    static func power(_ base: Int, _ exponent: Int) -> Rational {
        var out = Rational.one
        for _ in 0..<exponent { out = out * Rational(base) }
        return out
    }

    static func denominator(_ kind: Denominators, _ random: inout SplitMix64) -> Rational {
        switch kind {
        case .one:
            return .one
        case .smooth:
            let primes = [2, 3, 5, 7, 11, 13, 97]
            var d = Rational.one
            for _ in 0..<random.int(0, 3) {
                // Now and then a long run of one prime, as 2^a 5^b in an exact run.
                let prime = primes[random.below(primes.count)]
                let longest = random.int(0, 3) == 0 ? 200 : 4
                d = d * power(prime, random.int(1, longest))
            }
            return d
        case .rough:
            // Primes above 100 times a smooth part, or a random integer (almost surely rough).
            let roughPrimes = [101, 103, 10_007, 1_000_003]
            if random.int(0, 1) == 0 {
                return Rational(roughPrimes[random.below(roughPrimes.count)]) * denominator(.smooth, &random)
            }
            return integer(&random, digits: 40) + Rational(101)
        case .mixed:
            let kind = [Denominators.one, .smooth, .rough][random.below(3)]
            return denominator(kind, &random)
        }
    }

    /// A random rational: zero now and then, either sign, numerators up to 60 digits.
    static func value(_ kind: Denominators, _ random: inout SplitMix64) -> Rational {
        if random.int(0, 7) == 0 { return .zero }
        let digits = random.int(0, 2) == 0 ? 60 : 3
        let numerator = integer(&random, digits: digits)
        let signed = random.int(0, 1) == 0 ? numerator : -numerator
        return Rational(numerator: signed, denominator: denominator(kind, &random))!
    }

    static func matrix(rows: Int, columns: Int, _ kind: Denominators, _ random: inout SplitMix64) -> Matrix<Rational> {
        Matrix(rows: rows, columns: columns) { _, _ in value(kind, &random) }
    }

    /// Σ x_k y_k by integers alone: the numerators and denominators multiplied out, the terms
    /// summed over the product of all the denominators, and the total reduced once by GMP's
    /// division (`mpq_div`). Integer sums and products and that division share no code with
    /// the kernels under test (which step aside for integers), so this is an independent oracle.
    static func sumOfProducts(_ pairs: [(Rational, Rational)]) -> Rational {
        let numerators = pairs.map { $0.0.numerator * $0.1.numerator }
        let denominators = pairs.map { $0.0.denominator * $0.1.denominator }
        var total = Rational.zero, common = Rational.one
        for d in denominators { common = common * d }
        for k in pairs.indices {
            var term = numerators[k]
            for l in pairs.indices where l != k { term = term * denominators[l] }
            total = total + term
        }
        return total / common
    }
}
