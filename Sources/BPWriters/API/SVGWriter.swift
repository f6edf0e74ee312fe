import BPDocument

/// Writes a ``Drawing`` as an SVG element: no ids, so any number of them can share a page, and
/// its `<title>` naming it for a screen reader. Attributes come in a fixed order per element,
/// the one the committed drawings have, so that a drawing's file does not change from run to run.
public enum SVGWriter {
    /// The drawing as SVG text, one element a line.
    public static func write(_ drawing: Drawing) -> String {
        let size = number(drawing.width) + " " + number(drawing.height)
        var out = "<svg"
        out.reserveCapacity(8192)
        appendAttributes([("xmlns", "http://www.w3.org/2000/svg"), ("class", drawing.className),
                          ("viewBox", "0 0 " + size), ("width", number(drawing.width)), ("height", number(drawing.height)),
                          ("role", "img"), ("font-family", drawing.fontFamily), ("font-size", drawing.fontSize.map(size2))], to: &out)
        out += ">\n"
        out += "<title>" + escape(drawing.description) + "</title>\n"
        for item in drawing.items { write(item, to: &out) }
        return out + "</svg>\n"
    }

    private static func write(_ item: Drawing.Item, to out: inout String) {
        switch item {
        case let .group(group):
            let style = group.style
            out += "<g"
            appendAttributes([("class", group.className), ("font-size", style.fontSize.map(size2)),
                              ("font-weight", style.fontWeight.map(weight)), ("text-anchor", style.textAnchor.map(anchor)),
                              ("dominant-baseline", style.baseline.map(baseline)), ("fill", style.fill.map(paint)),
                              ("stroke", style.stroke.map(color)), ("stroke-width", style.strokeWidth.map(size2)),
                              ("stroke-opacity", style.strokeOpacity.map(size2))], to: &out)
            out += ">\n"
            for item in group.items { write(item, to: &out) }
            out += "</g>\n"
        case let .line(line):
            out += "<line"
            appendAttributes([("x1", number(line.x1)), ("y1", number(line.y1)), ("x2", number(line.x2)), ("y2", number(line.y2)),
                              ("stroke", line.stroke.map(color)), ("stroke-width", line.strokeWidth.map(size2)),
                              ("stroke-dasharray", line.dashes.map { $0.map { number($0) }.joined(separator: " ") })], to: &out)
            out += "/>\n"
        case let .circle(circle):
            out += "<circle"
            appendAttributes([("cx", number(circle.cx)), ("cy", number(circle.cy)), ("r", number(circle.r)),
                              ("fill", circle.fill.map(paint)), ("stroke", circle.stroke.map(color)),
                              ("stroke-width", circle.strokeWidth.map(size2))], to: &out)
            if let tooltip = circle.tooltip {
                out += "><title>" + escape(tooltip) + "</title></circle>\n"
            } else {
                out += "/>\n"
            }
        case let .rect(rect):
            out += "<rect"
            appendAttributes([("x", number(rect.x)), ("y", number(rect.y)), ("width", number(rect.width)), ("height", number(rect.height)),
                              ("rx", rect.cornerRadius == 0 ? nil : number(rect.cornerRadius)), ("fill", rect.fill.map(paint))], to: &out)
            out += "/>\n"
        case let .path(path):
            out += "<path"
            appendAttributes([("class", path.className), ("d", pathData(path.commands)), ("fill", path.fill.map(paint)),
                              ("stroke", path.stroke.map(color)), ("stroke-width", path.strokeWidth.map(size2)),
                              ("stroke-linejoin", path.roundJoins ? "round" : nil)], to: &out)
            out += "/>\n"
        case let .text(text):
            let rotation = text.rotation.flatMap { $0 == 0 ? nil : "rotate(" + number($0) + " " + number(text.x) + " " + number(text.y) + ")" }
            out += "<text"
            appendAttributes([("class", text.className), ("x", number(text.x)), ("y", number(text.y)),
                              ("text-anchor", text.anchor.map(anchor)), ("dominant-baseline", text.baseline.map(baseline)),
                              ("font-size", text.fontSize.map(size2)), ("font-weight", text.fontWeight.map(weight)),
                              ("font-style", text.italic ? "italic" : nil), ("fill", text.fill.map(color)),
                              ("transform", rotation)], to: &out)
            out += ">"
            out += escape(text.text)
            out += "</text>\n"
        }
    }

    private static func pathData(_ commands: [Drawing.PathCommand]) -> String {
        commands.map { command in
            switch command {
            case let .move(x, y): return "M" + number(x) + " " + number(y)
            case let .line(x, y): return "L" + number(x) + " " + number(y)
            case let .horizontal(x): return "H" + number(x)
            case let .vertical(y): return "V" + number(y)
            }
        }.joined()
    }

    /// ` name="value"` for each attribute that has a value, in the order given, added straight to
    /// the drawing's text (a string per element cost more than the rest of the writer).
    private static func appendAttributes(_ list: [(String, String?)], to out: inout String) {
        for case let (name, value?) in list {
            out += " "
            out += name
            out += "=\""
            out += escape(value)
            out += "\""
        }
    }

    /// Coordinates to one decimal place.
    private static func number(_ value: Double) -> String { DrawingNumber.format(value) }
    /// Stroke widths, font sizes and opacities to two.
    private static func size2(_ value: Double) -> String { DrawingNumber.format(value, places: 2) }

    private static func color(_ color: Drawing.Color) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "#")]
        for channel in [color.red, color.green, color.blue] {
            bytes.append(hexDigits[Int(channel >> 4)])
            bytes.append(hexDigits[Int(channel & 15)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func paint(_ paint: Drawing.Paint) -> String {
        switch paint {
        case .none: return "none"
        case let .color(value): return color(value)
        }
    }

    private static func anchor(_ anchor: Drawing.TextAnchor) -> String {
        switch anchor {
        case .start: return "start"
        case .middle: return "middle"
        case .end: return "end"
        }
    }

    private static func baseline(_ baseline: Drawing.Baseline) -> String {
        switch baseline {
        case .alphabetic: return "alphabetic"
        case .central: return "central"
        }
    }

    private static func weight(_ weight: Drawing.FontWeight) -> String {
        switch weight {
        case .normal: return "normal"
        case .bold: return "bold"
        }
    }

    /// Text and attribute values: the five XML specials, and no control character (which XML
    /// 1.0 forbids) nor bidirectional override, whatever a spec's unit name holds.
    static func escape(_ text: String) -> String {
        MarkupText.escape(text, replacingControls: true)
    }
}
