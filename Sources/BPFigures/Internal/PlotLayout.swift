import BPDocument

/// Where everything of a ``LinePlot`` goes, and its drawing.
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

    func drawing() -> Drawing {
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
        let bottomY = Self.top + plotHeight, rightX = Self.left + plotWidth
        let ink = Drawing.Color(0x374151)
        var items: [Drawing.Item] = []
        // Grid and ticks.
        items.append(.group(Drawing.Group(className: "grid", style: Drawing.Style(stroke: Drawing.Color(0xe5e7eb), strokeWidth: 1), items: yTicks.map {
            .line(Drawing.Line(x1: Self.left, y1: py($0.value), x2: rightX, y2: py($0.value)))
        })))
        var axes: [Drawing.Item] = [.path(Drawing.Path(commands: [.move(x: Self.left, y: Self.top), .vertical(y: bottomY), .horizontal(x: rightX)],
                                                       fill: Drawing.Paint.none, stroke: ink, strokeWidth: 1.2))]
        for tick in yTicks {
            let y = py(tick.value)
            axes.append(.line(Drawing.Line(x1: Self.left - 5, y1: y, x2: Self.left, y2: y, stroke: ink)))
            axes.append(.text(Drawing.Text(x: Self.left - 8, y: y, text: tick.label, anchor: .end, baseline: .central)))
        }
        for tick in AxisTicks.integers(xLow, xHigh) {
            let x = px(tick)
            axes.append(.line(Drawing.Line(x1: x, y1: bottomY, x2: x, y2: bottomY + 5, stroke: ink)))
            axes.append(.text(Drawing.Text(x: x, y: bottomY + 17, text: String(tick), anchor: .middle)))
        }
        axes.append(.text(Drawing.Text(x: Self.left + plotWidth / 2, y: Self.height - 8, text: plot.xLabel, anchor: .middle, fontSize: 12)))
        axes.append(.text(Drawing.Text(x: 14, y: Self.top + plotHeight / 2, text: plot.yLabel + (logarithmic ? " (log scale)" : ""),
                                       anchor: .middle, fontSize: 12, rotation: -90)))
        items.append(.group(Drawing.Group(className: "axes", style: Drawing.Style(fill: .color(ink)), items: axes)))
        // The curve, then a dot per point for short runs (with the value on hover).
        let path = points.enumerated().map { $0.offset == 0 ? Drawing.PathCommand.move(x: px($0.element.x), y: py($0.element.y))
                                                            : .line(x: px($0.element.x), y: py($0.element.y)) }
        if !path.isEmpty {
            items.append(.path(Drawing.Path(className: "curve", commands: path, fill: Drawing.Paint.none, stroke: Drawing.Color(0x2563eb),
                                            strokeWidth: 2, roundJoins: true)))
        }
        if points.count <= LinePlot.maxMarkedPoints {
            items.append(.group(Drawing.Group(className: "points", style: Drawing.Style(fill: .color(Drawing.Color(0x1e40af))), items: points.map {
                .circle(Drawing.Circle(cx: px($0.x), cy: py($0.y), r: 3.5, tooltip: $0.label))
            })))
        }
        return Drawing(width: Self.width, height: Self.height, description: plot.description, className: "bp-plot",
                       fontFamily: "DejaVu Sans, Verdana, sans-serif", fontSize: 11, items: items)
    }
}
