import BPDocument

/// A plot of one series of values against whole numbers (the loss against the step), with
/// labelled axes and ticks, on a log scale when the values span more than two decades.
public struct LinePlot: Sendable, Equatable {
    /// One point: its step and its value.
    public struct Point: Sendable, Equatable {
        /// The step.
        public var x: Int
        /// The value; a log scale needs it above 0.
        public var y: Double
        /// The point's tooltip: its step and value as the report writes them.
        public var label: String

        /// A point at step `x` of value `y`, with its tooltip.
        public init(x: Int, y: Double, label: String) {
            self.x = x
            self.y = y
            self.label = label
        }
    }

    /// The series in order of `x`, joined by a line.
    public var points: [Point]
    /// Under the horizontal axis: `step`.
    public var xLabel: String
    /// Beside the vertical axis: `loss`.
    public var yLabel: String
    /// What the picture shows, in words, for a screen reader (the drawing's description).
    public var description: String

    /// A plot of `points` with its axes' labels and its text alternative.
    public init(points: [Point], xLabel: String, yLabel: String, description: String) {
        self.points = points
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.description = description
    }

    /// Up to this many points are each drawn as a dot (with its value as a tooltip): a run of
    /// 30 steps and the loss after its last update.
    public static let maxMarkedPoints = 31

    /// Whether the plot uses a log scale: every value positive and the largest more than 100
    /// times the smallest.
    public var isLogarithmic: Bool {
        let values = points.map(\.y).filter(\.isFinite)
        guard let low = values.min(), let high = values.max(), low > 0 else { return false }
        return high / low > 100
    }

    /// The plot as a drawing: axes, grid, the curve and its points (each with its tooltip).
    public func drawing() -> Drawing {
        PlotLayout(plot: self).drawing()
    }
}
