// The entry-wise operations write their result in place into a new array and read their
// operands through buffers: no closures per entry, no growth or bounds checks, no intermediate
// arrays. Each entry is computed by the same operations in the same order as the definitions
// say, so exact results are unchanged and float results are the same bit for bit.
extension Matrix where Element: Scalar {
    /// A `rows` x `columns` matrix of zeros.
    @inlinable public static func zeros(rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, entries: Array(repeating: .zero, count: rows * columns))
    }

    /// The matrix product `lhs * rhs`, through the scalar's product hook.
    @inlinable public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        Element.product(lhs, transposingA: false, rhs, transposingB: false)
    }

    /// Entry-wise sum; the shapes must match.
    @inlinable public static func + (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.combined(rhs, +) }
    /// Entry-wise difference; the shapes must match.
    @inlinable public static func - (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.combined(rhs, -) }

    /// Entry-wise (Hadamard) product, written ⊙.
    @inlinable public func hadamard(_ other: Matrix) -> Matrix { combined(other, *) }

    /// Every entry multiplied by `factor` (`factor · entry`, in that order).
    @inlinable public func scaled(by factor: Element) -> Matrix { map { factor * $0 } }

    /// `self - factor · other`, entry by entry, in one pass (a gradient-descent update):
    /// the same value as `self - other.scaled(by: factor)`, without the scaled copy.
    @inlinable public func subtracting(_ other: Matrix, scaledBy factor: Element) -> Matrix {
        combined(other) { $0 - factor * $1 }
    }

    /// ``subtracting(_:scaledBy:)``, and whether every entry of it is finite, found in the
    /// same pass (``Scalar/nonFiniteBits(_:)``).
    @inlinable public func subtractingCheckingFinite(_ other: Matrix, scaledBy factor: Element) -> (difference: Matrix, isFinite: Bool) {
        precondition(rows == other.rows && columns == other.columns, "matrix shape mismatch")
        let count = storage.count
        var bits: UInt64 = 0
        let out = storage.withUnsafeBufferPointer { lhs in
            other.storage.withUnsafeBufferPointer { rhs in
                [Element](unsafeUninitializedCapacity: count) { out, written in
                    let (target, l, r) = (out.baseAddress, lhs.baseAddress, rhs.baseAddress)
                    bits = EntrywiseHalves.run(count, of: Element.self) { range in
                        var bits: UInt64 = 0
                        for k in range {
                            let value = l.unsafelyUnwrapped[k] - factor * r.unsafelyUnwrapped[k]
                            bits |= Element.nonFiniteBits(value)
                            (target.unsafelyUnwrapped + k).initialize(to: value)
                        }
                        return bits
                    }
                    written = count
                }
            }
        }
        return (Matrix(rows: rows, columns: columns, entries: out), bits == 0)
    }

    /// Two matrices from one pass over `self` and `other` (same shape): `pairing` gives entry k
    /// of both from entry k of each. For a stage that records a working matrix and the result
    /// made from it (a delta and its derivative, say): the same entries as two passes, read once.
    /// `secondIsFinite`: whether every entry of the second is finite, found in the same pass.
    /// For a large `Double` matrix the pass runs on two threads at once, each on its own
    /// entries (``EntrywiseHalves``).
    @inlinable public func pairedMap<Pairing: EntryPairing>(_ other: Matrix, _ pairing: Pairing)
        -> (first: Matrix, second: Matrix, secondIsFinite: Bool) where Pairing.Element == Element {
        precondition(rows == other.rows && columns == other.columns, "matrix shape mismatch")
        let count = storage.count
        var second: [Element] = []
        var bits: UInt64 = 0
        let first = storage.withUnsafeBufferPointer { lhs in
            other.storage.withUnsafeBufferPointer { rhs in
                [Element](unsafeUninitializedCapacity: count) { first, written in
                    second = [Element](unsafeUninitializedCapacity: count) { second, alsoWritten in
                        let (f, s, l, r) = (first.baseAddress, second.baseAddress, lhs.baseAddress, rhs.baseAddress)
                        bits = EntrywiseHalves.run(count, of: Element.self) { range in
                            var bits: UInt64 = 0
                            for k in range {
                                let (x, y) = pairing(l.unsafelyUnwrapped[k], r.unsafelyUnwrapped[k])
                                (f.unsafelyUnwrapped + k).initialize(to: x)
                                bits |= Element.nonFiniteBits(y)
                                (s.unsafelyUnwrapped + k).initialize(to: y)
                            }
                            return bits
                        }
                        alsoWritten = count
                    }
                    written = count
                }
            }
        }
        return (Matrix(rows: rows, columns: columns, entries: first), Matrix(rows: rows, columns: columns, entries: second),
                bits == 0)
    }

    /// `pairedMap` with a closure in place of an ``EntryPairing``: for callers off the engine's
    /// hot paths (a closure is not inlined into a pass split over two threads, so each entry
    /// costs a call).
    @inlinable public func pairedMap(_ other: Matrix, _ body: (Element, Element) -> (Element, Element))
        -> (first: Matrix, second: Matrix, secondIsFinite: Bool) {
        withoutActuallyEscaping(body) { pairedMap(other, ClosurePairing(body: $0)) }
    }

    /// Adds an n x 1 column to every column (a bias over a batch).
    @inlinable public func addingToEachColumn(_ column: Matrix) -> Matrix {
        var sum = self
        sum.addToEachColumn(column)
        return sum
    }

    /// Adds an n x 1 column to every column in place: the entries of ``addingToEachColumn(_:)``
    /// without a new matrix. Returns whether every entry of the sum is finite, found in the
    /// same pass.
    @discardableResult
    @inlinable public mutating func addToEachColumn(_ column: Matrix) -> Bool {
        precondition(column.columns == 1 && column.rows == rows, "bias shape mismatch")
        let (n, m) = (rows, columns)
        var bits: UInt64 = 0
        column.storage.withUnsafeBufferPointer { b in
            storage.withUnsafeMutableBufferPointer { z in
                let (b, z) = (b.baseAddress, z.baseAddress)
                // In two blocks of rows for a large Double matrix (EntrywiseHalves: the same
                // bits). Wrapping index arithmetic (the shape bounds it): an overflow check per
                // entry would keep the loop from being vectorised.
                bits = EntrywiseHalves.run(n, of: Element.self, entries: n &* m) { rows in
                    var bits: UInt64 = 0
                    for i in rows {
                        let bias = b.unsafelyUnwrapped[i]
                        let row = z.unsafelyUnwrapped + i &* m
                        for j in 0..<m {
                            let sum = row[j] + bias
                            bits |= Element.nonFiniteBits(sum)
                            row[j] = sum
                        }
                    }
                    return bits
                }
            }
        }
        return bits == 0
    }

    /// The n x 1 column of row sums (a bias gradient summed over the batch), each summed left
    /// to right from its first entry.
    @inlinable public var rowSums: Matrix {
        let (n, m) = (rows, columns)
        let out = storage.withUnsafeBufferPointer { x in
            [Element](unsafeUninitializedCapacity: n) { out, count in
                guard m > 0 else {
                    for i in 0..<n { (out.baseAddress! + i).initialize(to: .zero) }
                    count = n
                    return
                }
                // Eight (then four) rows side by side, each along its own contiguous entries:
                // independent chains of additions, each still left to right, enough of them to
                // keep both adders busy through an addition's latency. Wrapping index
                // arithmetic: the shape bounds it, and a check per entry costs more than the
                // addition.
                let x = x.baseAddress!, sums = out.baseAddress!
                var i = 0
                while i &+ 8 <= n {
                    let r0 = x + i &* m, r1 = r0 + m, r2 = r1 + m, r3 = r2 + m
                    let r4 = r3 + m, r5 = r4 + m, r6 = r5 + m, r7 = r6 + m
                    var (s0, s1, s2, s3) = (r0[0], r1[0], r2[0], r3[0])
                    var (s4, s5, s6, s7) = (r4[0], r5[0], r6[0], r7[0])
                    var j = 1
                    while j < m {
                        s0 = s0 + r0[j]; s1 = s1 + r1[j]; s2 = s2 + r2[j]; s3 = s3 + r3[j]
                        s4 = s4 + r4[j]; s5 = s5 + r5[j]; s6 = s6 + r6[j]; s7 = s7 + r7[j]
                        j &+= 1
                    }
                    (sums + i).initialize(to: s0); (sums + i + 1).initialize(to: s1)
                    (sums + i + 2).initialize(to: s2); (sums + i + 3).initialize(to: s3)
                    (sums + i + 4).initialize(to: s4); (sums + i + 5).initialize(to: s5)
                    (sums + i + 6).initialize(to: s6); (sums + i + 7).initialize(to: s7)
                    i &+= 8
                }
                while i &+ 4 <= n {
                    let r0 = x + i &* m, r1 = r0 + m, r2 = r1 + m, r3 = r2 + m
                    var (s0, s1, s2, s3) = (r0[0], r1[0], r2[0], r3[0])
                    var j = 1
                    while j < m {
                        s0 = s0 + r0[j]; s1 = s1 + r1[j]; s2 = s2 + r2[j]; s3 = s3 + r3[j]
                        j &+= 1
                    }
                    (sums + i).initialize(to: s0); (sums + i + 1).initialize(to: s1)
                    (sums + i + 2).initialize(to: s2); (sums + i + 3).initialize(to: s3)
                    i &+= 4
                }
                while i < n {
                    let row = x + i &* m
                    var total = row[0]
                    var j = 1
                    while j < m { total = total + row[j]; j &+= 1 }
                    (sums + i).initialize(to: total)
                    i &+= 1
                }
                count = n
            }
        }
        return Matrix(rows: n, columns: 1, entries: out)
    }

    /// The sum of every entry.
    @inlinable public var sum: Element {
        guard let first = entries.first else { return .zero }
        return entries.dropFirst().reduce(first, +)
    }

    /// Entry-wise combination of two matrices of the same shape, for the operations above.
    @inlinable func combined(_ other: Matrix, _ combine: (Element, Element) -> Element) -> Matrix {
        precondition(rows == other.rows && columns == other.columns, "matrix shape mismatch")
        let count = storage.count
        let out = storage.withUnsafeBufferPointer { lhs in
            other.storage.withUnsafeBufferPointer { rhs in
                [Element](unsafeUninitializedCapacity: count) { out, written in
                    for k in 0..<count { (out.baseAddress! + k).initialize(to: combine(lhs[k], rhs[k])) }
                    written = count
                }
            }
        }
        return Matrix(rows: rows, columns: columns, entries: out)
    }
}
