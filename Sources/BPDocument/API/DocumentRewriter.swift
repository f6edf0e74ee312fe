/// Rewrites a document top-down: each closure may replace the node it is given (its
/// replacement is kept as it is, children and all) or return `nil` to keep the node and
/// rewrite inside it. Handouts blank the quantities this way, and a checker annotates them,
/// instead of building variants of a document by hand.
public struct DocumentRewriter {
    /// A replacement for a block (any number of blocks, none to delete it), or `nil`.
    public var block: (Block) -> [Block]?
    /// A replacement for an inline (any number, none to delete it), or `nil`.
    public var inline: (Inline) -> [Inline]?
    /// A replacement for a math node, or `nil`.
    public var math: (MathNode) -> MathNode?

    /// Each closure replaces a node or returns `nil`; by default none replaces anything.
    public init(block: @escaping (Block) -> [Block]? = { _ in nil },
                inline: @escaping (Inline) -> [Inline]? = { _ in nil },
                math: @escaping (MathNode) -> MathNode? = { _ in nil }) {
        self.block = block
        self.inline = inline
        self.math = math
    }

    /// The document with its metadata and blocks rewritten; title and language kept.
    public func rewrite(_ document: Document) -> Document {
        var out = document
        out.metadata = document.metadata.mapValues(rewrite)
        out.blocks = rewrite(document.blocks)
        return out
    }

    /// The blocks rewritten, each replacement spliced in where its block was.
    public func rewrite(_ blocks: [Block]) -> [Block] { changed(blocks) ?? blocks }

    /// The inlines rewritten, each replacement spliced in where its inline was.
    public func rewrite(_ inlines: [Inline]) -> [Inline] { changed(inlines) ?? inlines }

    /// The math node rewritten: its replacement, or itself with its children rewritten.
    public func rewrite(_ node: MathNode) -> MathNode { changed(node) ?? node }

    // Each `changed` returns nil when nothing in the node changed, so an untouched subtree is
    // kept as it is rather than rebuilt: a pass that marks a few nodes (a checker's marks, a
    // handout's blanks) then allocates for those alone.

    private func changed(_ blocks: [Block]) -> [Block]? {
        changedSplicing(blocks) { node in block(node) ?? changed(node).map { [$0] } }
    }

    private func changed(_ inlines: [Inline]) -> [Inline]? {
        changedSplicing(inlines) { node in inline(node) ?? changed(node).map { [$0] } }
    }

    /// Each element's replacement (any number of elements) spliced in where it was; nil when
    /// none was replaced.
    private func changedSplicing<Element>(_ elements: [Element], _ replacement: (Element) -> [Element]?) -> [Element]? {
        var out: [Element]?
        for (index, element) in elements.enumerated() {
            if let replaced = replacement(element) {
                if out == nil { out = Array(elements[..<index]) }
                out!.append(contentsOf: replaced)
            } else {
                out?.append(element)
            }
        }
        return out
    }

    /// Each element changed where it changed; nil when none did.
    private func changedEach<Element>(_ elements: [Element], _ change: (Element) -> Element?) -> [Element]? {
        var out: [Element]?
        for (index, element) in elements.enumerated() {
            guard let replacement = change(element) else { continue }
            if out == nil { out = elements }
            out![index] = replacement
        }
        return out
    }

    /// Two children of a node (a base and its script, a numerator and its denominator), each
    /// changed where it changed; nil when neither did. (A tuple, not an array: no allocation
    /// for the many nodes a pass leaves alone.)
    private func changed(_ a: MathNode, _ b: MathNode) -> (MathNode, MathNode)? {
        let (newA, newB) = (changed(a), changed(b))
        return newA == nil && newB == nil ? nil : (newA ?? a, newB ?? b)
    }

    /// Three children of a node, as ``changed(_:_:)``.
    private func changed(_ a: MathNode, _ b: MathNode, _ c: MathNode) -> (MathNode, MathNode, MathNode)? {
        let (newA, newB, newC) = (changed(a), changed(b), changed(c))
        return newA == nil && newB == nil && newC == nil ? nil : (newA ?? a, newB ?? b, newC ?? c)
    }

    private func changedRows(_ rows: [[MathNode]]) -> [[MathNode]]? {
        changedEach(rows) { row in changedEach(row) { changed($0) } }
    }

    private func changed(_ node: MathNode) -> MathNode? {
        if let replacement = math(node) { return replacement }
        switch node {
        case .number, .identifier, .symbol, .function, .text, .space, .unparsed, .blank:
            return nil
        case let .written(tex, inner): return changed(inner).map { .written(tex: tex, $0) }
        case let .marked(mark, inner): return changed(inner).map { .marked(mark, $0) }
        case let .styled(variant, inner): return changed(inner).map { .styled(variant, $0) }
        case let .row(nodes): return changedEach(nodes) { changed($0) }.map { .row($0) }
        case let .subscripted(base, sub): return changed(base, sub).map { .subscripted($0, $1) }
        case let .superscripted(base, sup): return changed(base, sup).map { .superscripted($0, $1) }
        case let .subsuperscripted(base, sub, sup): return changed(base, sub, sup).map { .subsuperscripted($0, sub: $1, sup: $2) }
        case let .over(base, over, accent): return changed(base, over).map { .over($0, $1, accent: accent) }
        case let .under(base, under, accent): return changed(base, under).map { .under($0, $1, accent: accent) }
        case let .underOver(base, under, over): return changed(base, under, over).map { .underOver($0, under: $1, over: $2) }
        case let .fraction(top, bottom): return changed(top, bottom).map { .fraction($0, $1) }
        case let .root(nil, radicand): return changed(radicand).map { .root(index: nil, $0) }
        case let .root(index?, radicand): return changed(index, radicand).map { .root(index: $0, $1) }
        case let .matrix(rows, fence): return changedRows(rows).map { .matrix($0, fence: fence) }
        case let .array(alignments, rows, header, columnRules):
            return changedRows(rows).map { .array(alignments: alignments, rows: $0, header: header, columnRules: columnRules) }
        case let .aligned(rows): return changedRows(rows).map { .aligned($0) }
        case let .fenced(fence, inner): return changed(inner).map { .fenced(fence, $0) }
        case let .quantity(key, inner): return changed(inner).map { .quantity(key, $0) }
        case let .linked(link, inner): return changed(inner).map { .linked(link, $0) }
        }
    }

    private func changed(_ node: Block) -> Block? {
        switch node {
        case let .heading(level, inlines, attributes): return changed(inlines).map { .heading(level: level, $0, attributes) }
        case let .paragraph(inlines): return changed(inlines).map { .paragraph($0) }
        case let .displayMath(node): return changed(node).map { .displayMath($0) }
        case let .bulletList(items): return changedEach(items) { changed($0) }.map { .bulletList($0) }
        case let .orderedList(start, items): return changedEach(items) { changed($0) }.map { .orderedList(start: start, $0) }
        case let .blockQuote(blocks): return changed(blocks).map { .blockQuote($0) }
        case .codeBlock, .thematicBreak: return nil
        case let .table(table):
            let caption = changed(table.caption)
            let header = changedEach(table.header) { changed($0) }
            let rows = changedEach(table.rows) { row in changedEach(row) { changed($0) } }
            guard caption != nil || header != nil || rows != nil else { return nil }
            var out = table
            out.caption = caption ?? table.caption
            out.header = header ?? table.header
            out.rows = rows ?? table.rows
            return .table(out)
        case let .figure(figure):
            guard let caption = changed(figure.caption) else { return nil }
            var out = figure
            out.caption = caption
            return .figure(out)
        case let .section(attributes, blocks): return changed(blocks).map { .section(attributes, $0) }
        }
    }

    private func changed(_ node: Inline) -> Inline? {
        switch node {
        case .text, .code, .lineBreak: return nil
        case let .math(node): return changed(node).map { .math($0) }
        case let .strong(inner): return changed(inner).map { .strong($0) }
        case let .emphasis(inner): return changed(inner).map { .emphasis($0) }
        case let .link(target, title, inner): return changed(inner).map { .link(target: target, title: title, $0) }
        case let .span(attributes, inner): return changed(inner).map { .span(attributes, $0) }
        }
    }

    private func rewrite(_ value: MetaValue) -> MetaValue {
        switch value {
        case .string, .bool: return value
        case let .inlines(inlines): return .inlines(rewrite(inlines))
        case let .list(items): return .list(items.map(rewrite))
        case let .map(entries): return .map(entries.mapValues(rewrite))
        }
    }
}
