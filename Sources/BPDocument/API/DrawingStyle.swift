extension Drawing {
    /// A colour as 8-bit red, green and blue.
    public struct Color: Sendable, Equatable, Hashable {
        /// Red, 0 to 255.
        public var red: UInt8
        /// Green, 0 to 255.
        public var green: UInt8
        /// Blue, 0 to 255.
        public var blue: UInt8

        /// The colour of `red`, `green` and `blue`.
        public init(red: UInt8, green: UInt8, blue: UInt8) {
            self.red = red
            self.green = green
            self.blue = blue
        }

        /// The colour written `#rrggbb` as the number 0xrrggbb.
        public init(_ hex: UInt32) {
            self.init(red: UInt8(truncatingIfNeeded: hex >> 16), green: UInt8(truncatingIfNeeded: hex >> 8),
                      blue: UInt8(truncatingIfNeeded: hex))
        }

        /// White.
        public static let white = Color(0xffffff)
        /// Black, what fills a shape or text that sets no colour.
        public static let black = Color(0x000000)
    }

    /// How a shape is filled: not at all, or with a colour.
    public enum Paint: Sendable, Equatable {
        /// Not filled (an outline only).
        case none
        /// Filled with a colour.
        case color(Color)
    }

    /// Where text stands relative to its point, along the line.
    public enum TextAnchor: Sendable, Equatable {
        /// The text begins at the point.
        case start
        /// The text is centred on the point.
        case middle
        /// The text ends at the point.
        case end
    }

    /// Where text stands relative to its point, across the line.
    public enum Baseline: Sendable, Equatable {
        /// The point is on the text's baseline.
        case alphabetic
        /// The point is at the middle of the text's height.
        case central
    }

    /// How heavy text is.
    public enum FontWeight: Sendable, Equatable {
        /// Regular.
        case normal
        /// Bold.
        case bold
    }

    /// What a group passes to the items in it; nil leaves what the group itself inherits.
    public struct Style: Sendable, Equatable {
        /// The fill of shapes and the colour of text.
        public var fill: Paint?
        /// The colour of lines and outlines.
        public var stroke: Color?
        /// The width of lines and outlines, in user units.
        public var strokeWidth: Double?
        /// The opacity of lines and outlines, from 0 to 1.
        public var strokeOpacity: Double?
        /// The size of text, in user units.
        public var fontSize: Double?
        /// The weight of text.
        public var fontWeight: FontWeight?
        /// Where text stands along its line.
        public var textAnchor: TextAnchor?
        /// Where text stands across its line.
        public var baseline: Baseline?

        /// A style setting what is given and inheriting the rest.
        public init(fill: Paint? = nil, stroke: Color? = nil, strokeWidth: Double? = nil, strokeOpacity: Double? = nil,
                    fontSize: Double? = nil, fontWeight: FontWeight? = nil, textAnchor: TextAnchor? = nil, baseline: Baseline? = nil) {
            self.fill = fill
            self.stroke = stroke
            self.strokeWidth = strokeWidth
            self.strokeOpacity = strokeOpacity
            self.fontSize = fontSize
            self.fontWeight = fontWeight
            self.textAnchor = textAnchor
            self.baseline = baseline
        }
    }
}
