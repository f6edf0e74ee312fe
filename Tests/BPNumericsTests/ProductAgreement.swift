import BPNumerics

/// The largest error of `product` against the left-to-right loop, relative to the product of
/// the operands' absolute values (the scale a dot product's rounding is measured against).
func worstRelativeError(of product: Matrix<Double>, _ a: Matrix<Double>, transposingA ta: Bool,
                        _ b: Matrix<Double>, transposingB tb: Bool) -> Double {
    let loop = Double.leftToRightProduct(a, transposingA: ta, b, transposingB: tb)
    let scale = Double.leftToRightProduct(a.map { abs($0) }, transposingA: ta, b.map { abs($0) }, transposingB: tb)
    var worst = 0.0
    for k in loop.entries.indices {
        worst = max(worst, abs(product.entries[k] - loop.entries[k]) / max(scale.entries[k], .leastNormalMagnitude))
    }
    return worst
}
