/// An axis-aligned rectangle in the drawing's user units.
struct Box: Equatable {
    var minX: Double, minY: Double, maxX: Double, maxY: Double

    init(centerX: Double, centerY: Double, width: Double, height: Double) {
        minX = centerX - width / 2
        maxX = centerX + width / 2
        minY = centerY - height / 2
        maxY = centerY + height / 2
    }

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    func intersects(_ other: Box) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// Whether the segment from (x0, y0) to (x1, y1) passes through the box (Liang–Barsky).
    func crosses(x0: Double, y0: Double, x1: Double, y1: Double) -> Bool {
        var low = 0.0, high = 1.0
        let dx = x1 - x0, dy = y1 - y0
        for (p, q) in [(-dx, x0 - minX), (dx, maxX - x0), (-dy, y0 - minY), (dy, maxY - y0)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let r = q / p
                if p < 0 { low = max(low, r) } else { high = min(high, r) }
                if low > high { return false }
            }
        }
        return true
    }
}
