extension Drawing {
    /// A line of text at a point; what it leaves nil it inherits.
    public struct Text: Sendable, Equatable {
        /// What the text is, as `unit` or `bias`, for a writer's style sheet.
        public var className: String?
        /// The point's x.
        public var x: Double
        /// The point's y.
        public var y: Double
        /// The text, plain (a writer escapes it for its format).
        public var text: String
        /// Where it stands along the line relative to the point.
        public var anchor: TextAnchor?
        /// Where it stands across the line relative to the point.
        public var baseline: Baseline?
        /// Its size in user units.
        public var fontSize: Double?
        /// Its weight.
        public var fontWeight: FontWeight?
        /// Whether it is slanted.
        public var italic: Bool
        /// Its colour.
        public var fill: Color?
        /// Degrees clockwise (y grows downwards) about the point; nil or 0 leaves it level.
        public var rotation: Double?

        /// `text` at (x, y).
        public init(className: String? = nil, x: Double, y: Double, text: String, anchor: TextAnchor? = nil, baseline: Baseline? = nil,
                    fontSize: Double? = nil, fontWeight: FontWeight? = nil, italic: Bool = false, fill: Color? = nil, rotation: Double? = nil) {
            self.className = className
            self.x = x
            self.y = y
            self.text = text
            self.anchor = anchor
            self.baseline = baseline
            self.fontSize = fontSize
            self.fontWeight = fontWeight
            self.italic = italic
            self.fill = fill
            self.rotation = rotation
        }
    }
}
