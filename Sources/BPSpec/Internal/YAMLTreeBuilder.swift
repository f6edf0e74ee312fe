/// Builds a ``YAMLNode`` tree from its pieces in reading order, for both spec readers
/// (libyaml's events in ``YAMLComposer``, and ``JSONSyntax``): a stack of the lists and
/// mappings still open, never recursion, so no nesting can exhaust the stack.
struct YAMLTreeBuilder {
    /// A list or mapping not yet closed, and what it holds so far.
    private struct Frame {
        let isMapping: Bool
        let mark: YAMLNode.Mark
        var items: [YAMLNode] = []
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        /// A mapping's key read, its value not yet.
        var key: YAMLNode?
    }

    private var stack: [Frame] = []
    /// The tree, once its top node is finished.
    private(set) var root: YAMLNode?

    /// How many lists and mappings are open.
    var depth: Int { stack.count }
    /// Whether the innermost open node is a mapping; nil when none is open.
    var innermostIsMapping: Bool? { stack.last?.isMapping }
    /// Where the innermost open node starts.
    var innermostMark: YAMLNode.Mark? { stack.last?.mark }

    /// Opens a mapping, or a list, starting at `mark`.
    mutating func open(mapping: Bool, at mark: YAMLNode.Mark) {
        stack.append(Frame(isMapping: mapping, mark: mark))
    }

    /// A finished node to the innermost open list or mapping (a key, then its value), or the
    /// root when none is open.
    mutating func add(_ node: YAMLNode) {
        guard !stack.isEmpty else { root = node; return }
        let top = stack.count - 1
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].key {
            stack[top].pairs.append((key, node))
            stack[top].key = nil
        } else {
            stack[top].key = node
        }
    }

    /// Closes the innermost open node, adds it where it stands, and returns it. A list is cut
    /// to its length: a large spec's lists of numbers are most of its memory.
    @discardableResult
    mutating func close() -> YAMLNode {
        let frame = stack.removeLast()
        let node: YAMLNode = frame.isMapping
            ? .mapping(YAMLNode.Mapping(pairs: frame.pairs, mark: frame.mark))
            : .sequence(YAMLNode.Sequence(items: frame.items.withUnsafeBufferPointer { Array($0) }, mark: frame.mark))
        add(node)
        return node
    }
}
