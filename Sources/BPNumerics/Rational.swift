import CGMP

/// An exact rational number on GMP's arbitrary-precision integers.
///
/// Always in lowest terms with a positive denominator (GMP's canonical form), so equal values
/// print alike. Values are immutable: every operation makes a new one, and the storage is shared.
/// This is the only file that touches GMP, so the kernels that work on GMP's integers directly
/// live here too: the matrix product over a common denominator and sums over long denominators,
/// both reducing by trial division where the denominators allow (``SmallPrimeFactors``).
public struct Rational: Sendable, Comparable, CustomStringConvertible {
    private let storage: Storage

    private init(storage: Storage) { self.storage = storage }

    /// The integer `value`.
    public init(_ value: Int) {
        let s = Storage()
        __gmpq_set_si(s.pointer, value, 1)
        storage = s
    }

    /// An integer written in decimal digits with an optional leading `-`; `nil` otherwise.
    public init?(integerText text: String) {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        // GMP's parser would skip blanks ("1 2" -> 12): accept digits only. (Byte by byte: the
        // Characters that are ASCII numbers are exactly the bytes 0 to 9, and Characters cost more.)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        let s = Storage()
        let ok = text.withCString { __gmpz_set_str(s.numerator, $0, 10) } == 0
        guard ok else { return nil }
        storage = s
    }

    /// `numerator / denominator`, or `nil` when the denominator is zero.
    public init?(numerator: Rational, denominator: Rational) {
        guard !denominator.isZero else { return nil }
        self = numerator / denominator
    }

    /// 0.
    public static var zero: Rational { Rational(0) }
    /// 1.
    public static var one: Rational { Rational(1) }

    /// 10^exponent, exactly (a fraction for a negative exponent).
    public static func powerOfTen(_ exponent: Int) -> Rational {
        let s = Storage()
        __gmpz_set_ui(s.numerator, 1)
        __gmpz_ui_pow_ui(exponent >= 0 ? s.numerator : s.denominator, 10, UInt(exponent.magnitude))
        return Rational(storage: s)
    }

    // MARK: Arithmetic

    private static func combine(_ a: Rational, _ b: Rational,
                                _ op: (UnsafeMutablePointer<__mpq_struct>, UnsafePointer<__mpq_struct>, UnsafePointer<__mpq_struct>) -> Void) -> Rational {
        let s = Storage()
        op(s.pointer, a.storage.pointer, b.storage.pointer)
        return Rational(storage: s)
    }

    /// The exact sum, in lowest terms.
    public static func + (a: Rational, b: Rational) -> Rational {
        overLCM(a, b, subtracting: false) ?? combine(a, b) { __gmpq_add($0, $1, $2) }
    }

    /// The exact difference, in lowest terms.
    public static func - (a: Rational, b: Rational) -> Rational {
        overLCM(a, b, subtracting: true) ?? combine(a, b) { __gmpq_sub($0, $1, $2) }
    }
    /// The exact product, in lowest terms.
    public static func * (a: Rational, b: Rational) -> Rational { combine(a, b) { __gmpq_mul($0, $1, $2) } }

    /// Division. The divisor must not be zero; the engine only divides by counts.
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(!b.isZero, "Rational division by zero")
        return combine(a, b) { __gmpq_div($0, $1, $2) }
    }

    /// The negation.
    public static prefix func - (a: Rational) -> Rational {
        let s = Storage()
        __gmpq_neg(s.pointer, a.storage.pointer)
        return Rational(storage: s)
    }

    /// Equal values (both are kept in lowest terms).
    public static func == (a: Rational, b: Rational) -> Bool { __gmpq_equal(a.storage.pointer, b.storage.pointer) != 0 }
    /// Ordered by value.
    public static func < (a: Rational, b: Rational) -> Bool { __gmpq_cmp(a.storage.pointer, b.storage.pointer) < 0 }

    // MARK: Parts

    /// -1, 0 or 1.
    public var signum: Int {
        let size = storage.pointer.pointee._mp_num._mp_size
        return size < 0 ? -1 : (size > 0 ? 1 : 0)
    }

    /// Whether the value is 0.
    public var isZero: Bool { signum == 0 }
    /// Whether the denominator is 1.
    public var isInteger: Bool { __gmpz_cmp_ui(storage.denominator, 1) == 0 }

    /// The numerator, as an integer-valued rational (it carries the sign).
    public var numerator: Rational {
        let s = Storage()
        __gmpz_set(s.numerator, storage.numerator)
        return Rational(storage: s)
    }

    /// The denominator, as a positive integer-valued rational.
    public var denominator: Rational {
        let s = Storage()
        __gmpz_set(s.numerator, storage.denominator)
        return Rational(storage: s)
    }

    /// The absolute value.
    public var magnitude: Rational { signum < 0 ? -self : self }

    /// The greatest integer not above the value.
    public var floor: Rational {
        let s = Storage()
        __gmpz_fdiv_q(s.numerator, storage.numerator, storage.denominator)
        return Rational(storage: s)
    }

    /// The greatest common divisor of two integers (`gcd(0, x) = |x|`). Non-integers use their numerators.
    public static func gcd(_ a: Rational, _ b: Rational) -> Rational {
        let s = Storage()
        __gmpz_gcd(s.numerator, a.storage.numerator, b.storage.numerator)
        return Rational(storage: s)
    }

    /// The least common multiple of two integers. Non-integers use their numerators.
    public static func lcm(_ a: Rational, _ b: Rational) -> Rational {
        let s = Storage()
        __gmpz_lcm(s.numerator, a.storage.numerator, b.storage.numerator)
        return Rational(storage: s)
    }

    /// The number of digits after the decimal point when the value is a terminating decimal
    /// (its denominator has no prime factors but 2 and 5); `nil` when it does not terminate.
    public var terminatingDecimalPlaces: Int? {
        let rest = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 1)
        let factor = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 1)
        __gmpz_init_set(rest, storage.denominator)
        __gmpz_init_set_ui(factor, 2)
        defer {
            __gmpz_clear(rest); rest.deallocate()
            __gmpz_clear(factor); factor.deallocate()
        }
        let twos = __gmpz_remove(rest, rest, factor)
        __gmpz_set_ui(factor, 5)
        let fives = __gmpz_remove(rest, rest, factor)
        guard __gmpz_cmp_ui(rest, 1) == 0 else { return nil }
        return Int(max(twos, fives))
    }

    /// Decimal digits of the larger of numerator and denominator (GMP may count one too many).
    public var digitCount: Int {
        max(Int(__gmpz_sizeinbase(storage.numerator, 10)), Int(__gmpz_sizeinbase(storage.denominator, 10)))
    }

    /// The nearest double when numerator and denominator are exact doubles (one IEEE division);
    /// otherwise GMP's conversion, which truncates. Spec numbers are rounded from their own text
    /// instead (``Double/init(specNumber:text:)``).
    public var doubleValue: Double {
        if __gmpz_sizeinbase(storage.numerator, 2) <= 53 && __gmpz_sizeinbase(storage.denominator, 2) <= 53 {
            // Both parts are exact doubles, so one IEEE division rounds correctly.
            return Double(__gmpz_get_si(storage.numerator)) / Double(__gmpz_get_si(storage.denominator))
        }
        return __gmpq_get_d(storage.pointer)
    }

    /// `p` for an integer, else `p/q`: the trace's number format.
    public var description: String {
        let length = Int(__gmpz_sizeinbase(storage.numerator, 10) + __gmpz_sizeinbase(storage.denominator, 10)) + 3
        // GMP writes straight into the string's storage: a [CChar] buffer would cost an array and,
        // in a fresh process, the metadata of its type.
        return String(unsafeUninitializedCapacity: length) { buffer in
            buffer.initialize(repeating: 0)
            _ = buffer.withMemoryRebound(to: CChar.self) { __gmpq_get_str($0.baseAddress, 10, storage.pointer) }
            return buffer.firstIndex(of: 0)!
        }
    }
}

extension Rational: Scalar {
    /// Rationals are exact.
    public static var isExact: Bool { true }
    /// The spec's number as read, exactly.
    public init(specNumber exact: Rational, text: String) { self = exact }
    /// Always: a rational cannot overflow.
    public var isFinite: Bool { true }
    /// The value itself.
    public var exactValue: Rational? { self }
    /// nil: e^x of a rational is not rational (x ≠ 0), so exact runs refuse sigmoid and the like.
    public static func exp(_ x: Rational) -> Rational? { nil }
    /// nil: not rational in general.
    public static func log(_ x: Rational) -> Rational? { nil }
    /// nil: not rational in general.
    public static func log1p(_ x: Rational) -> Rational? { nil }
    /// nil: not rational in general.
    public static func tanh(_ x: Rational) -> Rational? { nil }
}

// MARK: - The matrix product's kernel

extension Rational {
    /// op(a) · op(b) with each entry summed over a common denominator and reduced once: the
    /// kernel behind ``product(_:transposingA:_:transposingB:)``.
    ///
    /// Row i of op(a) is scaled to integers by the lcm d_i of its denominators, column j of
    /// op(b) by the lcm e_j of its own (FLINT's "cleared" product), so entry (i, j) is the
    /// integer dot product N (mpz_mul, mpz_addmul: no gcd) over d_i e_j, reduced against d_i
    /// and then against e_j. Summing p reduced products instead (mpq_mul, mpq_add) costs about
    /// 4p - 2 gcds an entry, most between numbers as long as the result: in an exact run that
    /// was most of the time. The entry is the same canonical rational either way.
    ///
    /// Reducing against d_i needs no gcd when d_i has no prime factor above 100 (found once a
    /// row, ``SmallPrimeFactors``): N is divided by those primes while they divide both, a
    /// few linear passes where a gcd of numbers this long is quadratic. A spec's decimals and
    /// its learning rate make every denominator of a run a product of powers of 2 and 5 (and
    /// of the loss's small divisors), so this is the usual case; any other denominator takes a
    /// gcd. With such denominators everywhere the kernel serves single products (p = 1) too;
    /// otherwise `nil`: GMP's crosswise reduction of a lone product (two gcds of numbers half
    /// the result's length) beats one gcd of the whole.
    static func commonDenominatorProduct(_ a: Matrix<Rational>, transposingA: Bool,
                                         _ b: Matrix<Rational>, transposingB: Bool) -> Matrix<Rational>? {
        // op(a) is n x p and op(b) is p x m.
        let (n, p) = transposingA ? (a.columns, a.rows) : (a.rows, a.columns)
        let (bRows, m) = transposingB ? (b.columns, b.rows) : (b.rows, b.columns)
        precondition(p == bRows, "matrix product shape mismatch")
        guard p > 0 else { return .zeros(rows: n, columns: m) }
        // op(a)[i, k] = a[i * aRow + k * aInner]; op(b)[k, j] = b[k * bInner + j * bColumn].
        let (aRow, aInner) = transposingA ? (1, a.columns) : (a.columns, 1)
        let (bInner, bColumn) = transposingB ? (1, b.columns) : (b.columns, 1)

        // Scratch integers, in order: d_i, e_j, the scaled entries of op(a) (row by row) and of
        // op(b) (column by column), N and two more. A scaled entry is used only where its
        // denominator differs from its lcm; elsewhere the entry's own numerator is read.
        let scratch = IntegerScratch(count: n + m + n * p + p * m + 3)
        defer { scratch.release() }
        let (rowLCMs, columnLCMs, scaledA, scaledB) = (0, n, n + m, n + m + n * p)
        let last = n + m + n * p + p * m
        let (sum, divisor, spare) = (scratch[last], scratch[last + 1], scratch[last + 2])

        return withExtendedLifetime((a, b)) { () -> Matrix<Rational>? in
            a.entries.withUnsafeBufferPointer { a -> Matrix<Rational>? in
                b.entries.withUnsafeBufferPointer { b -> Matrix<Rational>? in
                    // The integer operands: aInts[i * p + k] for op(a)[i, k], bInts[k * m + j]
                    // for op(b)[k, j].
                    var aInts = [UnsafePointer<__mpz_struct>?](repeating: nil, count: n * p)
                    var bInts = [UnsafePointer<__mpz_struct>?](repeating: nil, count: p * m)
                    var rowFactors: [SmallPrimeFactors?] = [], columnFactors: [SmallPrimeFactors?] = []
                    for i in 0..<n {
                        clear((0..<p).map { a[i * aRow + $0 * aInner].storage }, lcm: scratch[rowLCMs + i],
                              scratch: scratch, at: scaledA + i * p, into: &aInts, at: i * p, stride: 1)
                        rowFactors.append(SmallPrimeFactors(of: scratch[rowLCMs + i], scratch: spare))
                    }
                    for j in 0..<m {
                        clear((0..<p).map { b[$0 * bInner + j * bColumn].storage }, lcm: scratch[columnLCMs + j],
                              scratch: scratch, at: scaledB + j * p, into: &bInts, at: j, stride: m)
                        columnFactors.append(SmallPrimeFactors(of: scratch[columnLCMs + j], scratch: spare))
                    }
                    if p == 1 && (rowFactors.contains { $0 == nil } || columnFactors.contains { $0 == nil }) {
                        return nil
                    }
                    let entries = [Rational](unsafeUninitializedCapacity: n * m) { out, count in
                        for i in 0..<n {
                            for j in 0..<m {
                                __gmpz_mul(sum, aInts[i * p]!, bInts[j]!)
                                for k in 1..<p { __gmpz_addmul(sum, aInts[i * p + k]!, bInts[k * m + j]!) }
                                let entry = reduced(sum, over: [(scratch[rowLCMs + i], rowFactors[i]),
                                                                (scratch[columnLCMs + j], columnFactors[j])],
                                                    divisor: divisor)
                                (out.baseAddress! + count).initialize(to: entry)
                                count += 1
                            }
                        }
                    }
                    return Matrix(rows: n, columns: m, entries: entries)
                }
            }
        }
    }

    /// Sets `lcm` to the lcm of the denominators of `line` (a row of op(a) or a column of
    /// op(b)) and points `ints[start + k * stride]` at entry k's numerator times lcm / its
    /// denominator: the entry's own numerator when that denominator is the lcm, else
    /// `scratch[first + k]`.
    private static func clear(_ line: [Storage], lcm: UnsafeMutablePointer<__mpz_struct>,
                              scratch: IntegerScratch, at first: Int,
                              into ints: inout [UnsafePointer<__mpz_struct>?], at start: Int, stride: Int) {
        __gmpz_set(lcm, line[0].denominator)
        // Equal denominators are the rule (a layer's weights share one after an update).
        for entry in line.dropFirst() where __gmpz_cmp(lcm, entry.denominator) != 0 {
            __gmpz_lcm(lcm, lcm, entry.denominator)
        }
        for (k, entry) in line.enumerated() {
            if __gmpz_cmp(lcm, entry.denominator) == 0 {
                ints[start + k * stride] = UnsafePointer(entry.numerator)
            } else {
                let scaled = scratch[first + k]
                __gmpz_divexact(scaled, lcm, entry.denominator)
                __gmpz_mul(scaled, scaled, entry.numerator)
                ints[start + k * stride] = UnsafePointer(scaled)
            }
        }
    }

    /// sum / (the product of the factors) in lowest terms, taking `sum` (left 0); `divisor` is
    /// scratch. Each factor is reduced against what is left of the sum in turn: after the
    /// first, the sum shares nothing with it, so the result is canonical.
    private static func reduced(_ sum: UnsafeMutablePointer<__mpz_struct>,
                                over factors: [(UnsafeMutablePointer<__mpz_struct>, SmallPrimeFactors?)],
                                divisor: UnsafeMutablePointer<__mpz_struct>) -> Rational {
        let s = Storage()
        guard sum.pointee._mp_size != 0 else { return Rational(storage: s) }
        // The denominator is built up in s.denominator (1 to begin with).
        for (factor, known) in factors where __gmpz_cmp_ui(factor, 1) != 0 {
            let left: UnsafePointer<__mpz_struct>
            if let known {
                left = known.divideOutCommon(sum, factor, into: divisor)
            } else {
                __gmpz_gcd(divisor, sum, factor)
                if __gmpz_cmp_ui(divisor, 1) != 0 {
                    __gmpz_divexact(sum, sum, divisor)
                    __gmpz_divexact(divisor, factor, divisor)
                    left = UnsafePointer(divisor)
                } else {
                    left = UnsafePointer(factor)
                }
            }
            __gmpz_mul(s.denominator, s.denominator, left)
        }
        __gmpz_swap(s.numerator, sum)
        return Rational(storage: s)
    }
}

// MARK: - Sums over long denominators

extension Rational {
    /// Denominators of at least this many limbs (64 bits each, about 19 digits a limb) make a
    /// sum worth the factoring of ``overLCM(_:_:subtracting:)``; GMP's gcds of shorter ones
    /// cost less than that.
    private static let factoringLimbs: Int32 = 8

    /// a ± b by ``combination(_:_:_:_:subtracting:scratch:)`` when both denominators are long
    /// and have no prime factor above 100; `nil` otherwise (GMP adds it then).
    ///
    /// `mpq_add` takes gcd(q, s) and a gcd of the sum against it, quadratic in the length of
    /// the denominators: in an exact run, the loss's sum of 7,000-digit squares, the bias added
    /// to a product, every gradient-descent update. Here both come from the factors, which a
    /// spec's decimals and learning rate keep to 2 and 5 (and the loss's small divisors).
    private static func overLCM(_ a: Rational, _ b: Rational, subtracting: Bool) -> Rational? {
        let (x, y) = (a.storage, b.storage)
        guard x.denominator.pointee._mp_size >= factoringLimbs, y.denominator.pointee._mp_size >= factoringLimbs,
              x.numerator.pointee._mp_size != 0, y.numerator.pointee._mp_size != 0 else { return nil }
        let scratch = IntegerScratch(count: 5)
        defer { scratch.release() }
        guard let fx = SmallPrimeFactors(of: x.denominator, scratch: scratch[4]),
              let fy = SmallPrimeFactors(of: y.denominator, scratch: scratch[4]) else { return nil }
        return combination(x, fx, y, fy, subtracting: subtracting, scratch: scratch)
    }

    /// x ± y for x = p/q and y = r/s whose denominators factor as `fx` and `fy`: with
    /// g = gcd(q, s) read off the factors, (p (s/g) ± r (q/g)) / (q (s/g)), reduced by the
    /// primes of that lcm alone. `scratch` holds five integers, overwritten.
    private static func combination(_ x: Storage, _ fx: SmallPrimeFactors, _ y: Storage, _ fy: SmallPrimeFactors,
                                    subtracting: Bool, scratch: IntegerScratch) -> Rational {
        let (common, shareOfX, shareOfY, sum, spare) = (scratch[0], scratch[1], scratch[2], scratch[3], scratch[4])
        fx.common(with: fy).value(into: common, scratch: spare)
        __gmpz_divexact(shareOfX, y.denominator, common)  // s / g
        __gmpz_divexact(shareOfY, x.denominator, common)  // q / g
        __gmpz_mul(sum, x.numerator, shareOfX)
        if subtracting {
            __gmpz_submul(sum, y.numerator, shareOfY)
        } else {
            __gmpz_addmul(sum, y.numerator, shareOfY)
        }
        let s = Storage()
        if sum.pointee._mp_size != 0 {
            __gmpz_mul(shareOfX, shareOfX, x.denominator)  // the lcm, q (s/g)
            let left = fx.union(with: fy).divideOutCommon(sum, shareOfX, into: spare)
            __gmpz_set(s.denominator, left)
            __gmpz_swap(s.numerator, sum)
        }
        return Rational(storage: s)
    }
}

/// A positive integer's factorisation when it has no prime factor above 100 (`nil` from
/// ``init(of:scratch:)`` otherwise): what a common factor with it can be made of, so that it
/// is found by trial division instead of a gcd.
private struct SmallPrimeFactors: Equatable {
    /// The exponent of 2.
    let twos: UInt
    /// The odd primes below 100 that divide the integer, with their exponents.
    let odd: [Power]

    struct Power: Equatable {
        let prime: UInt
        let exponent: UInt
    }

    static let oddPrimes: [UInt] = [3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]

    private init(twos: UInt, odd: [Power]) {
        self.twos = twos
        self.odd = odd
    }

    /// The factorisation of the gcd of the two integers.
    func common(with other: SmallPrimeFactors) -> SmallPrimeFactors {
        let odd = self.odd.compactMap { mine in
            other.odd.first { $0.prime == mine.prime }.map { Power(prime: mine.prime, exponent: Swift.min(mine.exponent, $0.exponent)) }
        }
        return SmallPrimeFactors(twos: Swift.min(twos, other.twos), odd: odd)
    }

    /// The factorisation of the lcm of the two integers.
    func union(with other: SmallPrimeFactors) -> SmallPrimeFactors {
        var odd = self.odd.map { mine in
            Power(prime: mine.prime, exponent: Swift.max(mine.exponent, other.odd.first { $0.prime == mine.prime }?.exponent ?? 0))
        }
        odd += other.odd.filter { theirs in !self.odd.contains { $0.prime == theirs.prime } }
        return SmallPrimeFactors(twos: Swift.max(twos, other.twos), odd: odd)
    }

    /// Sets `out` to the integer; `scratch` is overwritten.
    func value(into out: UnsafeMutablePointer<__mpz_struct>, scratch: UnsafeMutablePointer<__mpz_struct>) {
        __gmpz_set_ui(out, 1)
        __gmpz_mul_2exp(out, out, twos)
        for power in odd {
            __gmpz_ui_pow_ui(scratch, power.prime, power.exponent)
            __gmpz_mul(out, out, scratch)
        }
    }

    /// Factors `d` (positive) by trial division; `scratch` is overwritten.
    init?(of d: UnsafePointer<__mpz_struct>, scratch rest: UnsafeMutablePointer<__mpz_struct>) {
        let twos = __gmpz_scan1(d, 0)
        __gmpz_tdiv_q_2exp(rest, d, twos)
        // The odd primes that divide, from one remainder a group: a pass over the integer each.
        var dividing: [UInt] = []
        if __gmpz_cmp_ui(rest, 1) != 0 {
            for (modulus, primes) in Self.oddPrimeGroups {
                let remainder = __gmpz_fdiv_ui(rest, modulus)
                dividing += primes.filter { remainder % $0 == 0 }
            }
        }
        var odd: [Power] = []
        if dividing.count == 1 {
            // One odd prime (5 in an exact run with decimals): the odd part is a power of it,
            // whose exponent its length gives, or has a prime factor above 100.
            guard let exponent = Self.exponent(of: rest, asPowerOf: dividing[0]) else { return nil }
            odd = [Power(prime: dividing[0], exponent: exponent)]
        } else {
            for prime in dividing {
                // mpz_remove divides by squared powers of the prime: a long run of one prime
                // costs a few divisions, not thousands.
                var p = __mpz_struct()
                __gmpz_init_set_ui(&p, prime)
                odd.append(Power(prime: prime, exponent: __gmpz_remove(rest, rest, &p)))
                __gmpz_clear(&p)
            }
            guard __gmpz_cmp_ui(rest, 1) == 0 else { return nil }
        }
        self.twos = twos
        self.odd = odd
    }

    /// The odd primes below 100 in groups whose products fit in 64 bits, with those products.
    static let oddPrimeGroups: [(modulus: UInt, primes: [UInt])] = {
        var groups: [(modulus: UInt, primes: [UInt])] = []
        for prime in oddPrimes {
            if let last = groups.last, case (let product, false) = last.modulus.multipliedReportingOverflow(by: prime) {
                groups[groups.count - 1] = (product, last.primes + [prime])
            } else {
                groups.append((prime, [prime]))
            }
        }
        return groups
    }()

    /// e with n = prime^e, or `nil` when n is no power of `prime` (n > 1).
    private static func exponent(of n: UnsafePointer<__mpz_struct>, asPowerOf prime: UInt) -> UInt? {
        // prime^e has b bits when e log2(prime) lies in [b - 1, b): one candidate, or two when
        // rounding leaves it on the edge.
        let bits = Double(__gmpz_sizeinbase(n, 2))
        let estimate = (bits - 1) / _log2(Double(prime))
        var power = __mpz_struct()
        __gmpz_init(&power)
        defer { __gmpz_clear(&power) }
        for candidate in Set([(estimate - 1e-9).rounded(.up), (estimate + 1e-9).rounded(.up)]) where candidate >= 1 {
            __gmpz_ui_pow_ui(&power, prime, UInt(candidate))
            if __gmpz_cmp(&power, n) == 0 { return UInt(candidate) }
        }
        return nil
    }

    /// Divides `sum` by its greatest common divisor g with `factor` (the integer factored here)
    /// and returns factor / g: `factor` itself when g is 1, else `spare` set to it.
    func divideOutCommon(_ sum: UnsafeMutablePointer<__mpz_struct>, _ factor: UnsafePointer<__mpz_struct>,
                         into spare: UnsafeMutablePointer<__mpz_struct>) -> UnsafePointer<__mpz_struct> {
        var left = factor
        // factor / g is made in `spare` the first time g turns out not to be 1.
        func divideLeft(by power: (UnsafeMutablePointer<__mpz_struct>) -> Void) {
            if left != UnsafePointer(spare) { __gmpz_set(spare, left); left = UnsafePointer(spare) }
            power(spare)
        }
        let shift = Swift.min(twos, __gmpz_scan1(sum, 0))
        if shift > 0 {
            __gmpz_tdiv_q_2exp(sum, sum, shift)
            divideLeft { __gmpz_tdiv_q_2exp($0, $0, shift) }
        }
        for power in odd {
            var taken: UInt = 0
            while taken < power.exponent && __gmpz_divisible_ui_p(sum, power.prime) != 0 {
                __gmpz_divexact_ui(sum, sum, power.prime)
                taken += 1
            }
            for _ in 0..<taken { divideLeft { __gmpz_divexact_ui($0, $0, power.prime) } }
        }
        return left
    }
}

/// GMP integers for a kernel's intermediate values, initialised together and cleared by
/// ``release()``.
private struct IntegerScratch {
    let base: UnsafeMutablePointer<__mpz_struct>
    let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        for k in 0..<count { __gmpz_init(base + k) }
    }

    subscript(index: Int) -> UnsafeMutablePointer<__mpz_struct> { base + index }

    func release() {
        for k in 0..<count { __gmpz_clear(base + k) }
        base.deallocate()
    }
}

/// Owns one `mpq_t`; freed when the last value sharing it goes away.
private final class Storage: @unchecked Sendable {
    // Never mutated after the operation that fills it, so sharing across threads is safe.
    let pointer: UnsafeMutablePointer<__mpq_struct>

    init() {
        pointer = .allocate(capacity: 1)
        __gmpq_init(pointer)
    }

    deinit {
        __gmpq_clear(pointer)
        pointer.deallocate()
    }

    var numerator: UnsafeMutablePointer<__mpz_struct> {
        UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: __mpz_struct.self)
    }

    var denominator: UnsafeMutablePointer<__mpz_struct> {
        (UnsafeMutableRawPointer(pointer) + MemoryLayout<__mpq_struct>.offset(of: \__mpq_struct._mp_den)!)
            .assumingMemoryBound(to: __mpz_struct.self)
    }
}
