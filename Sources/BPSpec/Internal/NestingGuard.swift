/// Refuses a node tree that nests lists and mappings deeper than the limit, at the first node
/// past it. A spec needs fewer than ten levels; hundreds only strain every recursive walk after
/// this one. Aliases share nodes, so a tiny text can stand for billions of them: the walk
/// looks at most ``maxVisits`` nodes (scalars are never pushed) and leaves the
/// rest to the parser's value budget, which names its own limit; past that many, a deep list
/// is still refused by the parser (a number or name expected) or by the YAML reader's cap.
enum NestingGuard {
    static let maxVisits = 1_000_000

    static func check(_ root: YAMLNode, limit: Int, file: String?) throws(SpecError) {
        var stack: [(node: YAMLNode, depth: Int)] = [(root, 1)]
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
                for item in sequence.items.reversed() where item.isCollection {
                    stack.append((item, depth + 1))
                }
            case let .mapping(mapping):
                remaining -= 2 * mapping.count
                if remaining < 0 { return }
                // Only collections are pushed, and most values are scalars: no pair is copied
                // for them.
                for (key, value) in mapping.pairs.reversed() where key.isCollection || value.isCollection {
                    if value.isCollection { stack.append((value, depth + 1)) }
                    if key.isCollection { stack.append((key, depth + 1)) }
                }
            case .scalar:
                continue
            }
        }
    }

    /// The YAML reader's own cap (``YAMLComposer/readerLimit``), which stops the reading first
    /// when the limit is set above it.
    static let readerLimit = YAMLComposer.readerLimit

    static func message(limit: Int) -> String {
        // Past the reader's own cap the flag cannot help, so it is named only below it.
        limit < readerLimit ? "the spec nests deeper than \(limit) levels; raise the limit with --max-nesting-depth"
            : "the spec nests deeper than \(readerLimit) levels, as deep as the YAML reader goes"
    }
}
