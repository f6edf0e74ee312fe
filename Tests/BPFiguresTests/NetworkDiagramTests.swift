@testable import BPFigures
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Collects what a test needs from an SVG: that it parses, and its elements with attributes.
final class SVGElements: NSObject, XMLParserDelegate {
    struct Element { let name: String; let attributes: [String: String]; var text: String; let parents: [String] }
    private(set) var elements: [Element] = []
    private var stack: [(name: String, index: Int?, classes: String)] = []

    /// The elements of `svg`, or nil when it is not well-formed XML.
    static func parse(_ svg: String) -> [Element]? {
        let collector = SVGElements()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        return parser.parse() ? collector.elements : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, text: "", parents: stack.map { $0.name + "." + $0.classes }))
        stack.append((name, elements.count - 1, attributes["class"] ?? ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = stack.last?.index { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }
}

@Suite struct NetworkDiagramTests {
    /// A network of `widths` with weights from a fixed sequence (signs alternate, sizes vary),
    /// every edge labelled as the report would: a short decimal.
    static func diagram(_ widths: [Int], labelled: Bool = true) -> NetworkDiagram {
        var columns: [NetworkDiagram.Column] = []
        for (position, count) in widths.enumerated() {
            let units = NetworkDiagram.drawnUnits(of: count).map {
                NetworkDiagram.Unit(index: $0, label: "a\($0)", bias: position == 0 || count > 8 ? nil : "b = 0.\($0)")
            }
            columns.append(NetworkDiagram.Column(heading: position == 0 ? "input" : "layer \(position)", detail: position == 0 ? nil : "relu",
                                                 count: count, units: units, summary: count > 8 ? "\(count) units" : nil))
        }
        var edges: [[NetworkDiagram.Edge]] = []
        var seed = 7
        for gap in 0..<(widths.count - 1) {
            var row: [NetworkDiagram.Edge] = []
            for i in NetworkDiagram.drawnUnits(of: widths[gap]) {
                for j in NetworkDiagram.drawnUnits(of: widths[gap + 1]) {
                    seed = (seed * 1103515245 + 12345) % 2147483648
                    let value = Double(seed % 2001 - 1000) / 400
                    row.append(NetworkDiagram.Edge(from: i, to: j, value: value, label: labelled ? String(format: "%.2f", value) : nil))
                }
            }
            edges.append(row)
        }
        return NetworkDiagram(columns: columns, edges: edges, description: "test network")
    }

    /// A name too long for its circle at a readable size widens its unit into a pill around it,
    /// set at 12 px, instead of shrinking (to 7 px before, or spilling out of the circle); short
    /// names keep their circles; edges start at the pill's side; nothing overlaps its neighbour.
    @Test func longUnitNamesWidenTheirUnitsIntoPills() throws {
        var diagram = Self.diagram([2, 3, 1])
        diagram.columns[0].units[0].label = "hours studied"
        diagram.columns[2].units[0].label = "y"
        let elements = try #require(SVGElements.parse(diagram.svg()))
        let unitTexts = elements.filter { $0.attributes["class"] == "unit" }
        #expect(unitTexts.map(\.text) == ["hours studied", "a1", "a0", "a1", "a2", "y"])
        let hours = try #require(unitTexts.first)
        #expect(hours.attributes["font-size"] == "12")
        #expect(unitTexts.dropFirst().allSatisfy { Double($0.attributes["font-size"] ?? "") ?? 0 >= NetworkLayout.smallestInside })
        // One pill, two units' height (the circle's diameter), as wide as the name needs.
        let pills = elements.filter { $0.name == "rect" && $0.parents.last == "g.unit-pill" }
        try #require(pills.count == 1)
        let pill = pills[0].attributes.compactMapValues(Double.init)
        let x = try #require(Double(hours.attributes["x"] ?? ""))
        #expect(pill["height"] == 2 * NetworkLayout.radius && pill["rx"] == NetworkLayout.radius)
        #expect(abs(pill["x"]! + pill["width"]! / 2 - x) < 0.01)
        #expect(pill["width"]! >= TextMetrics.width("hours studied", size: NetworkLayout.pillSize) + 12)
        #expect(pill["x"]! >= 0, "the pill starts inside the drawing")
        #expect(elements.filter { $0.name == "circle" }.count == 5)
        // Its edges leave from the pill's outline (its side, or its top or bottom for a steep
        // one), not from inside it where a circle's would: the start is on the pill's box.
        let (half, centreY) = (pill["width"]! / 2, pill["y"]! + NetworkLayout.radius)
        let starts = elements.filter { $0.name == "line" }.prefix(3).map { line in
            (Double(line.attributes["x1"] ?? "") ?? 0, Double(line.attributes["y1"] ?? "") ?? 0)
        }
        for (x1, y1) in starts {
            let onBox = max(abs(x1 - x) / half, abs(y1 - centreY) / NetworkLayout.radius)
            #expect(abs(onBox - 1) < 0.02 && x1 > x, "(\(x1), \(y1)) against the pill at \(x) ± \(half)")
        }
    }

    @Test(arguments: [[2, 3, 2], [3, 3, 3, 1], [8, 8, 8], [1, 1], [4, 8, 2]])
    func theSVGIsWellFormedAndDrawsEveryUnitAndEdge(widths: [Int]) throws {
        let svg = Self.diagram(widths).svg()
        let elements = try #require(SVGElements.parse(svg), "not well-formed XML")
        #expect(elements.first?.name == "svg")
        #expect(elements.first?.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(elements.filter { $0.name == "title" }.map(\.text) == ["test network"])
        #expect(elements.filter { $0.name == "circle" }.count == widths.reduce(0, +))
        let edgeCount = zip(widths, widths.dropFirst()).map(*).reduce(0, +)
        #expect(elements.filter { $0.name == "line" }.count == edgeCount)
        #expect(elements.filter { $0.parents.last == "g.weights" }.count == edgeCount)
        // Negative weights are dashed and orange, positive solid and blue.
        for (line, edge) in zip(elements.filter { $0.name == "line" }, Self.diagram(widths).edges.flatMap { $0 }) {
            #expect((line.attributes["stroke-dasharray"] != nil) == (edge.value < 0))
            #expect(line.attributes["stroke"] == (edge.value > 0 ? "#2563eb" : edge.value < 0 ? "#ea580c" : "#9ca3af"))
        }
    }

    @Test func theSameDiagramGivesTheSameBytes() {
        #expect(Self.diagram([3, 4, 2]).svg() == Self.diagram([3, 4, 2]).svg())
    }

    /// The widths follow |w|: the largest weight gets 0.8 + 2.8 = 3.6, half of it 2.2, zero 0.8.
    @Test func strokeWidthGrowsWithTheWeight() {
        #expect(abs(NetworkLayout.strokeWidth(-4, largest: 4) - 3.6) < 1e-12)
        #expect(abs(NetworkLayout.strokeWidth(2, largest: 4) - 2.2) < 1e-12)
        #expect(NetworkLayout.strokeWidth(0, largest: 4) == 0.8)
    }

    /// By the layout's own estimate of text widths (a browser test measures the real ones),
    /// no two weight labels overlap, nor a label and a unit or bias, even with 64 labels in a gap.
    @Test(arguments: [[2, 3, 2], [8, 8, 8], [5, 8, 6, 3]])
    func labelsAreSetApart(widths: [Int]) throws {
        let elements = try #require(SVGElements.parse(Self.diagram(widths).svg()))
        func box(_ element: SVGElements.Element, size: Double, bold: Bool) -> Box {
            let x = Double(element.attributes["x"]!)!, y = Double(element.attributes["y"]!)!
            return Box(centerX: x, centerY: y, width: TextMetrics.width(element.text, size: size) * (bold ? 1.1 : 1), height: size)
        }
        let labels = elements.filter { $0.parents.last == "g.weights" }.map { box($0, size: 11, bold: true) }
        let fixed = elements.filter { $0.name == "circle" }.map {
            Box(centerX: Double($0.attributes["cx"]!)!, centerY: Double($0.attributes["cy"]!)!, width: 34, height: 34)
        } + elements.filter { $0.attributes["class"] == "bias" }.map { box($0, size: 10, bold: false) }
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] { #expect(!a.intersects(b), "labels overlap: \(a) \(b)") }
            for f in fixed { #expect(!a.intersects(f), "a label covers a unit or bias: \(a) \(f)") }
        }
    }

    /// A layer of 784 is drawn as its first five and last two units with a ⋮ between, its
    /// size written under it, and no edge labelled.
    @Test func largeLayersAreSummarised() throws {
        #expect(NetworkDiagram.drawnUnits(of: 784) == [0, 1, 2, 3, 4, 782, 783])
        #expect(NetworkDiagram.drawnUnits(of: 8) == Array(0..<8))
        let elements = try #require(SVGElements.parse(Self.diagram([784, 16, 10], labelled: false).svg()))
        #expect(elements.filter { $0.name == "circle" }.count == 7 + 7 + 7)
        #expect(elements.filter { $0.text == "⋮" }.count == 3)
        #expect(elements.contains { $0.text == "784 units" })
        #expect(elements.filter { $0.parents.last == "g.weights" }.isEmpty)
        #expect(elements.filter { $0.name == "line" }.count == 7 * 7 * 2)
    }

    /// Text from a spec is escaped, and characters XML forbids or that reorder text are replaced.
    @Test func unitNamesAreEscaped() throws {
        var diagram = Self.diagram([2, 1])
        diagram.columns[0].units[0].label = "<b>&\"x\u{0}\u{202E}"
        let svg = diagram.svg()
        #expect(svg.contains("&lt;b&gt;&amp;&quot;x\u{FFFD}\u{FFFD}"))
        #expect(SVGElements.parse(svg) != nil)
    }
}
