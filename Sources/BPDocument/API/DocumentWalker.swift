/// Where a walk goes after visiting a node.
public enum WalkAction: Sendable {
    /// Visit the node's children next.
    case descend
    /// Go on past the node without visiting its children.
    case skipChildren
}

/// Visits every block, inline and math node of a document, parents before children, in
/// document order: the one traversal that tests, checkers and writers' helpers share instead
/// of walking the tree by hand.
public struct DocumentWalker {
    /// Called on every block before its children.
    public var block: (Block) -> WalkAction
    /// Called on every inline before its children.
    public var inline: (Inline) -> WalkAction
    /// Called on every math node before its children.
    public var math: (MathNode) -> WalkAction

    /// Each closure decides whether to go into the node's children; by default every one does.
    public init(block: @escaping (Block) -> WalkAction = { _ in .descend },
                inline: @escaping (Inline) -> WalkAction = { _ in .descend },
                math: @escaping (MathNode) -> WalkAction = { _ in .descend }) {
        self.block = block
        self.inline = inline
        self.math = math
    }

    /// Walks the metadata (in key order) and then the blocks.
    public func walk(_ document: Document) {
        for value in document.metadata.keys.sorted().compactMap({ document.metadata[$0] }) { walk(value) }
        walk(document.blocks)
    }

    /// Walks each block in order.
    public func walk(_ blocks: [Block]) {
        for item in blocks { walk(item) }
    }

    /// Visits the block and, if told to descend, everything inside it: inlines, math, nested blocks, a table's cells, a figure's caption.
    public func walk(_ node: Block) {
        guard block(node) == .descend else { return }
        switch node {
        case let .heading(_, inlines, _), let .paragraph(inlines):
            walk(inlines)
        case let .displayMath(node):
            walk(node)
        case let .bulletList(items), let .orderedList(_, items):
            for item in items { walk(item) }
        case let .blockQuote(blocks), let .section(_, blocks):
            walk(blocks)
        case .codeBlock, .thematicBreak:
            break
        case let .table(table):
            walk(table.caption)
            for cell in table.header { walk(cell) }
            for row in table.rows { for cell in row { walk(cell) } }
        case let .figure(figure):
            walk(figure.caption)
        }
    }

    /// Walks each inline in order.
    public func walk(_ inlines: [Inline]) {
        for item in inlines { walk(item) }
    }

    /// Visits the inline and, if told to descend, what it holds.
    public func walk(_ node: Inline) {
        guard inline(node) == .descend else { return }
        switch node {
        case .text, .code, .lineBreak:
            break
        case let .math(node):
            walk(node)
        case let .strong(inner), let .emphasis(inner), let .link(_, _, inner), let .span(_, inner):
            walk(inner)
        }
    }

    /// Visits the math node and, if told to descend, its children: base before scripts, numerator before denominator, matrices row by row.
    public func walk(_ node: MathNode) {
        guard math(node) == .descend else { return }
        switch node {
        case .number, .identifier, .symbol, .function, .text, .space, .unparsed, .blank:
            break
        case let .styled(_, inner), let .fenced(_, inner), let .quantity(_, inner), let .root(nil, inner), let .written(_, inner), let .marked(_, inner),
             let .linked(_, inner):
            walk(inner)
        case let .root(index?, inner):
            walk(index)
            walk(inner)
        case let .row(nodes):
            for item in nodes { walk(item) }
        case let .subscripted(base, script), let .superscripted(base, script), let .fraction(base, script),
             let .over(base, script, _), let .under(base, script, _):
            walk(base)
            walk(script)
        case let .subsuperscripted(base, sub, sup), let .underOver(base, sub, sup):
            walk(base)
            walk(sub)
            walk(sup)
        case let .matrix(rows, _), let .array(_, rows, _, _), let .aligned(rows):
            for row in rows { for cell in row { walk(cell) } }
        }
    }

    private func walk(_ value: MetaValue) {
        switch value {
        case .string, .bool: break
        case let .inlines(inlines): walk(inlines)
        case let .list(items): for item in items { walk(item) }
        case let .map(entries): for key in entries.keys.sorted() { walk(entries[key]!) }
        }
    }
}
