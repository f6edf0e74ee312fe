import BPDocument

/// Writes a ``Document`` as Markdown with `$...$` and `$$...$$` math, readable on GitHub, by
/// pandoc and in Jupyter: display math stands in a paragraph of its own, and text outside math
/// is escaped so it cannot turn into emphasis, links or HTML.
public enum MarkdownWriter {
    public static func write(_ document: Document) -> String {
        var blocks: [String] = []
        if let title = document.title { blocks.append("# " + escape(title)) }
        blocks += document.blocks.flatMap(render)
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private static func render(_ block: Block) -> [String] {
        switch block {
        case let .heading(level, inlines):
            return [String(repeating: "#", count: max(1, min(level, 6))) + " " + inline(inlines)]
        case let .paragraph(inlines):
            return [inline(inlines)]
        case let .displayMath(node):
            return ["$$\n" + LaTeXMathWriter.write(node) + "\n$$"]
        case let .markdown(text):
            return [text.trimmingTrailingNewlines]
        case let .bulletList(items):
            return [items.map { item in
                "- " + item.flatMap(render).joined(separator: "\n\n").replacingOccurrences(of: "\n", with: "\n  ")
            }.joined(separator: "\n")]
        case let .section(_, blocks):
            return blocks.flatMap(render)
        }
    }

    private static func inline(_ inlines: [Inline]) -> String {
        inlines.map { item -> String in
            switch item {
            case let .text(text): return escape(text)
            case let .math(node): return "$" + LaTeXMathWriter.write(node) + "$"
            case let .strong(inner): return "**" + inline(inner) + "**"
            case let .emphasis(inner): return "*" + inline(inner) + "*"
            }
        }.joined()
    }

    /// Backslash-escapes what CommonMark, GitHub and Jupyter would read as markup. Square
    /// brackets are left alone unless they could form a link: `\[` is display math to MathJax.
    static func escape(_ text: String) -> String {
        let linkLike = text.contains("](") || text.contains("][") || text.contains("]:")
        var out = ""
        for character in text {
            switch character {
            case "\\", "*", "_", "`", "<", ">", "$", "~", "|": out += "\\" + String(character)
            case "[" where linkLike, "]" where linkLike: out += "\\" + String(character)
            case "\n": out += " "
            default: out.append(character)
            }
        }
        if let first = out.first, first == "#" || first == "-" || first == "+" || first == "=" {
            out = "\\" + out
        }
        return out
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var s = Substring(self)
        while s.last == "\n" { s = s.dropLast() }
        return String(s)
    }
}
