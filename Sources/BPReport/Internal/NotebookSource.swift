import FoundationEssentials

/// A notebook split into the lecturer's prose and the ```` ```network ```` cells between it.
/// Only fences at the top level (indented at most three spaces) open cells; a cell's fence
/// inside another code block is just code.
struct NotebookSource {
    enum Part {
        /// Markdown, starting at `firstLine` of the notebook.
        case prose(String, firstLine: Int)
        case cell(NetworkCell)
    }

    /// One ```` ```network id=p1 ```` cell.
    struct NetworkCell {
        var id: String?
        /// `show=diagram`: the cell draws its network and works nothing out.
        var diagramOnly = false
        /// The spec, with the fence's indentation taken off each line.
        var yaml: String
        /// The notebook line of the opening fence, and of the spec's first line.
        var fenceLine: Int
        var firstLine: Int
        /// Spaces taken off the start of each line (the fence's indentation).
        var indent: Int
    }

    /// A problem with the cells' fences, at a notebook line.
    struct Failure: Error {
        var line: Int
        var column: Int
        var message: String
    }

    static func split(_ text: String) throws(Failure) -> [Part] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var parts: [Part] = []
        var prose: [String] = []
        var proseStart = 1
        var otherFence: (character: Character, count: Int)?
        var index = 0
        func flushProse(nextLine: Int) {
            if !prose.isEmpty && !prose.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
                parts.append(.prose(prose.joined(separator: "\n"), firstLine: proseStart))
            }
            prose = []
            proseStart = nextLine
        }
        while index < lines.count {
            let line = lines[index]
            let fence = Self.fence(line)
            if let open = otherFence {
                // Inside a code block of the prose: only its own closing fence ends it.
                if let fence, fence.character == open.character, fence.count >= open.count, fence.info.isEmpty { otherFence = nil }
                prose.append(line)
                index += 1
                continue
            }
            guard let fence else {
                prose.append(line)
                index += 1
                continue
            }
            let words = fence.info.split(separator: " ").map(String.init)
            guard words.first == "network" else {
                otherFence = (fence.character, fence.count)
                prose.append(line)
                index += 1
                continue
            }
            var id: String?
            var diagramOnly = false
            for word in words.dropFirst() {
                if word == "show=diagram" {
                    diagramOnly = true
                    continue
                }
                guard word.hasPrefix("id="), word.count > 3 else {
                    throw Failure(line: index + 1, column: fence.indent + 1,
                                  message: "a network cell's fence takes only id=NAME and show=diagram after 'network', not '\(word)'")
                }
                id = String(word.dropFirst(3))
            }
            // The spec runs to a closing fence of the same character, at least as long.
            var end = index + 1
            while end < lines.count {
                if let close = Self.fence(lines[end]), close.character == fence.character, close.count >= fence.count, close.info.isEmpty { break }
                end += 1
            }
            guard end < lines.count else {
                throw Failure(line: index + 1, column: fence.indent + 1,
                              message: "this network cell is never closed (no closing \(String(repeating: fence.character, count: fence.count)))")
            }
            flushProse(nextLine: end + 2)
            let body = lines[(index + 1)..<end].map { line -> String in
                String(line.dropFirst(min(fence.indent, line.prefix { $0 == " " }.count)))
            }
            parts.append(.cell(NetworkCell(id: id, diagramOnly: diagramOnly, yaml: body.joined(separator: "\n") + "\n", fenceLine: index + 1,
                                           firstLine: index + 2, indent: fence.indent)))
            index = end + 1
        }
        flushProse(nextLine: lines.count + 1)
        return parts
    }

    /// A fence line: up to three spaces, three or more backticks or tildes, an info string.
    private static func fence(_ line: String) -> (character: Character, count: Int, info: String, indent: Int)? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let first = rest.first, first == "`" || first == "~" else { return nil }
        let count = rest.prefix { $0 == first }.count
        guard count >= 3 else { return nil }
        let info = rest.dropFirst(count).trimmingWhiteSpace()
        if first == "`" && info.contains("`") { return nil }
        return (first, count, info, indent)
    }
}
