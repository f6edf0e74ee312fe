import BPDocument

/// Writes a ``Drawing`` as a TikZ picture for LaTeX (package `tikz` only, which loads
/// `xcolor`): the same lines, circles, cards and text, with the drawing's own coordinates and a
/// unit that makes it fit the text width of an A4 page with 25 mm margins. Every item is written
/// with its whole style (what its groups gave it included), so nothing depends on TikZ's scoping;
/// tooltips are dropped, and the description becomes a comment above the picture.
public enum TikZWriter {
    /// The largest unit, in points per user unit: a CSS pixel is 0.75 pt, so a small drawing is
    /// as large as the browser shows it.
    public static let maxUnit = 0.75
    /// The widest a picture may be, in points: 95% of the text width of an A4 page with 25 mm
    /// margins (about 455 pt), which leaves room for a paragraph's indent.
    public static let maxWidth = 432.25

    /// Points per user unit for `drawing`: at most ``maxUnit``, and small enough for the
    /// picture to be at most ``maxWidth`` wide; rounded down to four decimals, as written.
    public static func unit(for drawing: Drawing) -> Double {
        let fitting = drawing.width > 0 ? min(maxUnit, maxWidth / drawing.width) : maxUnit
        return (fitting * 10_000).rounded(.down) / 10_000
    }

    /// The drawing as a `tikzpicture` environment, one command a line.
    public static func write(_ drawing: Drawing) -> String {
        let unit = unit(for: drawing)
        var writer = Writer(unit: unit, sansSerif: drawing.fontFamily.hasSuffix("sans-serif"))
        let description = drawing.description.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? " " : String($0) }.joined()
        writer.out = "% " + description + "\n"
        writer.out += "\\begin{tikzpicture}[x=" + DrawingNumber.format(unit, places: 4) + "pt,y=-" + DrawingNumber.format(unit, places: 4)
            + "pt,inner sep=0pt,outer sep=0pt]\n"
        // The drawing's own box, so the picture is exactly as wide as the unit makes it.
        writer.out += "\\useasboundingbox (0,0) rectangle (" + number(drawing.width) + "," + number(drawing.height) + ");\n"
        let root = Inherited(fontSize: drawing.fontSize ?? 16)
        for item in drawing.items { writer.write(item, inherited: root) }
        return writer.out + "\\end{tikzpicture}\n"
    }

    /// What an item inherits: SVG's initial values, then whatever its groups set.
    struct Inherited {
        var fill: Drawing.Paint = .color(.black)
        var stroke: Drawing.Color?
        var strokeWidth = 1.0
        var strokeOpacity = 1.0
        var fontSize: Double
        var fontWeight: Drawing.FontWeight = .normal
        var anchor: Drawing.TextAnchor = .start
        var baseline: Drawing.Baseline = .alphabetic

        func with(_ style: Drawing.Style) -> Inherited {
            var result = self
            if let fill = style.fill { result.fill = fill }
            if let stroke = style.stroke { result.stroke = stroke }
            if let width = style.strokeWidth { result.strokeWidth = width }
            if let opacity = style.strokeOpacity { result.strokeOpacity = opacity }
            if let size = style.fontSize { result.fontSize = size }
            if let weight = style.fontWeight { result.fontWeight = weight }
            if let anchor = style.textAnchor { result.anchor = anchor }
            if let baseline = style.baseline { result.baseline = baseline }
            return result
        }
    }

    struct Writer {
        let unit: Double
        let sansSerif: Bool
        var out = ""

        mutating func write(_ item: Drawing.Item, inherited: Inherited) {
            switch item {
            case let .group(group):
                for item in group.items { write(item, inherited: inherited.with(group.style)) }
            case let .line(line):
                guard let options = strokeOptions(line.stroke, line.strokeWidth, inherited, dashes: line.dashes) else { return }
                out += "\\draw[" + options + "] " + point(line.x1, line.y1) + " -- " + point(line.x2, line.y2) + ";\n"
            case let .circle(circle):
                let shape = point(circle.cx, circle.cy) + " circle[radius=" + points(circle.r) + "]"
                paint(shape, fill: circle.fill ?? inherited.fill, stroke: strokeOptions(circle.stroke, circle.strokeWidth, inherited, dashes: nil))
            case let .rect(rect):
                let corners = rect.cornerRadius == 0 ? [] : ["rounded corners=" + points(rect.cornerRadius)]
                paint(point(rect.x, rect.y) + " rectangle ++" + point(rect.width, rect.height), fill: rect.fill ?? inherited.fill,
                      stroke: strokeOptions(nil, nil, inherited, dashes: nil), extra: corners)
            case let .path(path):
                var shape = "", current = (x: 0.0, y: 0.0)
                for command in path.commands {
                    switch command {
                    case let .move(x, y):
                        current = (x, y)
                        shape += (shape.isEmpty ? "" : " ") + point(x, y)
                        continue
                    case let .line(x, y): current = (x, y)
                    case let .horizontal(x): current.x = x
                    case let .vertical(y): current.y = y
                    }
                    shape += " -- " + point(current.x, current.y)
                }
                guard !shape.isEmpty else { return }
                paint(shape, fill: path.fill ?? inherited.fill, stroke: strokeOptions(path.stroke, path.strokeWidth, inherited, dashes: nil),
                      extra: path.roundJoins ? ["line join=round"] : [])
            case let .text(text):
                write(text, inherited: inherited)
            }
        }

        private mutating func write(_ text: Drawing.Text, inherited: Inherited) {
            let anchor = text.anchor ?? inherited.anchor, baseline = text.baseline ?? inherited.baseline
            let size = (text.fontSize ?? inherited.fontSize) * unit
            var font = (sansSerif ? "\\sffamily" : "") + "\\fontsize{" + DrawingNumber.format(size, places: 2) + "}{"
                + DrawingNumber.format(size * 1.2, places: 2) + "}\\selectfont"
            // \boldmath too, so that a minus sign written as math is as bold as the digits.
            if (text.fontWeight ?? inherited.fontWeight) == .bold { font += "\\bfseries\\boldmath" }
            if text.italic { font += "\\itshape" }
            var options = ["anchor=" + Self.anchor(anchor, baseline)]
            if case let .color(colour) = inherited.fill, text.fill == nil { options.append("text=" + Self.color(colour)) }
            if let colour = text.fill { options.append("text=" + Self.color(colour)) }
            options.append("font=" + font)
            // SVG turns clockwise (its y grows downwards), TikZ counterclockwise.
            if let rotation = text.rotation, rotation != 0 { options.append("rotate=" + DrawingNumber.format(-rotation, places: 2)) }
            out += "\\node[" + options.joined(separator: ",") + "] at " + point(text.x, text.y) + " {" + TeXText.escape(text.text) + "};\n"
        }

        /// `\draw`, `\fill` or `\filldraw` of `shape`, or nothing when it is neither stroked nor filled.
        private mutating func paint(_ shape: String, fill: Drawing.Paint, stroke: String?, extra: [String] = []) {
            var fillColour: Drawing.Color?
            if case let .color(colour) = fill { fillColour = colour }
            let command: String
            var options: [String] = []
            switch (fillColour, stroke) {
            case (nil, nil): return
            case let (nil, stroke?): command = "\\draw"; options.append(stroke)
            case let (colour?, nil): command = "\\fill"; options.append("fill=" + Self.color(colour))
            case let (colour?, stroke?): command = "\\filldraw"; options += ["fill=" + Self.color(colour), stroke]
            }
            out += command + "[" + (options + extra).joined(separator: ",") + "] " + shape + ";\n"
        }

        /// The options of a stroke, or nil when there is none to draw.
        private func strokeOptions(_ stroke: Drawing.Color?, _ width: Double?, _ inherited: Inherited, dashes: [Double]?) -> String? {
            guard let colour = stroke ?? inherited.stroke else { return nil }
            var options = ["draw=" + Self.color(colour), "line width=" + points(width ?? inherited.strokeWidth)]
            if let dashes, !dashes.isEmpty {
                let pattern = (dashes.count % 2 == 0 ? dashes : dashes + dashes).enumerated()
                    .map { ($0.offset % 2 == 0 ? "on " : "off ") + points($0.element) }
                options.append("dash pattern=" + pattern.joined(separator: " "))
            }
            if inherited.strokeOpacity < 1 { options.append("draw opacity=" + DrawingNumber.format(inherited.strokeOpacity, places: 2)) }
            return options.joined(separator: ",")
        }

        private func point(_ x: Double, _ y: Double) -> String { "(" + number(x) + "," + number(y) + ")" }

        /// A length in user units as points.
        private func points(_ length: Double) -> String { DrawingNumber.format(length * unit, places: 2) + "pt" }

        static func anchor(_ anchor: Drawing.TextAnchor, _ baseline: Drawing.Baseline) -> String {
            switch (anchor, baseline) {
            case (.start, .central): return "west"
            case (.middle, .central): return "center"
            case (.end, .central): return "east"
            case (.start, .alphabetic): return "base west"
            case (.middle, .alphabetic): return "base"
            case (.end, .alphabetic): return "base east"
            }
        }

        /// xcolor's colour of 8-bit components, understood wherever TikZ takes a colour.
        static func color(_ colour: Drawing.Color) -> String {
            "{rgb,255:red,\(colour.red);green,\(colour.green);blue,\(colour.blue)}"
        }
    }

    private static func number(_ value: Double) -> String { DrawingNumber.format(value) }
}
