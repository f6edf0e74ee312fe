import CGMP

/// An exact rational number on GMP's arbitrary-precision integers.
///
/// Always in lowest terms with a positive denominator (GMP's canonical form), so equal values
/// print alike. Values are immutable: every operation makes a new one, and the storage is shared.
/// This is the only file that touches GMP.
public struct Rational: Sendable, Comparable, CustomStringConvertible {
    private let storage: Storage

    private init(storage: Storage) { self.storage = storage }

    public init(_ value: Int) {
        let s = Storage()
        __gmpq_set_si(s.pointer, value, 1)
        storage = s
    }

    /// An integer written in decimal digits with an optional leading `-`; `nil` otherwise.
    public init?(integerText text: String) {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        // GMP's parser would skip blanks ("1 2" -> 12): accept digits only.
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
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

    public static var zero: Rational { Rational(0) }
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

    public static func + (a: Rational, b: Rational) -> Rational { combine(a, b) { __gmpq_add($0, $1, $2) } }
    public static func - (a: Rational, b: Rational) -> Rational { combine(a, b) { __gmpq_sub($0, $1, $2) } }
    public static func * (a: Rational, b: Rational) -> Rational { combine(a, b) { __gmpq_mul($0, $1, $2) } }

    /// Division. The divisor must not be zero; the engine only divides by counts.
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(!b.isZero, "Rational division by zero")
        return combine(a, b) { __gmpq_div($0, $1, $2) }
    }

    public static prefix func - (a: Rational) -> Rational {
        let s = Storage()
        __gmpq_neg(s.pointer, a.storage.pointer)
        return Rational(storage: s)
    }

    public static func == (a: Rational, b: Rational) -> Bool { __gmpq_equal(a.storage.pointer, b.storage.pointer) != 0 }
    public static func < (a: Rational, b: Rational) -> Bool { __gmpq_cmp(a.storage.pointer, b.storage.pointer) < 0 }

    // MARK: Parts

    /// -1, 0 or 1.
    public var signum: Int {
        let size = storage.pointer.pointee._mp_num._mp_size
        return size < 0 ? -1 : (size > 0 ? 1 : 0)
    }

    public var isZero: Bool { signum == 0 }
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
        var buffer = [CChar](repeating: 0, count: length)
        _ = buffer.withUnsafeMutableBufferPointer { __gmpq_get_str($0.baseAddress, 10, storage.pointer) }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}

extension Rational: Scalar {
    public static var isExact: Bool { true }
    public init(specNumber exact: Rational, text: String) { self = exact }
    public var isFinite: Bool { true }
    public var exactValue: Rational? { self }
    public static func exp(_ x: Rational) -> Rational? { nil }
    public static func log(_ x: Rational) -> Rational? { nil }
    public static func log1p(_ x: Rational) -> Rational? { nil }
    public static func tanh(_ x: Rational) -> Rational? { nil }
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
