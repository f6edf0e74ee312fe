import CYAML

/// Reads YAML text into a ``YAMLNode`` tree through libyaml's event parser (Debian's libyaml,
/// the only file that touches it). The tree is built in one pass over the events
/// (``YAMLTreeBuilder``, never by recursion, so no nesting can exhaust the stack): a list or
/// mapping past `maxDepth` stops the reading where it opens. Aliases are resolved to the
/// anchored node (shared, not copied); a key written twice in a mapping is an error.
enum YAMLComposer {
    /// libyaml's own cap on nesting in its later releases, which the composer keeps whatever
    /// the limit asked for, so that a spec reads the same with either.
    static let readerLimit = 1000

    /// The tree of the text's one document, or nil when it holds none (only comments, or
    /// nothing), and whether any alias was used (only an alias can nest a node deeper than it
    /// is written). `maxDepth` counts the top node as level 1.
    static func compose(_ text: String, maxDepth: Int) throws(YAMLError) -> (root: YAMLNode?, aliased: Bool) {
        var text = text
        let result: Result<(root: YAMLNode?, aliased: Bool), YAMLError> = text.withUTF8 { bytes in
            var composer = Composer(maxDepth: min(maxDepth, readerLimit))
            return composer.run(bytes).map { ($0, composer.aliased) }
        }
        return try result.get()
    }

    private struct Composer {
        let maxDepth: Int
        var tree = YAMLTreeBuilder()
        /// Each anchor's node; a later anchor of the same name takes its place.
        var anchors: [String: YAMLNode] = [:]
        /// Anchors of the open lists and mappings, innermost last: a node is anchored once complete.
        var openAnchors: [String?] = []
        var documents = 0
        var aliased = false

        init(maxDepth: Int) {
            self.maxDepth = maxDepth
        }

        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<YAMLNode?, YAMLError> {
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .failure(.memory) }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            // libyaml asserts a non-null input, which an empty string's buffer need not have.
            let empty: [UInt8] = [0]
            return empty.withUnsafeBufferPointer { fallback in
                yaml_parser_set_input_string(&parser, bytes.baseAddress ?? fallback.baseAddress, bytes.count)
                var event = yaml_event_t()
                while true {
                    guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(Self.error(of: parser)) }
                    defer { yaml_event_delete(&event) }
                    do throws(YAMLError) {
                        if try handle(event) { return .success(tree.root) }
                    } catch {
                        return .failure(error)
                    }
                }
            }
        }

        /// Takes one event into the tree; true at the end of the stream.
        mutating func handle(_ event: yaml_event_t) throws(YAMLError) -> Bool {
            let mark = YAMLNode.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return true
            case YAML_DOCUMENT_START_EVENT:
                // As Yams read a spec: one document, the second refused where it starts.
                documents += 1
                if documents > 1 {
                    throw .syntax(context: "expected a single document in the stream", problem: "but found another document", mark: mark)
                }
            case YAML_ALIAS_EVENT:
                let name = String(cString: event.data.alias.anchor)
                guard let node = anchors[name] else { throw .syntax(context: nil, problem: "found undefined alias", mark: mark) }
                aliased = true
                tree.add(node)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let node = YAMLNode.scalar(YAMLNode.Scalar(
                    string: String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self), mark: mark))
                if let anchor = scalar.anchor { anchors[String(cString: anchor)] = node }
                tree.add(node)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if tree.depth + 1 > maxDepth { throw .tooDeep(mark: mark) }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                tree.open(mapping: isMapping, at: mark)
                openAnchors.append(anchor.map { String(cString: $0) })
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let node = tree.close()
                if case let .mapping(mapping) = node { try Self.checkDuplicates(mapping.pairs) }
                // Anchored once complete: an alias inside its own anchor is undefined, as in Yams.
                if let anchor = openAnchors.removeLast() { anchors[anchor] = node }
            default:
                break
            }
            return false
        }

        /// Refuses a mapping that writes a key twice, naming every such key (sorted) at the
        /// first place of the first, as Yams did.
        static func checkDuplicates(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(YAMLError) {
            var seen = Set<String>(), repeated = Set<String>()
            for pair in pairs { if let key = pair.key.string, !seen.insert(key).inserted { repeated.insert(key) } }
            let duplicates = repeated.sorted()
            guard !duplicates.isEmpty else { return }
            let first = pairs.first { $0.key.string == duplicates[0] }?.key.mark ?? YAMLNode.Mark(line: 1, column: 1)
            throw .duplicateKeys(duplicates, mark: first)
        }

        static func error(of parser: yaml_parser_t) -> YAMLError {
            let mark = YAMLNode.Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
            switch parser.error {
            case YAML_MEMORY_ERROR: return .memory
            case YAML_READER_ERROR: return .reader(problem: problem)
            default: return .syntax(context: parser.context.map { String(cString: $0) }, problem: problem, mark: mark)
            }
        }
    }
}
