/// A picture as vector primitives, free of any output format: the tool's own figures (the
/// network, the loss curve), which each writer turns into its own markup (SVG for HTML and
/// Markdown, TikZ for LaTeX). Coordinates are user units with the origin at the top left and
/// y growing downwards, as in SVG, where one unit is a pixel at 100%.
public struct Drawing: Sendable, Equatable {
    /// The picture's width in user units.
    public var width: Double
    /// The picture's height in user units.
    public var height: Double
    /// What the picture shows, in words: the text alternative for a screen reader.
    public var description: String
    /// The kind of picture, as `bp-network` or `bp-plot`, for a writer's style sheet.
    public var className: String
    /// The font families to use, best first, as CSS lists them (`DejaVu Sans, sans-serif`).
    public var fontFamily: String
    /// The font size of text that sets none, in user units; nil leaves the writer's default.
    public var fontSize: Double?
    /// What is drawn, in order: later items over earlier ones.
    public var items: [Item]

    /// A picture `width` by `height` of `items`, with its text alternative.
    public init(width: Double, height: Double, description: String, className: String, fontFamily: String,
                fontSize: Double? = nil, items: [Item] = []) {
        self.width = width
        self.height = height
        self.description = description
        self.className = className
        self.fontFamily = fontFamily
        self.fontSize = fontSize
        self.items = items
    }

    /// One thing drawn.
    public enum Item: Sendable, Equatable {
        /// Items sharing a class and a style that they inherit.
        case group(Group)
        /// A straight line.
        case line(Line)
        /// A circle, possibly with a tooltip.
        case circle(Circle)
        /// A rectangle, possibly with rounded corners.
        case rect(Rect)
        /// A path of straight segments (a polyline, an axis).
        case path(Path)
        /// A line of text.
        case text(Text)
    }
}
