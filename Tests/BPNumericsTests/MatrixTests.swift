import BPNumerics
import Testing

private func r(_ p: Int, _ q: Int = 1) -> Rational { Rational(p) / Rational(q) }

private func rational(_ rows: [[Int]]) -> Matrix<Rational> {
    Matrix(rowList: rows.map { $0.map { Rational($0) } })!
}

@Suite("Matrix")
struct MatrixTests {
    @Test("shape, rows and columns")
    func shape() {
        let m = rational([[1, 2, 3], [4, 5, 6]])
        #expect(m.rows == 2 && m.columns == 3)
        #expect(m[1, 2] == Rational(6))
        #expect(m[0, 1] == Rational(2))
        #expect(m.entries == [1, 2, 3, 4, 5, 6].map { Rational($0) })
        #expect(m.rowList == [[1, 2, 3], [4, 5, 6]].map { $0.map { Rational($0) } })
        #expect(m.column(1) == rational([[2], [5]]))
        let v = Matrix(column: [Rational(7), Rational(8)])
        #expect(v.rows == 2 && v.columns == 1)
        #expect(Matrix<Rational>(rowList: [[Rational(1)], [Rational(1), Rational(2)]]) == nil)
        let z = Matrix<Double>.zeros(rows: 2, columns: 3)
        #expect(z.entries == [0, 0, 0, 0, 0, 0])
        var w = m
        w[0, 0] = Rational(-9)
        #expect(w[0, 0] == Rational(-9) && m[0, 0] == Rational(1))
    }

    @Test("product of a 2x3 and a 3x2 (hand computed)")
    func product() {
        // [[1, 2, 3], [4, 5, 6]] * [[7, 8], [9, 10], [11, 12]]
        // = [[7+18+33, 8+20+36], [28+45+66, 32+50+72]] = [[58, 64], [139, 154]]
        let a = rational([[1, 2, 3], [4, 5, 6]])
        let b = rational([[7, 8], [9, 10], [11, 12]])
        #expect(a * b == rational([[58, 64], [139, 154]]))
        // b * a is 3x3: row 0 = 7*[1,2,3] + 8*[4,5,6] = [39, 54, 69]
        let ba = b * a
        #expect(ba.rows == 3 && ba.columns == 3)
        #expect(ba.rowList[0] == [39, 54, 69].map { Rational($0) })
        let lastRow: [Int] = [11 + 48, 22 + 60, 33 + 72]
        #expect(ba.rowList[2] == lastRow.map { Rational($0) })
        // The contract example's first layer: W [1, 1]^T + b.
        let w = rational([[1, -2], [2, 4], [-3, 1]])
        let x = rational([[1], [1]])
        #expect((w * x).addingToEachColumn(rational([[1], [2], [3]])) == rational([[0], [8], [1]]))
        // Fractions.
        let f = Matrix(rowList: [[r(1, 2), r(1, 3)]])! * Matrix(rowList: [[r(2)], [r(3)]])!
        #expect(f == Matrix(rowList: [[r(2)]])!)
        // Doubles.
        let d = Matrix(rowList: [[0.5, -1.0], [2.0, 0.25]])! * Matrix(rowList: [[2.0], [4.0]])!
        #expect(d == Matrix(rowList: [[-3.0], [5.0]])!)
    }

    @Test("transpose")
    func transpose() {
        let m = rational([[1, 2, 3], [4, 5, 6]])
        #expect(m.transposed == rational([[1, 4], [2, 5], [3, 6]]))
        #expect(m.transposed.transposed == m)
        #expect(rational([[1], [2]]).transposed == rational([[1, 2]]))
    }

    @Test("row sums, sum, hadamard, scaling, plus and minus")
    func entrywise() {
        let m = rational([[1, -2, 3], [4, 5, -6]])
        #expect(m.rowSums == rational([[2], [3]]))
        #expect(m.sum == Rational(5))
        #expect(rational([[7]]).rowSums == rational([[7]]))
        let n = rational([[2, 0, -1], [1, 3, 2]])
        #expect(m.hadamard(n) == rational([[2, 0, -3], [4, 15, -12]]))
        #expect(m + n == rational([[3, -2, 2], [5, 8, -4]]))
        #expect(m - n == rational([[-1, -2, 4], [3, 2, -8]]))
        #expect(m.scaled(by: r(1, 2)) == Matrix(rowList: [[r(1, 2), r(-1), r(3, 2)], [r(2), r(5, 2), r(-3)]])!)
        let d = Matrix(rowList: [[0.5, 1.5], [-2.0, 4.0]])!
        #expect(d.rowSums == Matrix(column: [2.0, 2.0]))
        #expect(d.hadamard(d) == Matrix(rowList: [[0.25, 2.25], [4.0, 16.0]])!)
    }

    @Test("row sums: four rows at a time and the rest, each summed left to right")
    func rowSumsInOrder() {
        // 1 + 1e16 rounds to 1e16, so left to right the row sums to 0 (another order could give 1).
        let order = [1.0, 1e16, -1e16]
        for rows in [1, 3, 4, 5, 8, 9] {
            let m = Matrix(rows: rows, columns: 3) { i, j in i == rows - 1 ? order[j] : Double(i * 3 + j) }
            let expected = (0..<rows).map { i in i == rows - 1 ? 0.0 : Double(9 * i + 3) }
            #expect(m.rowSums == Matrix(column: expected), "\(rows) rows")
        }
        let exact = rational([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12]])
        #expect(exact.rowSums == rational([[3], [7], [11], [15], [19], [23]]))
        // No columns: every sum is 0.
        #expect(Matrix<Double>(rows: 5, columns: 0, entries: []).rowSums == Matrix(column: [0, 0, 0, 0, 0]))
    }

    @Test("adding a column to every column of a batch")
    func addingToEachColumn() {
        let batch = rational([[1, 2, 3], [4, 5, 6]])
        let bias = rational([[10], [-1]])
        #expect(batch.addingToEachColumn(bias) == rational([[11, 12, 13], [3, 4, 5]]))
    }

    @Test("map and zip")
    func mapAndZip() {
        let m = rational([[1, 2], [3, 4]])
        #expect(m.map { $0 * $0 } == rational([[1, 4], [9, 16]]))
        let texts = m.map(\.description)
        #expect(texts.entries == ["1", "2", "3", "4"])
        #expect(m.zip(rational([[1, 1], [0, 2]])) { $0 - $1 } == rational([[0, 1], [3, 2]]))
    }

    struct Stop: Error, Equatable { let at: Int }

    @Test("map and zip stop at the first entry that throws, with its error")
    func throwingMapAndZip() throws {
        let m = Matrix(rows: 2, columns: 3) { i, j in "\(i * 3 + j)" }
        #expect(throws: Stop(at: 4)) {
            _ = try m.map { (x: String) throws(Stop) -> String in
                if x == "4" { throw Stop(at: 4) }
                return x + x
            }
        }
        #expect(throws: Stop(at: 0)) {
            _ = try m.zip(m) { (x: String, _: String) throws(Stop) -> Int in throw Stop(at: Int(x)!) }
        }
        #expect(try m.map { (x: String) throws(Stop) -> Int in Int(x)! }.entries == [0, 1, 2, 3, 4, 5])
    }
}
