/// A Mustache template, parsed once and rendered for every page: the spec's variables
/// (`{{name}}`, escaped; `{{{name}}}` and `{{&name}}`, as they are; dotted names and `{{.}}`),
/// sections and inverted sections, comments and set-delimiter tags (`{{=<% %>=}}`), with its
/// rule that a line holding only a section, comment or delimiter tag is left out whole.
///
/// A template is one file, so partials, inheritance and swift-mustache's transforms are refused
/// with a message rather than written as nothing. Bytes are read, not `Character`s: a page
/// template is parsed in a few microseconds, where swift-mustache spent milliseconds.
struct MustacheTemplate: Sendable {
    /// How `{{name}}` writes its text (`{{{name}}}` and `{{&name}}` never escape).
    enum Escaping: Sendable {
        /// `& < > " '` as entities: the page's values are plain text.
        case html
        /// As it is: the LaTeX template's values are LaTeX already.
        case none
    }

    /// A name as written, split at its dots; empty for `.`, the value a section is at.
    typealias Name = [String]

    private indirect enum Node: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, inverted: Bool, [Node])
    }

    private let nodes: [Node]
    private let escaping: Escaping

    /// Parses `text`; a broken template is a ``TemplateError`` naming `path`, the line and the
    /// column (from 1, in characters) of the tag at fault, in the delimiters then in effect.
    init(_ text: String, path: String, escaping: Escaping) throws(TemplateError) {
        var parser = Parser(bytes: Array(text.utf8), path: path)
        nodes = try parser.parse()
        self.escaping = escaping
    }

    /// The template written with `context`; a name the context lacks is written as nothing.
    func render(_ context: MustacheValue) -> String {
        var out = ""
        var stack = [context]
        render(nodes, stack: &stack, into: &out)
        return out
    }

    private func render(_ nodes: [Node], stack: inout [MustacheValue], into out: inout String) {
        for node in nodes {
            switch node {
            case let .text(text):
                out += text
            case let .variable(name, escaped):
                guard let value = Self.resolve(name, in: stack) else { continue }
                switch value {
                case let .text(text): out += escaped && escaping == .html ? MarkupText.escape(text, replacingControls: false) : text
                case let .flag(flag): out += flag ? "true" : "false"
                case .map, .list: break
                }
            case let .section(name, inverted, children):
                let value = Self.resolve(name, in: stack)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(children, stack: &stack, into: &out) }
                    continue
                }
                guard let value, value.isTruthy else { continue }
                switch value {
                case let .list(items):
                    for item in items {
                        stack.append(item)
                        render(children, stack: &stack, into: &out)
                        stack.removeLast()
                    }
                case .flag:
                    render(children, stack: &stack, into: &out)
                case .text, .map:
                    stack.append(value)
                    render(children, stack: &stack, into: &out)
                    stack.removeLast()
                }
            }
        }
    }

    /// The spec's lookup: the first name from the innermost context that has it, the rest of a
    /// dotted name within what it found (a broken chain is nothing, not an outer value).
    private static func resolve(_ name: Name, in stack: [MustacheValue]) -> MustacheValue? {
        guard let first = name.first else { return stack.last }
        guard var value = stack.reversed().lazy.compactMap({ $0[first] }).first else { return nil }
        for part in name.dropFirst() {
            guard let next = value[part] else { return nil }
            value = next
        }
        return value
    }
}

extension MustacheTemplate {
    /// Reads a template's bytes into nodes, one tag at a time.
    private struct Parser {
        let bytes: [UInt8]
        let path: String
        private var open: [UInt8] = Array("{{".utf8)
        private var close: [UInt8] = Array("}}".utf8)

        /// A section being read: its name, its opening tag as written and where it starts.
        private struct OpenSection {
            let name: String
            let path: Name
            let inverted: Bool
            let opening: String
            let closing: String
            let offset: Int
            var nodes: [Node] = []
        }

        init(bytes: [UInt8], path: String) {
            self.bytes = bytes
            self.path = path
        }

        mutating func parse() throws(TemplateError) -> [Node] {
            var sections: [OpenSection] = []
            var nodes: [Node] = []
            var textStart = 0
            var position = 0

            func append(_ node: Node) {
                if sections.isEmpty { nodes.append(node) } else { sections[sections.count - 1].nodes.append(node) }
            }
            func appendText(_ range: Range<Int>) {
                if !range.isEmpty { append(.text(String(decoding: bytes[range], as: UTF8.self))) }
            }

            while let tagStart = find(open, from: position) {
                let contentStart = tagStart + open.count
                let type: UInt8? = contentStart < bytes.count ? bytes[contentStart] : nil
                // `{{{name}}}` ends with `}` before the closing delimiter, `{{=a b=}}` with `=`.
                let terminator: [UInt8] = switch type {
                case UInt8(ascii: "{"): [UInt8(ascii: "}")] + close
                case UInt8(ascii: "="): [UInt8(ascii: "=")] + close
                default: close
                }
                guard let contentEnd = find(terminator, from: type == UInt8(ascii: "{") || type == UInt8(ascii: "=") ? contentStart + 1 : contentStart) else {
                    throw error(at: tagStart, "the tag is never closed (a \(text(open)) without its \(text(close)))")
                }
                let tagEnd = contentEnd + terminator.count
                let tag = text(open) + text(bytes[contentStart..<contentEnd]) + text(terminator)
                let kind = type.map { Character(Unicode.Scalar($0)) } ?? " "
                let name = trimmed(contentStart + (("#^/!=&{<$>".contains(kind)) ? 1 : 0)..<contentEnd)

                // A section, comment or delimiter tag alone on its line takes the line with it.
                var (before, after) = (tagStart, tagEnd)
                if "#^/!=".contains(kind), let line = standaloneLine(tagStart, tagEnd) { (before, after) = line }
                appendText(textStart..<max(textStart, before))
                (textStart, position) = (after, after)

                switch kind {
                case "!":
                    break
                case "#", "^":
                    let closing = text(open) + "/" + name + text(close)
                    sections.append(OpenSection(name: name, path: try self.name(name, tag: tag, at: tagStart), inverted: kind == "^",
                                                opening: tag, closing: closing, offset: tagStart))
                case "/":
                    guard let section = sections.last else {
                        throw error(at: tagStart, "the closing tag \(tag) closes no open section")
                    }
                    guard section.name == name else {
                        let (line, column) = place(section.offset)
                        throw error(at: tagStart, "the closing tag \(tag) does not match the section \(section.opening) opened at \(line):\(column)")
                    }
                    sections.removeLast()
                    append(.section(section.path, inverted: section.inverted, section.nodes))
                case "=":
                    let parts = name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                    guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                        throw error(at: tagStart, "the set-delimiter tag \(tag) must give two delimiters, without spaces or = in them, as in {{=<% %>=}}")
                    }
                    (open, close) = (Array(parts[0].utf8), Array(parts[1].utf8))
                case ">":
                    throw error(at: tagStart, "the partial \(tag) is not supported: a template is one file")
                case "<", "$":
                    throw error(at: tagStart, "the tag \(tag) is template inheritance, which is not supported: a template is one file")
                case "&", "{":
                    append(.variable(try self.name(name, tag: tag, at: tagStart), escaped: false))
                default:
                    append(.variable(try self.name(name, tag: tag, at: tagStart), escaped: true))
                }
            }
            appendText(textStart..<bytes.count)
            if let section = sections.last {
                throw error(at: section.offset, "the section \(section.opening) is never closed with \(section.closing)")
            }
            return nodes
        }

        /// A tag's name split at its dots, or why it cannot be one.
        private func name(_ name: String, tag: String, at offset: Int) throws(TemplateError) -> Name {
            if name.isEmpty { throw error(at: offset, "the tag \(tag) has no name") }
            if name.contains("(") { throw error(at: offset, "the tag \(tag) applies a function, which templates here do not have") }
            if name == "." { return [] }
            let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if parts.contains(where: \.isEmpty) { throw error(at: offset, "the tag \(tag) has an empty part in its dotted name") }
            return parts
        }

        /// The line around a tag when nothing but spaces and tabs share it: from the line's start
        /// to past its end of line (or the end of the text).
        private func standaloneLine(_ tagStart: Int, _ tagEnd: Int) -> (Int, Int)? {
            var start = tagStart
            while start > 0, bytes[start - 1] != UInt8(ascii: "\n") {
                guard bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") else { return nil }
                start -= 1
            }
            var end = tagEnd
            while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
            if end == bytes.count { return (start, end) }
            if bytes[end] == UInt8(ascii: "\n") { return (start, end + 1) }
            if bytes[end] == UInt8(ascii: "\r"), end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "\n") { return (start, end + 2) }
            return nil
        }

        private func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard let first = needle.first, start + needle.count <= bytes.count else { return nil }
            var index = start
            let last = bytes.count - needle.count
            while index <= last {
                if bytes[index] == first {
                    var matched = 1
                    while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return index }
                }
                index += 1
            }
            return nil
        }

        private func trimmed(_ range: Range<Int>) -> String {
            var (lower, upper) = (range.lowerBound, range.upperBound)
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            return String(decoding: bytes[lower..<upper], as: UTF8.self)
        }

        private func text(_ slice: some Collection<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }

        /// The line and column (from 1, in characters) of a byte offset.
        private func place(_ offset: Int) -> (line: Int, column: Int) {
            let before = bytes[..<offset]
            let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
        }

        private func error(at offset: Int, _ message: String) -> TemplateError {
            let (line, column) = place(offset)
            return TemplateError(message: "\(path):\(line):\(column): not a valid Mustache template: \(message)")
        }
    }
}
