import BPDocument

/// Writes a ``Drawing`` as an SVG element: no ids, so any number of them can share a page, and
/// its `<title>` naming it for a screen reader. Attributes come in a fixed order per element,
/// the one the committed drawings have, so that a drawing's file does not change from run to run.
public enum SVGWriter {
    /// The drawing as SVG text, one element a line.
    public static func write(_ drawing: Drawing) -> String {
        var out = TextBuffer(capacity: 8192)
        out += "<svg"
        out.attribute("xmlns", "http://www.w3.org/2000/svg")
        out.attribute("class", drawing.className)
        out += " viewBox=\"0 0 "; out.number(drawing.width); out += " "; out.number(drawing.height); out += "\""
        out.attribute("width", number: drawing.width)
        out.attribute("height", number: drawing.height)
        out.attribute("role", "img")
        out.attribute("font-family", drawing.fontFamily)
        out.attribute("font-size", number: drawing.fontSize, places: 2)
        out += ">\n<title>"
        out.appendEscapingMarkup(drawing.description)
        out += "</title>\n"
        for item in drawing.items { write(item, to: &out) }
        out += "</svg>\n"
        return out.text
    }

    // Attributes come in the order of the committed drawings; an attribute without a value is left out.
    private static func write(_ item: Drawing.Item, to out: inout TextBuffer) {
        switch item {
        case let .group(group):
            let style = group.style
            out += "<g"
            out.attribute("class", group.className)
            out.attribute("font-size", number: style.fontSize, places: 2)
            out.attribute("font-weight", style.fontWeight.map(weight))
            out.attribute("text-anchor", style.textAnchor.map(anchor))
            out.attribute("dominant-baseline", style.baseline.map(baseline))
            out.attribute("fill", paint: style.fill)
            out.attribute("stroke", color: style.stroke)
            out.attribute("stroke-width", number: style.strokeWidth, places: 2)
            out.attribute("stroke-opacity", number: style.strokeOpacity, places: 2)
            out += ">\n"
            for item in group.items { write(item, to: &out) }
            out += "</g>\n"
        case let .line(line):
            out += "<line"
            out.attribute("x1", number: line.x1)
            out.attribute("y1", number: line.y1)
            out.attribute("x2", number: line.x2)
            out.attribute("y2", number: line.y2)
            out.attribute("stroke", color: line.stroke)
            out.attribute("stroke-width", number: line.strokeWidth, places: 2)
            if let dashes = line.dashes {
                out += " stroke-dasharray=\""
                for (index, dash) in dashes.enumerated() {
                    if index > 0 { out += " " }
                    out.number(dash)
                }
                out += "\""
            }
            out += "/>\n"
        case let .circle(circle):
            out += "<circle"
            out.attribute("cx", number: circle.cx)
            out.attribute("cy", number: circle.cy)
            out.attribute("r", number: circle.r)
            out.attribute("fill", paint: circle.fill)
            out.attribute("stroke", color: circle.stroke)
            out.attribute("stroke-width", number: circle.strokeWidth, places: 2)
            if let tooltip = circle.tooltip {
                out += "><title>"; out.appendEscapingMarkup(tooltip); out += "</title></circle>\n"
            } else {
                out += "/>\n"
            }
        case let .rect(rect):
            out += "<rect"
            out.attribute("x", number: rect.x)
            out.attribute("y", number: rect.y)
            out.attribute("width", number: rect.width)
            out.attribute("height", number: rect.height)
            out.attribute("rx", number: rect.cornerRadius == 0 ? nil : rect.cornerRadius)
            out.attribute("fill", paint: rect.fill)
            out += "/>\n"
        case let .path(path):
            out += "<path"
            out.attribute("class", path.className)
            out += " d=\""
            for command in path.commands {
                switch command {
                case let .move(x, y): out += "M"; out.number(x); out += " "; out.number(y)
                case let .line(x, y): out += "L"; out.number(x); out += " "; out.number(y)
                case let .horizontal(x): out += "H"; out.number(x)
                case let .vertical(y): out += "V"; out.number(y)
                }
            }
            out += "\""
            out.attribute("fill", paint: path.fill)
            out.attribute("stroke", color: path.stroke)
            out.attribute("stroke-width", number: path.strokeWidth, places: 2)
            if path.roundJoins { out += " stroke-linejoin=\"round\"" }
            out += "/>\n"
        case let .text(text):
            out += "<text"
            out.attribute("class", text.className)
            out.attribute("x", number: text.x)
            out.attribute("y", number: text.y)
            out.attribute("text-anchor", text.anchor.map(anchor))
            out.attribute("dominant-baseline", text.baseline.map(baseline))
            out.attribute("font-size", number: text.fontSize, places: 2)
            out.attribute("font-weight", text.fontWeight.map(weight))
            if text.italic { out += " font-style=\"italic\"" }
            out.attribute("fill", color: text.fill)
            if let rotation = text.rotation, rotation != 0 {
                out += " transform=\"rotate("; out.number(rotation); out += " "; out.number(text.x); out += " "; out.number(text.y); out += ")\""
            }
            out += ">"
            out.appendEscapingMarkup(text.text)
            out += "</text>\n"
        }
    }

    fileprivate static func color(_ color: Drawing.Color, into out: inout TextBuffer) {
        out += "#"
        for channel in [color.red, color.green, color.blue] {
            out.append(byte: hexDigits[Int(channel >> 4)])
            out.append(byte: hexDigits[Int(channel & 15)])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func anchor(_ anchor: Drawing.TextAnchor) -> StaticString {
        switch anchor {
        case .start: return "start"
        case .middle: return "middle"
        case .end: return "end"
        }
    }

    private static func baseline(_ baseline: Drawing.Baseline) -> StaticString {
        switch baseline {
        case .alphabetic: return "alphabetic"
        case .central: return "central"
        }
    }

    private static func weight(_ weight: Drawing.FontWeight) -> StaticString {
        switch weight {
        case .normal: return "normal"
        case .bold: return "bold"
        }
    }
}

extension TextBuffer {
    /// ` name="value"`, the value escaped as markup; nothing without a value.
    @_disfavoredOverload
    fileprivate mutating func attribute(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        self += " "; self += name; self += "=\""
        appendEscapingMarkup(value)
        self += "\""
    }

    /// ` name="value"` for a keyword, which needs no escaping.
    fileprivate mutating func attribute(_ name: StaticString, _ value: StaticString?) {
        guard let value else { return }
        self += " "; self += name; self += "=\""; self += value; self += "\""
    }

    /// ` name="1.5"`: coordinates to one decimal place; stroke widths, font sizes and opacities to two.
    fileprivate mutating func attribute(_ name: StaticString, number value: Double?, places: Int = 1) {
        guard let value else { return }
        self += " "; self += name; self += "=\""
        number(value, places: places)
        self += "\""
    }

    fileprivate mutating func attribute(_ name: StaticString, color value: Drawing.Color?) {
        guard let value else { return }
        self += " "; self += name; self += "=\""
        SVGWriter.color(value, into: &self)
        self += "\""
    }

    fileprivate mutating func attribute(_ name: StaticString, paint value: Drawing.Paint?) {
        guard let value else { return }
        self += " "; self += name; self += "=\""
        switch value {
        case .none: self += "none"
        case let .color(color): SVGWriter.color(color, into: &self)
        }
        self += "\""
    }

    fileprivate mutating func number(_ value: Double, places: Int = 1) {
        DrawingNumber.append(value, places: places, into: &self)
    }

    /// Text and attribute values: the five XML specials, and no control character (which XML
    /// 1.0 forbids) nor bidirectional override, whatever a spec's unit name holds.
    fileprivate mutating func appendEscapingMarkup(_ text: String) {
        self += MarkupText.escape(text, replacingControls: true)
    }
}
