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
        case let .subscripted(base, sub):
            let (newBase, newSub) = (changed(base), changed(sub))
            guard newBase != nil || newSub != nil else { return nil }
            return .subscripted(newBase ?? base, newSub ?? sub)
        case let .superscripted(base, sup):
            let (newBase, newSup) = (changed(base), changed(sup))
            guard newBase != nil || newSup != nil else { return nil }
            return .superscripted(newBase ?? base, newSup ?? sup)
        case let .subsuperscripted(base, sub, sup):
            let (newBase, newSub, newSup) = (changed(base), changed(sub), changed(sup))
            guard newBase != nil || newSub != nil || newSup != nil else { return nil }
            return .subsuperscripted(newBase ?? base, sub: newSub ?? sub, sup: newSup ?? sup)
        case let .over(base, over, accent):
            let (newBase, newOver) = (changed(base), changed(over))
            guard newBase != nil || newOver != nil else { return nil }
            return .over(newBase ?? base, newOver ?? over, accent: accent)
        case let .under(base, under, accent):
            let (newBase, newUnder) = (changed(base), changed(under))
            guard newBase != nil || newUnder != nil else { return nil }
            return .under(newBase ?? base, newUnder ?? under, accent: accent)
        case let .underOver(base, under, over):
            let (newBase, newUnder, newOver) = (changed(base), changed(under), changed(over))
            guard newBase != nil || newUnder != nil || newOver != nil else { return nil }
            return .underOver(newBase ?? base, under: newUnder ?? under, over: newOver ?? over)
        case let .fraction(top, bottom):
            let (newTop, newBottom) = (changed(top), changed(bottom))
            guard newTop != nil || newBottom != nil else { return nil }
            return .fraction(newTop ?? top, newBottom ?? bottom)
        case let .root(index, radicand):
            let (newIndex, newRadicand) = (index.flatMap(changed), changed(radicand))
            guard newIndex != nil || newRadicand != nil else { return nil }
            return .root(index: newIndex ?? index, newRadicand ?? radicand)
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
