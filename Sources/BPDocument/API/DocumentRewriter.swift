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
    public func rewrite(_ blocks: [Block]) -> [Block] {
        blocks.flatMap { node in block(node) ?? [rewriteChildren(node)] }
    }

    /// The inlines rewritten, each replacement spliced in where its inline was.
    public func rewrite(_ inlines: [Inline]) -> [Inline] {
        inlines.flatMap { node in inline(node) ?? [rewriteChildren(node)] }
    }

    /// The math node rewritten: its replacement, or itself with its children rewritten.
    public func rewrite(_ node: MathNode) -> MathNode {
        if let replacement = math(node) { return replacement }
        switch node {
        case .number, .identifier, .symbol, .function, .text, .space, .unparsed, .blank:
            return node
        case let .written(tex, inner): return .written(tex: tex, rewrite(inner))
        case let .marked(mark, inner): return .marked(mark, rewrite(inner))
        case let .styled(variant, inner): return .styled(variant, rewrite(inner))
        case let .row(nodes): return .row(nodes.map(rewrite))
        case let .subscripted(base, sub): return .subscripted(rewrite(base), rewrite(sub))
        case let .superscripted(base, sup): return .superscripted(rewrite(base), rewrite(sup))
        case let .subsuperscripted(base, sub, sup):
            return .subsuperscripted(rewrite(base), sub: rewrite(sub), sup: rewrite(sup))
        case let .over(base, over, accent): return .over(rewrite(base), rewrite(over), accent: accent)
        case let .under(base, under, accent): return .under(rewrite(base), rewrite(under), accent: accent)
        case let .underOver(base, under, over):
            return .underOver(rewrite(base), under: rewrite(under), over: rewrite(over))
        case let .fraction(top, bottom): return .fraction(rewrite(top), rewrite(bottom))
        case let .root(index, radicand): return .root(index: index.map(rewrite), rewrite(radicand))
        case let .matrix(rows, fence): return .matrix(rows.map { $0.map(rewrite) }, fence: fence)
        case let .array(alignments, rows, header, columnRules):
            return .array(alignments: alignments, rows: rows.map { $0.map(rewrite) }, header: header, columnRules: columnRules)
        case let .aligned(rows): return .aligned(rows.map { $0.map(rewrite) })
        case let .fenced(fence, inner): return .fenced(fence, rewrite(inner))
        case let .quantity(key, inner): return .quantity(key, rewrite(inner))
        case let .linked(link, inner): return .linked(link, rewrite(inner))
        }
    }

    private func rewriteChildren(_ node: Block) -> Block {
        switch node {
        case let .heading(level, inlines, attributes): return .heading(level: level, rewrite(inlines), attributes)
        case let .paragraph(inlines): return .paragraph(rewrite(inlines))
        case let .displayMath(node): return .displayMath(rewrite(node))
        case let .bulletList(items): return .bulletList(items.map(rewrite))
        case let .orderedList(start, items): return .orderedList(start: start, items.map(rewrite))
        case let .blockQuote(blocks): return .blockQuote(rewrite(blocks))
        case .codeBlock, .thematicBreak: return node
        case let .table(table):
            var out = table
            out.caption = rewrite(table.caption)
            out.header = table.header.map(rewrite)
            out.rows = table.rows.map { $0.map(rewrite) }
            return .table(out)
        case let .figure(figure):
            var out = figure
            out.caption = rewrite(figure.caption)
            return .figure(out)
        case let .section(attributes, blocks): return .section(attributes, rewrite(blocks))
        }
    }

    private func rewriteChildren(_ node: Inline) -> Inline {
        switch node {
        case .text, .code, .lineBreak: return node
        case let .math(node): return .math(rewrite(node))
        case let .strong(inner): return .strong(rewrite(inner))
        case let .emphasis(inner): return .emphasis(rewrite(inner))
        case let .link(target, title, inner): return .link(target: target, title: title, rewrite(inner))
        case let .span(attributes, inner): return .span(attributes, rewrite(inner))
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
