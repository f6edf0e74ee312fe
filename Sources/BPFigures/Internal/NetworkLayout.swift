import BPDocument

/// Where everything of a ``NetworkDiagram`` goes, and its drawing. Weight labels sit on their own
/// edge, placed one by one where they overlap nothing placed before (circles, biases, other
/// labels) and cross as few other edges as can be; when a gap between two columns is too
/// crowded for that, the columns move apart and the gap is placed again.
struct NetworkLayout {
    let diagram: NetworkDiagram
    /// Each column's drawn slots, and the most any column has: worked out once, used by every
    /// placement attempt and the drawing.
    private let slots: [[Slot]]
    private let maxSlots: Int
    /// Half of each unit's width (its circle's radius, or half its pill), by column and unit
    /// index: measured once, for every placement attempt, edge and drawing.
    private let halfWidths: [[Int: Double]]

    init(diagram: NetworkDiagram) {
        self.diagram = diagram
        halfWidths = diagram.columns.map { column in
            Dictionary(column.units.map { ($0.index, Self.halfWidth($0.label)) }, uniquingKeysWith: { first, _ in first })
        }
        slots = diagram.columns.map { column in
            var slots: [Slot] = []
            for (position, unit) in column.units.enumerated() {
                if position > 0 && unit.index != column.units[position - 1].index + 1 { slots.append(.ellipsis) }
                slots.append(.unit(unit))
            }
            return slots
        }
        maxSlots = max(1, slots.map { $0.count }.max() ?? 1)
    }

    // Sizes in user units (px at 100%); the SVG scales down to the page's column.
    static let radius = 17.0
    static let pitch = 72.0
    static let top = 48.0
    static let margin = 36.0
    static let labelSize = 11.0
    static let labelHeight = 14.0
    static let unitSize = 13.0
    /// The smallest a unit's name is set inside its circle; a longer name widens the unit into
    /// a pill around it, set at ``pillSize``, rather than shrinking past reading.
    static let smallestInside = 10.0
    static let pillSize = 12.0
    static let biasSize = 10.0
    static let startGap = 230.0

    /// A drawn slot of a column: a unit, or the `⋮` between the ends of a large layer.
    private enum Slot { case unit(NetworkDiagram.Unit), ellipsis }

    private var hasSummary: Bool { diagram.columns.contains { $0.summary != nil } }
    private var height: Double { Self.top + Double(maxSlots) * Self.pitch + (hasSummary ? 22 : 4) }

    /// The centre of slot `slot` of a column with `count` slots.
    private func y(slot: Int, of count: Int) -> Double {
        Self.top + (Double(maxSlots - count) / 2 + Double(slot) + 0.5) * Self.pitch
    }

    /// The centre of each drawn unit, by column and unit index.
    private func centres(xs: [Double]) -> [[Int: (x: Double, y: Double)]] {
        slots.enumerated().map { column, slots in
            var centres: [Int: (x: Double, y: Double)] = [:]
            for (position, slot) in slots.enumerated() {
                if case let .unit(unit) = slot { centres[unit.index] = (xs[column], y(slot: position, of: slots.count)) }
            }
            return centres
        }
    }

    /// A label's place: its centre and box.
    struct Placement { var x: Double, y: Double, box: Box }

    func drawing() -> Drawing {
        let columns = diagram.columns
        // Wide units (long names) keep the usual room between them.
        var gaps = (0..<max(0, columns.count - 1)).map { gap in
            Self.startGap + halfWidth(column: gap) + halfWidth(column: gap + 1) - 2 * Self.radius
        }
        // The first column's width is set by its widest heading or unit.
        let firstX = Self.margin + max(halfWidth(column: 0), columns.map { headingWidth($0) / 2 }.max() ?? 0)
        var placements: [[Placement?]] = []
        var xs: [Double] = []
        // Each gap is placed alone (labels never leave their gap), widening it until every label fits.
        for attempt in 0..<10 {
            xs = [firstX]
            for gap in gaps { xs.append(xs[xs.count - 1] + gap) }
            let centres = centres(xs: xs)
            let obstacles = fixedBoxes(xs: xs, centres: centres)
            placements = []
            var crowded: [Int] = []
            for gap in gaps.indices {
                let (placed, fits) = place(gap: gap, centres: centres, obstacles: obstacles)
                placements.append(placed)
                if !fits { crowded.append(gap) }
            }
            if crowded.isEmpty || attempt == 9 { break }
            for gap in crowded { gaps[gap] *= 1.25 }
        }
        let centres = centres(xs: xs)
        let lastX = xs.last ?? firstX
        let width = lastX + max(halfWidth(column: columns.count - 1), columns.map { headingWidth($0) / 2 }.max() ?? 0) + Self.margin
        return draw(xs: xs, centres: centres, placements: placements, width: width)
    }

    /// The size a unit's name is set at inside its circle: the full size, or smaller to fit.
    static func insideSize(_ label: String) -> Double {
        min(unitSize, unitSize * (2 * radius - 6) / max(1, TextMetrics.width(label, size: unitSize)))
    }

    /// Half a unit's width: its circle's radius, or half the pill its name needs.
    static func halfWidth(_ label: String) -> Double {
        insideSize(label) >= smallestInside ? radius : max(radius, (TextMetrics.width(label, size: pillSize) + 16) / 2)
    }

    /// The widest half-unit of a column.
    private func halfWidth(column: Int) -> Double {
        halfWidths.indices.contains(column) ? halfWidths[column].values.max() ?? Self.radius : Self.radius
    }

    /// Half the width of unit `index` of a column.
    private func halfWidth(column: Int, unit index: Int) -> Double {
        halfWidths[column][index] ?? Self.radius
    }

    private func headingWidth(_ column: NetworkDiagram.Column) -> Double {
        max(TextMetrics.width(column.heading, size: 12) * 1.05, TextMetrics.width(column.detail ?? "", size: 11),
            TextMetrics.width(column.summary ?? "", size: 11))
    }

    /// Circles and bias labels (padded a little), which no weight label may cover.
    private func fixedBoxes(xs: [Double], centres: [[Int: (x: Double, y: Double)]]) -> [Box] {
        var boxes: [Box] = []
        for (column, units) in diagram.columns.enumerated().map({ ($0, $1.units) }) {
            for unit in units {
                guard let centre = centres[column][unit.index] else { continue }
                boxes.append(Box(centerX: centre.x, centerY: centre.y, width: 2 * halfWidth(column: column, unit: unit.index) + 4, height: 2 * Self.radius + 4))
                if let bias = unit.bias {
                    boxes.append(biasBox(bias, x: centre.x, y: centre.y))
                }
            }
        }
        return boxes
    }

    private func biasBox(_ text: String, x: Double, y: Double) -> Box {
        Box(centerX: x, centerY: y + Self.radius + 10, width: TextMetrics.width(text, size: Self.biasSize) + 4, height: Self.biasSize + 4)
    }

    /// Fractions of the way along an edge a label may sit at, best first.
    static let positions: [Double] = [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.46, 0.54, 0.38, 0.62, 0.3, 0.7, 0.22, 0.78]

    /// The labels of one gap's edges, and whether each found a place that overlaps nothing.
    private func place(gap: Int, centres: [[Int: (x: Double, y: Double)]], obstacles: [Box]) -> ([Placement?], Bool) {
        let edges = diagram.edges.indices.contains(gap) ? diagram.edges[gap] : []
        let segments = edges.compactMap { edge -> (Double, Double, Double, Double)? in
            guard let a = centres[gap][edge.from], let b = centres[gap + 1][edge.to] else { return nil }
            return (a.x, a.y, b.x, b.y)
        }
        var placed: [Box] = []
        var result: [Placement?] = []
        var fits = true
        for (number, edge) in edges.enumerated() {
            guard let label = edge.label, let a = centres[gap][edge.from], let b = centres[gap + 1][edge.to] else {
                result.append(nil)
                continue
            }
            let width = Self.labelWidth(label)
            var best: (score: Double, placement: Placement)?
            for (rank, t) in Self.positions.enumerated() {
                let x = a.x + t * (b.x - a.x), y = a.y + t * (b.y - a.y)
                // Padded a little, so that neighbouring labels keep apart.
                let box = Box(centerX: x, centerY: y, width: width + 4, height: Self.labelHeight + 2)
                let overlaps = (obstacles + placed).filter { $0.intersects(box) }.count
                let crossings = segments.enumerated().filter { $0.offset != number && box.crosses(x0: $0.element.0, y0: $0.element.1, x1: $0.element.2, y1: $0.element.3) }.count
                // Overlap is ruled out first; then fewer crossings, then the earlier position.
                let score = Double(overlaps) * 1000 + Double(crossings) * 10 + Double(rank) * 0.1
                if best == nil || score < best!.score { best = (score, Placement(x: x, y: y, box: box)) }
            }
            guard let chosen = best else { continue }
            if chosen.score >= 1000 { fits = false }
            placed.append(chosen.placement.box)
            result.append(chosen.placement)
        }
        return (result, fits)
    }

    private func draw(xs: [Double], centres: [[Int: (x: Double, y: Double)]], placements: [[Placement?]], width: Double) -> Drawing {
        var items: [Drawing.Item] = []
        let largest = diagram.edges.flatMap { $0.map { abs($0.value) } }.filter { $0.isFinite }.max() ?? 0
        // Edges first, under everything; a large network's, unlabelled, lighter and thinner,
        // so that the many of them read as a texture rather than a tangle.
        let labelled = diagram.edges.joined().contains { $0.label != nil }
        var edgeLines: [Drawing.Item] = []
        for (gap, edges) in diagram.edges.enumerated() where gap + 1 < centres.count {
            for edge in edges {
                guard let a = centres[gap][edge.from], let b = centres[gap + 1][edge.to] else { continue }
                let (x0, y0, x1, y1) = trimmed(a, b, halfWidths: (halfWidth(column: gap, unit: edge.from), halfWidth(column: gap + 1, unit: edge.to)))
                // Negative weights also dashed, so sign reads in grey print too.
                edgeLines.append(.line(Drawing.Line(x1: x0, y1: y0, x2: x1, y2: y1, stroke: Self.colour(edge.value),
                                                    strokeWidth: Self.strokeWidth(edge.value, largest: largest) * (labelled ? 1 : 0.6),
                                                    dashes: edge.value < 0 ? [5, 3] : nil)))
            }
        }
        items.append(.group(Drawing.Group(className: "edges", style: Drawing.Style(fill: Drawing.Paint.none, strokeOpacity: labelled ? nil : 0.6),
                                          items: edgeLines)))
        // Units, their labels and biases.
        for (column, slots) in slots.enumerated() {
            let info = diagram.columns[column]
            let x = xs[column]
            items.append(.text(Drawing.Text(x: x, y: 16, text: info.heading, anchor: .middle, fontSize: 12, fontWeight: .bold, fill: Drawing.Color(0x1f2937))))
            if let detail = info.detail {
                items.append(.text(Drawing.Text(x: x, y: 31, text: detail, anchor: .middle, fontSize: 11, fill: Drawing.Color(0x4b5563))))
            }
            for (position, slot) in slots.enumerated() {
                let y = y(slot: position, of: slots.count)
                switch slot {
                case .ellipsis:
                    items.append(.text(Drawing.Text(x: x, y: y, text: "⋮", anchor: .middle, baseline: .central, fontSize: 18, fill: Drawing.Color(0x4b5563))))
                case let .unit(unit):
                    let fill = Drawing.Color(column == 0 ? 0xeef2f7 : 0xffffff), outline = Drawing.Color(0x334155)
                    let half = halfWidth(column: column, unit: unit.index)
                    let size: Double
                    if half == Self.radius {
                        items.append(.circle(Drawing.Circle(cx: x, cy: y, r: Self.radius, fill: .color(fill), stroke: outline, strokeWidth: 1.4)))
                        size = Self.insideSize(unit.label)
                    } else {
                        // A pill around a long name, its ends the circle's halves.
                        let pill = Drawing.Rect(x: x - half, y: y - Self.radius, width: 2 * half, height: 2 * Self.radius, cornerRadius: Self.radius)
                        items.append(.group(Drawing.Group(className: "unit-pill", style: Drawing.Style(fill: .color(fill), stroke: outline, strokeWidth: 1.4),
                                                          items: [.rect(pill)])))
                        size = Self.pillSize
                    }
                    items.append(.text(Drawing.Text(className: "unit", x: x, y: y, text: unit.label, anchor: .middle, baseline: .central,
                                                    fontSize: size, italic: true, fill: Drawing.Color(0x111827))))
                    if let bias = unit.bias {
                        items.append(.text(Drawing.Text(className: "bias", x: x, y: y + Self.radius + 10, text: bias, anchor: .middle, baseline: .central,
                                                        fontSize: Self.biasSize, fill: Drawing.Color(0x374151))))
                    }
                }
            }
            if let summary = info.summary {
                items.append(.text(Drawing.Text(x: x, y: height - 8, text: summary, anchor: .middle, fontSize: 11, fill: Drawing.Color(0x4b5563))))
            }
        }
        // Weight labels last, over the edges, each on a white card so that no line runs through
        // it (a halo alone lets a line show between the glyphs: 0.25 read as 0:25).
        var cards: [Drawing.Item] = [], labels: [Drawing.Item] = []
        for (gap, edges) in diagram.edges.enumerated() where gap < placements.count {
            for (number, edge) in edges.enumerated() {
                guard let label = edge.label, number < placements[gap].count, let place = placements[gap][number] else { continue }
                let width = Self.labelWidth(label), height = Self.labelSize + 3
                cards.append(.rect(Drawing.Rect(x: place.x - width / 2, y: place.y - height / 2, width: width, height: height, cornerRadius: 2)))
                labels.append(.text(Drawing.Text(x: place.x, y: place.y, text: label, fill: Self.textColour(edge.value))))
            }
        }
        items.append(.group(Drawing.Group(className: "weight-cards", style: Drawing.Style(fill: .color(.white)), items: cards)))
        items.append(.group(Drawing.Group(className: "weights", style: Drawing.Style(fontSize: Self.labelSize, fontWeight: .bold, textAnchor: .middle,
                                                                                      baseline: .central), items: labels)))
        return Drawing(width: width, height: height, description: diagram.description, className: "bp-network",
                       fontFamily: "DejaVu Sans, Verdana, sans-serif", items: items)
    }

    /// A weight label's estimated width, bold, with a little room on each side.
    static func labelWidth(_ label: String) -> Double {
        TextMetrics.width(label, size: labelSize) * 1.1 + 4
    }

    /// The edge from unit edge to unit edge: a circle's, or a pill's box (its rounded ends lie
    /// inside the box, so an edge may end under the pill's fill, never short of it).
    private func trimmed(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double),
                         halfWidths: (Double, Double)) -> (Double, Double, Double, Double) {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = max(1e-9, (dx * dx + dy * dy).squareRoot())
        let (cos, sin) = (dx / length, dy / length)
        func reach(_ half: Double) -> Double {
            half == Self.radius ? Self.radius : min(half / max(abs(cos), 1e-9), Self.radius / max(abs(sin), 1e-9))
        }
        let (from, to) = (reach(halfWidths.0), reach(halfWidths.1))
        return (a.x + cos * from, a.y + sin * from, b.x - cos * to, b.y - sin * to)
    }

    static func colour(_ value: Double) -> Drawing.Color {
        Drawing.Color(value > 0 ? 0x2563eb : value < 0 ? 0xea580c : 0x9ca3af)
    }

    static func textColour(_ value: Double) -> Drawing.Color {
        Drawing.Color(value > 0 ? 0x1e40af : value < 0 ? 0x9a3412 : 0x4b5563)
    }

    /// From 0.8 for a zero weight to 3.6 for the largest in size.
    static func strokeWidth(_ value: Double, largest: Double) -> Double {
        guard largest > 0, value.isFinite else { return 0.8 }
        return 0.8 + 2.8 * abs(value) / largest
    }
}
