/// Where everything of a ``LinePlot`` goes, and its SVG.
struct PlotLayout {
    let plot: LinePlot

    static let width = 640.0
    static let height = 300.0
    static let left = 70.0
    static let right = 20.0
    static let top = 14.0
    static let bottom = 48.0

    private var plotWidth: Double { Self.width - Self.left - Self.right }
    private var plotHeight: Double { Self.height - Self.top - Self.bottom }

    func svg() -> String {
        let n = { (value: Double) in SVGMarkup.number(value) }
        let points = plot.points.filter { $0.y.isFinite }
        let xLow = points.map(\.x).min() ?? 0, xHigh = points.map(\.x).max() ?? 1
        let xSpan = Double(max(1, xHigh - xLow))
        func px(_ x: Int) -> Double { Self.left + (xHigh == xLow ? plotWidth / 2 : Double(x - xLow) / xSpan * plotWidth) }
        let logarithmic = plot.isLogarithmic
        let yLow = points.map(\.y).min() ?? 0, yHigh = points.map(\.y).max() ?? 1
        // The y axis: decades on a log scale, nice steps on a linear one; both in pixels by `py`.
        var yTicks: [(value: Double, label: String)] = []
        let py: (Double) -> Double
        if logarithmic {
            let low = AxisTicks.log10(yLow).rounded(.down), high = AxisTicks.log10(yHigh).rounded(.up)
            let decades = Int(high - low)
            // Every decade up to 8 of them, else every second or more.
            let every = max(1, (decades + 7) / 8)
            for power in stride(from: Int(low), through: Int(high), by: every) {
                yTicks.append((AxisTicks.pow10(power), AxisTicks.powerLabel(power)))
            }
            py = { Self.top + self.plotHeight * (1 - (AxisTicks.log10($0) - low) / max(1, high - low)) }
        } else {
            // A loss is never negative: start at 0 when the values are near it.
            let base = yLow >= 0 && yLow < (yHigh - yLow) ? 0 : yLow
            let axis = AxisTicks.linear(base, yHigh)
            yTicks = axis.ticks.map { ($0, AxisTicks.label($0, exponent: axis.exponent)) }
            py = { Self.top + self.plotHeight * (1 - ($0 - axis.low) / max(1e-300, axis.high - axis.low)) }
        }
        var svg = SVGMarkup()
        svg.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "bp-plot"), ("viewBox", "0 0 \(n(Self.width)) \(n(Self.height))"),
                         ("width", n(Self.width)), ("height", n(Self.height)), ("role", "img"),
                         ("font-family", "DejaVu Sans, Verdana, sans-serif"), ("font-size", "11")])
        svg.element("title", [], text: plot.description)
        let bottomY = Self.top + plotHeight, rightX = Self.left + plotWidth
        // Grid and ticks.
        svg.open("g", [("class", "grid"), ("stroke", "#e5e7eb"), ("stroke-width", "1")])
        for tick in yTicks { svg.element("line", [("x1", n(Self.left)), ("y1", n(py(tick.value))), ("x2", n(rightX)), ("y2", n(py(tick.value)))]) }
        svg.close("g")
        svg.open("g", [("class", "axes"), ("fill", "#374151")])
        svg.element("path", [("d", "M\(n(Self.left)) \(n(Self.top))V\(n(bottomY))H\(n(rightX))"), ("fill", "none"), ("stroke", "#374151"), ("stroke-width", "1.2")])
        for tick in yTicks {
            let y = py(tick.value)
            svg.element("line", [("x1", n(Self.left - 5)), ("y1", n(y)), ("x2", n(Self.left)), ("y2", n(y)), ("stroke", "#374151")])
            svg.element("text", [("x", n(Self.left - 8)), ("y", n(y)), ("text-anchor", "end"), ("dominant-baseline", "central")], text: tick.label)
        }
        for tick in AxisTicks.integers(xLow, xHigh) {
            let x = px(tick)
            svg.element("line", [("x1", n(x)), ("y1", n(bottomY)), ("x2", n(x)), ("y2", n(bottomY + 5)), ("stroke", "#374151")])
            svg.element("text", [("x", n(x)), ("y", n(bottomY + 17)), ("text-anchor", "middle")], text: String(tick))
        }
        svg.element("text", [("x", n(Self.left + plotWidth / 2)), ("y", n(Self.height - 8)), ("text-anchor", "middle"), ("font-size", "12")], text: plot.xLabel)
        svg.element("text", [("x", "14"), ("y", n(Self.top + plotHeight / 2)), ("text-anchor", "middle"), ("font-size", "12"),
                             ("transform", "rotate(-90 14 \(n(Self.top + plotHeight / 2)))")], text: plot.yLabel + (logarithmic ? " (log scale)" : ""))
        svg.close("g")
        // The curve, then a dot per point for short runs (with the value on hover).
        let path = points.enumerated().map { ($0.offset == 0 ? "M" : "L") + n(px($0.element.x)) + " " + n(py($0.element.y)) }.joined()
        if !path.isEmpty {
            svg.element("path", [("class", "curve"), ("d", path), ("fill", "none"), ("stroke", "#2563eb"), ("stroke-width", "2"), ("stroke-linejoin", "round")])
        }
        if points.count <= LinePlot.maxMarkedPoints {
            svg.open("g", [("class", "points"), ("fill", "#1e40af")])
            for point in points {
                svg.raw("<circle cx=\"\(n(px(point.x)))\" cy=\"\(n(py(point.y)))\" r=\"3.5\"><title>" + SVGMarkup.escape(point.label) + "</title></circle>\n")
            }
            svg.close("g")
        }
        svg.close("svg")
        return svg.text
    }
}
