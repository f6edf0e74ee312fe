import Yams

/// Refuses a node tree that nests lists and mappings deeper than the limit, at the first node
/// past it. A spec needs fewer than ten levels; hundreds only strain every recursive walk after
/// this one. Aliases share nodes, so a tiny text can stand for billions of them: the walk
/// looks at most ``maxVisits`` nodes (scalars are never pushed) and leaves the
/// rest to the parser's value budget, which names its own limit; past that many, a deep list
/// is still refused by the parser (a number or name expected) or by the YAML reader's cap.
enum NestingGuard {
    static let maxVisits = 1_000_000

    static func check(_ root: Node, limit: Int, file: String?) throws(SpecError) {
        var stack: [(node: Node, depth: Int)] = [(root, 1)]
        var remaining = maxVisits
        while let (node, depth) = stack.popLast() {
            if depth > limit {
                throw SpecError(file: file, line: node.mark?.line, column: node.mark?.column,
                                message: message(limit: limit))
            }
            switch node {
            case let .sequence(sequence):
                remaining -= sequence.count
                if remaining < 0 { return }
                // By index: `sequence.reversed()` makes a ReversedCollection of Yams's type, whose
                // metadata a fresh process builds from its mangled name (a conformance search).
                for index in (sequence.startIndex..<sequence.endIndex).reversed() where sequence[index].isCollection {
                    stack.append((sequence[index], depth + 1))
                }
            case let .mapping(mapping):
                remaining -= 2 * mapping.count
                if remaining < 0 { return }
                // Only collections are pushed, and most values are scalars: no pair is copied
                // for them.
                for (key, value) in mapping.reversed() where key.isCollection || value.isCollection {
                    if value.isCollection { stack.append((value, depth + 1)) }
                    if key.isCollection { stack.append((key, depth + 1)) }
                }
            case .scalar, .alias:
                continue
            }
        }
    }

    /// The YAML reader's own cap (libyaml's `MAX_NESTING_LEVEL`), which stops the parse first
    /// when the limit is set above it.
    static let readerLimit = 1000

    static func message(limit: Int) -> String {
        // Past the reader's own cap the flag cannot help, so it is named only below it.
        limit < readerLimit ? "the spec nests deeper than \(limit) levels; raise the limit with --max-nesting-depth"
            : "the spec nests deeper than \(readerLimit) levels, as deep as the YAML reader goes"
    }
}

private extension Node {
    var isCollection: Bool {
        switch self {
        case .sequence, .mapping: return true
        case .scalar, .alias: return false
        }
    }
}
