extension Drawing {
    /// A straight line from (x1, y1) to (x2, y2).
    public struct Line: Sendable, Equatable {
        /// The start's x.
        public var x1: Double
        /// The start's y.
        public var y1: Double
        /// The end's x.
        public var x2: Double
        /// The end's y.
        public var y2: Double
        /// The colour; nil inherits it.
        public var stroke: Color?
        /// The width in user units; nil inherits it.
        public var strokeWidth: Double?
        /// Lengths of dash and gap, alternately, in user units; nil draws it solid.
        public var dashes: [Double]?

        /// A line from (x1, y1) to (x2, y2).
        public init(x1: Double, y1: Double, x2: Double, y2: Double, stroke: Color? = nil, strokeWidth: Double? = nil, dashes: [Double]? = nil) {
            self.x1 = x1
            self.y1 = y1
            self.x2 = x2
            self.y2 = y2
            self.stroke = stroke
            self.strokeWidth = strokeWidth
            self.dashes = dashes
        }
    }

    /// A circle, with a tooltip a writer may show on hover (a point's value).
    public struct Circle: Sendable, Equatable {
        /// The centre's x.
        public var cx: Double
        /// The centre's y.
        public var cy: Double
        /// The radius.
        public var r: Double
        /// The fill; nil inherits it.
        public var fill: Paint?
        /// The outline's colour; nil inherits it.
        public var stroke: Color?
        /// The outline's width; nil inherits it.
        public var strokeWidth: Double?
        /// Shown on hover where a format can; nil for none.
        public var tooltip: String?

        /// A circle of radius `r` about (cx, cy).
        public init(cx: Double, cy: Double, r: Double, fill: Paint? = nil, stroke: Color? = nil, strokeWidth: Double? = nil, tooltip: String? = nil) {
            self.cx = cx
            self.cy = cy
            self.r = r
            self.fill = fill
            self.stroke = stroke
            self.strokeWidth = strokeWidth
            self.tooltip = tooltip
        }
    }

    /// A rectangle from (x, y) at its top left, its corners rounded by `cornerRadius`.
    public struct Rect: Sendable, Equatable {
        /// The left edge.
        public var x: Double
        /// The top edge.
        public var y: Double
        /// The width.
        public var width: Double
        /// The height.
        public var height: Double
        /// The radius of the rounded corners; 0 for square ones.
        public var cornerRadius: Double
        /// The fill; nil inherits it.
        public var fill: Paint?

        /// A rectangle `width` by `height` from (x, y).
        public init(x: Double, y: Double, width: Double, height: Double, cornerRadius: Double = 0, fill: Paint? = nil) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
            self.cornerRadius = cornerRadius
            self.fill = fill
        }
    }

    /// One step of a ``Path``, to an absolute point.
    public enum PathCommand: Sendable, Equatable {
        /// Start a new piece at (x, y).
        case move(x: Double, y: Double)
        /// A straight segment to (x, y).
        case line(x: Double, y: Double)
        /// A horizontal segment to x, keeping y.
        case horizontal(x: Double)
        /// A vertical segment to y, keeping x.
        case vertical(y: Double)
    }

    /// Straight segments joined end to end: a polyline (a curve through points), an axis.
    public struct Path: Sendable, Equatable {
        /// What the path is, as `curve`, for a writer's style sheet.
        public var className: String?
        /// The steps, the first a ``PathCommand/move(x:y:)``.
        public var commands: [PathCommand]
        /// The fill; nil inherits it.
        public var fill: Paint?
        /// The colour; nil inherits it.
        public var stroke: Color?
        /// The width; nil inherits it.
        public var strokeWidth: Double?
        /// Whether segments meet in round joins rather than mitred ones.
        public var roundJoins: Bool

        /// A path of `commands`.
        public init(className: String? = nil, commands: [PathCommand], fill: Paint? = nil, stroke: Color? = nil,
                    strokeWidth: Double? = nil, roundJoins: Bool = false) {
            self.className = className
            self.commands = commands
            self.fill = fill
            self.stroke = stroke
            self.strokeWidth = strokeWidth
            self.roundJoins = roundJoins
        }
    }
}
