import BPNumerics
import BPTestSupport
import Testing

/// `Scalar.product` against the definition, summed left to right from the first product.
@Suite("Matrix product hook")
struct MatrixProductTests {
    /// op(a)·op(b) by the definition, one entry at a time.
    func naive<V: Scalar>(_ a: Matrix<V>, _ ta: Bool, _ b: Matrix<V>, _ tb: Bool) -> Matrix<V> {
        let opA = ta ? Matrix(rows: a.columns, columns: a.rows) { i, j in a[j, i] } : a
        let opB = tb ? Matrix(rows: b.columns, columns: b.rows) { i, j in b[j, i] } : b
        return Matrix(rows: opA.rows, columns: opB.columns) { i, j in
            var sum = opA[i, 0] * opB[0, j]
            for k in 1..<opA.columns { sum = sum + opA[i, k] * opB[k, j] }
            return sum
        }
    }

    static let combinations = [(false, false), (true, false), (false, true), (true, true)]

    @Test("Rational: all four transpose combinations", arguments: combinations)
    func rational(ta: Bool, tb: Bool) {
        var random = SplitMix64(seed: 7)
        for _ in 0..<25 {
            let (n, p, m) = (random.int(1, 5), random.int(1, 5), random.int(1, 5))
            let a = Matrix(rows: ta ? p : n, columns: ta ? n : p) { _, _ in Rational(random.int(-9, 9)) }
            let b = Matrix(rows: tb ? m : p, columns: tb ? p : m) { _, _ in Rational(random.int(-9, 9)) }
            let product = Rational.product(a, transposingA: ta, b, transposingB: tb)
            #expect(product.rows == n && product.columns == m)
            #expect(product == naive(a, ta, b, tb))
        }
    }

    @Test("Double: all four transpose combinations, bit for bit", arguments: combinations)
    func double(ta: Bool, tb: Bool) {
        var random = SplitMix64(seed: 11)
        for _ in 0..<25 {
            let (n, p, m) = (random.int(1, 6), random.int(1, 6), random.int(1, 6))
            // Integers over 7: the products round, so the order of summation shows.
            let a = Matrix(rows: ta ? p : n, columns: ta ? n : p) { _, _ in Double(random.int(-9, 9)) / 7 }
            let b = Matrix(rows: tb ? m : p, columns: tb ? p : m) { _, _ in Double(random.int(-9, 9)) / 7 }
            let product = Double.product(a, transposingA: ta, b, transposingB: tb)
            #expect(product.entries.map(\.bitPattern) == naive(a, ta, b, tb).entries.map(\.bitPattern))
        }
    }

    @Test("an empty inner dimension gives zeros; * is the untransposed hook")
    func edges() {
        let a = Matrix<Rational>(rows: 2, columns: 0, entries: [])
        let b = Matrix<Rational>(rows: 0, columns: 3, entries: [])
        #expect(Rational.product(a, transposingA: false, b, transposingB: false) == .zeros(rows: 2, columns: 3))
        let c = Matrix(rows: 2, columns: 2, entries: [1.0, 2, 3, 4])
        #expect(c * c == Double.product(c, transposingA: false, c, transposingB: false))
        #expect((c * c).entries == [7, 10, 15, 22])
    }
}
