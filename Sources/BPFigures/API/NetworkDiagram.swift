import BPDocument

/// A drawing of a feed-forward network: a column of units per layer, the input first, an edge
/// from every unit of one layer to every unit of the next, coloured and sized by its weight
/// and, for small layers, labelled with it. It knows no engine: the caller gives the labels
/// as text and the weights as numbers for their colour and width.
public struct NetworkDiagram: Sendable, Equatable {
    /// One layer's column.
    public struct Column: Sendable, Equatable {
        /// Above the column, as `input` or `layer 2`.
        public var heading: String
        /// Under the heading, smaller: the activation, say.
        public var detail: String?
        /// How many units the layer has.
        public var count: Int
        /// The units drawn (all of a small layer; see ``NetworkDiagram/drawnUnits(of:)``).
        public var units: [Unit]
        /// Under the column of a large layer, as `784 units`.
        public var summary: String?

        /// A column of `count` units, of which `units` are drawn.
        public init(heading: String, detail: String? = nil, count: Int, units: [Unit], summary: String? = nil) {
            self.heading = heading
            self.detail = detail
            self.count = count
            self.units = units
            self.summary = summary
        }
    }

    /// One drawn unit.
    public struct Unit: Sendable, Equatable {
        /// Its place in the layer, from 0.
        public var index: Int
        /// In its circle: `a²₁`, or the name a spec gave it.
        public var label: String
        /// Under its circle: its bias, as `b = 0.5`; nil for an input or a layer without one.
        public var bias: String?

        /// The unit at `index` (from 0), with its label and bias.
        public init(index: Int, label: String, bias: String? = nil) {
            self.index = index
            self.label = label
            self.bias = bias
        }
    }

    /// An edge from a drawn unit of one column to a drawn unit of the next.
    public struct Edge: Sendable, Equatable {
        /// Indices (``Unit/index``) of the units it joins.
        public var from: Int
        /// In the next column.
        public var to: Int
        /// The weight, for the edge's colour (sign) and width (size).
        public var value: Double
        /// The weight as the report writes it; nil draws the edge without a label.
        public var label: String?

        /// An edge of weight `value`, labelled or not.
        public init(from: Int, to: Int, value: Double, label: String? = nil) {
            self.from = from
            self.to = to
            self.value = value
            self.label = label
        }
    }

    /// The layers, the input first.
    public var columns: [Column]
    /// `edges[c]` join column `c` to column `c + 1`.
    public var edges: [[Edge]]
    /// What the picture shows, in words, for a screen reader (the drawing's description).
    public var description: String

    /// A diagram of `columns` and the edges between each column and the next.
    public init(columns: [Column], edges: [[Edge]], description: String) {
        self.columns = columns
        self.edges = edges
        self.description = description
    }

    /// Layers up to this many units are drawn whole, with every edge labelled.
    public static let maxLabelledUnits = 8

    /// The units of a layer of `count` that a drawing shows: all of them up to
    /// ``maxLabelledUnits``, else the first five and the last two, a `⋮` between.
    public static func drawnUnits(of count: Int) -> [Int] {
        count <= maxLabelledUnits ? Array(0..<count) : Array(0..<5) + [count - 2, count - 1]
    }

    /// The diagram as a drawing, its description naming it for a screen reader.
    public func drawing() -> Drawing {
        NetworkLayout(diagram: self).drawing()
    }
}
