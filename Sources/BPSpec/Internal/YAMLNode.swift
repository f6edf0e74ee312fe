/// A node of a spec's YAML (or JSON) document, as the spec's reader reads it: the text of a
/// scalar, the pairs of a mapping in the order written, the items of a list, each marked with
/// where it starts (line and column from 1, as libyaml counts them, columns in code points).
/// No tags or styles: the spec reads every scalar by its own number and name syntax.
/// Aliases are resolved when the tree is made: an alias is the anchored node itself, shared.
enum YAMLNode {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// Where a node starts.
    struct Mark: Equatable {
        var line: Int
        var column: Int
    }

    struct Scalar {
        /// The scalar's value, after YAML's quoting and folding.
        let string: String
        let mark: Mark
    }

    /// A mapping's pairs, in the order written.
    struct Mapping: RandomAccessCollection {
        let pairs: [(key: YAMLNode, value: YAMLNode)]
        let mark: Mark
        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }
    }

    /// A list's items.
    struct Sequence: RandomAccessCollection {
        let items: [YAMLNode]
        let mark: Mark
        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(position: Int) -> YAMLNode { items[position] }
    }

    /// Where the node starts. (Optional for the places that report a position when there is one.)
    var mark: Mark? {
        switch self {
        case let .scalar(scalar): return scalar.mark
        case let .mapping(mapping): return mapping.mark
        case let .sequence(sequence): return sequence.mark
        }
    }

    /// The scalar's text, or nil for a mapping or a list.
    var string: String? {
        if case let .scalar(scalar) = self { return scalar.string }
        return nil
    }

    var isCollection: Bool {
        if case .scalar = self { return false }
        return true
    }
}
