import BPDocument

/// Writes a ``Document`` as Markdown with `$...$` and `$$...$$` math, readable on GitHub, by
/// pandoc and in Jupyter: display math stands in a paragraph of its own, and text outside math
/// is escaped so it cannot turn into emphasis, links or HTML. Drawings are referred to by file
/// name and returned as SVG attachments to be written beside the page.
public enum MarkdownWriter {
    /// The page's Markdown alone, without its attachments.
    public static func write(_ document: Document) -> String {
        output(document).text
    }

    /// The Markdown and the files it refers to (the drawings, as SVG).
    public static func output(_ document: Document) -> WriterOutput {
        var blocks: [String] = []
        if let title = document.title { blocks.append("# " + escape(title)) }
        blocks += document.blocks.flatMap(render)
        var attachments: [Attachment] = []
        DocumentWalker(block: { block in
            if case let .figure(figure) = block, case let .drawing(name, drawing) = figure.content {
                attachments.append(Attachment(name: name, contents: SVGWriter.write(drawing)))
            }
            return .descend
        }, math: { _ in .skipChildren }).walk(document)
        return WriterOutput(text: blocks.joined(separator: "\n\n") + "\n", attachments: attachments)
    }

    private static func render(_ block: Block) -> [String] {
        switch block {
        case let .heading(level, inlines, _):
            return [String(repeating: "#", count: max(1, min(level, 6))) + " " + inline(inlines)]
        case let .paragraph(inlines):
            return [inline(inlines)]
        case let .displayMath(node):
            return ["$$\n" + LaTeXMathWriter.write(node) + "\n$$"]
        case let .bulletList(items):
            return [items.map { "- " + indent(item: $0, by: 2) }.joined(separator: "\n")]
        case let .orderedList(start, items):
            return [items.enumerated().map { index, item in
                let marker = "\(start + index). "
                return marker + indent(item: item, by: marker.count)
            }.joined(separator: "\n")]
        case let .blockQuote(blocks):
            return [blocks.flatMap(render).joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")]
        case let .codeBlock(language, text):
            // A fence longer than any run of backticks inside.
            let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: text) + 1))
            let body = text.hasSuffix("\n") ? text : text + "\n"
            return [fence + (language ?? "") + "\n" + body + fence]
        case let .table(table):
            return [pipeTable(table)]
        case let .figure(figure):
            let caption = inline(figure.caption)
            switch figure.content {
            // The caption also under the drawing, as the HTML's figcaption shows it: GitHub and
            // Jupyter show an image's alt text only when the image fails.
            case let .drawing(name, _): return ["![" + caption + "](" + destination(name) + ")" + (caption.isEmpty ? "" : "\n\n" + caption)]
            case let .image(source, alternative):
                return ["![" + escape(alternative) + "](" + destination(source) + ")" + (caption.isEmpty ? "" : "\n\n" + caption)]
            }
        case .thematicBreak:
            return ["---"]
        case let .section(_, blocks):
            return blocks.flatMap(render)
        }
    }

    private static func indent(item: [Block], by width: Int) -> String {
        item.flatMap(render).joined(separator: "\n\n")
            .replacingAll("\n", with: "\n" + String(repeating: " ", count: width))
    }

    private static func pipeTable(_ table: Table) -> String {
        func row(_ cells: [[Inline]]) -> String { "| " + cells.map(inline).joined(separator: " | ") + " |" }
        let rule = "|" + table.alignments.map { alignment -> String in
            switch alignment { case .left: return ":---"; case .center: return ":---:"; case .right: return "---:" }
        }.joined(separator: "|") + "|"
        var lines = [row(table.header), rule] + table.rows.map(row)
        if !table.caption.isEmpty { lines += ["", inline(table.caption)] }
        return lines.joined(separator: "\n")
    }

    private static func inline(_ inlines: [Inline]) -> String {
        inlines.map { item -> String in
            switch item {
            case let .text(text): return escape(text)
            case let .math(node): return "$" + LaTeXMathWriter.write(node) + "$"
            case let .strong(inner): return "**" + inline(inner) + "**"
            case let .emphasis(inner): return "*" + inline(inner) + "*"
            case let .code(text):
                let ticks = String(repeating: "`", count: longestRun(of: "`", in: text) + 1)
                let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
                return ticks + pad + text + pad + ticks
            case let .link(target, title, inner):
                let titlePart = title.map { " \"" + $0.replacingAll("\"", with: "\\\"") + "\"" } ?? ""
                return "[" + inline(inner) + "](" + destination(target) + titlePart + ")"
            case .lineBreak: return "\\\n"
            case let .span(_, inner): return inline(inner)
            }
        }.joined()
    }

    /// A link destination, in angle brackets when it has spaces or parentheses.
    private static func destination(_ target: String) -> String {
        guard target.contains(where: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" }) else { return target }
        return "<" + target.replacingAll("<", with: "%3C").replacingAll(">", with: "%3E") + ">"
    }

    private static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0, current = 0
        for c in text {
            current = c == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    /// Backslash-escapes what CommonMark, GitHub and Jupyter would read as markup. Square
    /// brackets are left alone unless they could form a link: `\[` is display math to MathJax.
    static func escape(_ text: String) -> String {
        // A text whose ASCII characters each stand alone as a Character (no `\r\n`, no combining
        // mark, as in a report's prose) is escaped byte by byte: the same steps at a fraction of
        // the cost (a switch over Characters compares strings).
        if text.unicodeScalars.allSatisfy(standsAlone) { return escapeBytes(text) }
        return escapeCharacters(text)
    }

    /// ``escape(_:)`` Character by Character, for any text (a test holds the byte reading to it).
    static func escapeCharacters(_ text: String) -> String {
        // One pass over the characters: Foundation's `contains` (a CFString search each) was
        // most of the time of this function, called for every run of text in a report.
        var linkLike = false
        var ampersand = false
        var previous: Character = " "
        for character in text {
            if previous == "]" && (character == "(" || character == "[" || character == ":") { linkLike = true }
            if character == "&" { ampersand = true }
            previous = character
        }
        var out = ""
        // Looked ahead in only when an `&` may start an entity: most text has none.
        let characters = ampersand ? Array(text) : []
        for (index, character) in text.enumerated() {
            switch character {
            case "\\", "*", "_", "`", "<", ">", "$", "~", "|": out += "\\" + String(character)
            case "[" where linkLike, "]" where linkLike: out += "\\" + String(character)
            // `&amp;` would be read as an entity, `&`, where the HTML shows what was written.
            case "&" where Self.startsEntity(characters, at: index): out += "\\&"
            case "\n": out += " "
            default: out.append(character)
            }
        }
        // `1. x` or `2) x` at the start would begin an ordered list.
        if let dot = out.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != out.startIndex,
           out[dot] == "." || out[dot] == ")" {
            out.insert("\\", at: dot)
        }
        if let first = out.first, first == "#" || first == "-" || first == "+" || first == "=" {
            out = "\\" + out
        }
        return out
    }
}

extension MarkdownWriter {
    /// Scalars that never share a Character with an ASCII neighbour: ASCII but `\r`, and blocks
    /// of letters, punctuation and symbols without combining marks (Latin, Greek, general
    /// punctuation, arrows and mathematical symbols, CJK, Hangul syllables).
    private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x0C, 0x0E...0x7F, 0xA0...0x2FF, 0x370...0x3FF, 0x2010...0x2027, 0x2030...0x205E, 0x2070...0x20CF: return true
        case 0x2100...0x2BFF, 0x3000...0x3029, 0x3030...0x3096, 0x309B...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF5E: return true
        default: return false
        }
    }

    /// ``escapeCharacters(_:)`` of a text whose ASCII characters stand alone, step by step on
    /// bytes: every rule is about ASCII characters, and other bytes are copied.
    private static func escapeBytes(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var linkLike = false
        var previous = UInt8(ascii: " ")
        for byte in bytes {
            if previous == UInt8(ascii: "]") && (byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: ":")) {
                linkLike = true
            }
            previous = byte
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "$"), UInt8(ascii: "~"), UInt8(ascii: "|"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case UInt8(ascii: "["), UInt8(ascii: "]"):
                if linkLike { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            case UInt8(ascii: "&"):
                if startsEntity(bytes, at: index) { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            case UInt8(ascii: "\n"):
                out.append(UInt8(ascii: " "))
            default:
                out.append(byte)
            }
        }
        // `1. x` or `2) x` at the start would begin an ordered list.
        if let dot = out.firstIndex(where: { $0 < UInt8(ascii: "0") || $0 > UInt8(ascii: "9") }), dot != 0,
           out[dot] == UInt8(ascii: ".") || out[dot] == UInt8(ascii: ")") {
            out.insert(UInt8(ascii: "\\"), at: dot)
        }
        if let first = out.first,
           first == UInt8(ascii: "#") || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "=") {
            out.insert(UInt8(ascii: "\\"), at: 0)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ``startsEntity(_:at:)`` on bytes: the run after `&` is ASCII, one byte a Character.
    private static func startsEntity(_ bytes: [UInt8], at index: Int) -> Bool {
        var end = index + 1
        while end < bytes.count, end - index <= 32,
              (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end]) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[end])
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) || bytes[end] == UInt8(ascii: "#") {
            end += 1
        }
        return end > index + 1 && end < bytes.count && bytes[end] == UInt8(ascii: ";")
    }

    /// Whether `&` at `index` starts what CommonMark reads as an entity or character reference
    /// (`&amp;`, `&#38;`, `&#x26;`).
    static func startsEntity(_ characters: [Character], at index: Int) -> Bool {
        var end = index + 1
        while end < characters.count, end - index <= 32, characters[end].isASCII,
              characters[end].isLetter || characters[end].isNumber || characters[end] == "#" {
            end += 1
        }
        return end > index + 1 && end < characters.count && characters[end] == ";"
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = "", rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
