import Foundation

/// A Mustache template's tags as a person sees them, read apart from swift-mustache to word its
/// errors: the delimiters in effect (`<% %>` in the LaTeX template) and where a section that is
/// never closed was opened (swift-mustache notices only at the end of the text).
struct MustacheTags {
    /// The first delimiters the template sets for itself (`{{=<% %>=}}` at its start), or
    /// `{{ }}`.
    let open: String
    let close: String

    init(_ text: String) {
        (open, close) = Self.setDelimiters(text[...], open: "{{", close: "}}") ?? ("{{", "}}")
    }

    /// The innermost section left open at the end of `text`: its opening tag, the tag that would
    /// close it (in the delimiters then in effect), and the line and column (from 1, in
    /// characters) where it opens.
    static func unclosedSection(in text: String) -> (opening: String, closing: String, line: Int, column: Int)? {
        var open = "{{", close = "}}"
        var stack: [(name: String, opening: String, closing: String, offset: String.Index)] = []
        var position = text.startIndex
        while let start = text[position...].range(of: open) {
            guard let end = text[start.upperBound...].range(of: close) else { break }
            let content = text[start.upperBound..<end.lowerBound]
            position = end.upperBound
            switch content.first {
            case "#", "^":
                let name = content.dropFirst().trimmingSpaces()
                stack.append((name, open + content + close, open + "/" + name + close, start.lowerBound))
            case "/":
                if stack.last?.name == content.dropFirst().trimmingSpaces() { stack.removeLast() }
            case "=":
                if let (newOpen, newClose) = setDelimiters(text[start.lowerBound...], open: open, close: close) {
                    (open, close) = (newOpen, newClose)
                    position = text[start.lowerBound...].range(of: "=" + close)?.upperBound ?? position
                }
            default: break
            }
        }
        guard let section = stack.last else { return nil }
        let before = text[..<section.offset]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return (section.opening, section.closing, line, column)
    }

    /// The delimiters a set-delimiter tag at the start of `text` sets: `{{=<% %>=}}` gives
    /// (`<%`, `%>`).
    private static func setDelimiters(_ text: Substring, open: String, close: String) -> (String, String)? {
        guard text.hasPrefix(open + "="), let end = text.range(of: "=" + close) else { return nil }
        let inner = text[text.index(text.startIndex, offsetBy: open.count + 1)..<end.lowerBound]
        let parts = inner.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else { return nil }
        return (String(parts[0]), String(parts[1]))
    }
}

private extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
