import BPDocument
import Testing

/// A document that nests every container: sections, lists, quotes, tables, figures, spans,
/// links, metadata and math of every shape. Identifiers are named in document order.
let nested = Document(title: "t", language: "en", metadata: ["b": .inlines([.math(.id("m2"))]), "a": .inlines([.math(.id("m1"))])], blocks: [
    .heading(level: 1, [.math(.id("h"))]),
    .section(role: "given", [
        .paragraph([.text("x"), .strong([.emphasis([.math(.id("p1"))])]), .link(target: "#a", title: nil, [.math(.id("p2"))])]),
        .bulletList([[.paragraph([.math(.id("l1"))])], [.blockQuote([.paragraph([.math(.id("l2"))])])]]),
    ]),
    .displayMath(.row([
        .sub(.id("d1"), .id("d2")),
        .quantity(QuantityKey(step: 1, layer: 2, quantity: .z), .matrix([[.id("q1"), .id("q2")]])),
        .fraction(.root(index: .id("r1"), .id("r2")), .underOver(.symbol(.sum), under: .id("u1"), over: .id("u2"))),
        .linked(MathLink(group: "g", role: .entries),
                .fenced(.braces, .styled(.bold, .over(.id("o1"), .symbol(MathSymbol.named("\\hat")!), accent: true)))),
    ])),
    .table(Table(caption: [.math(.id("c"))], alignments: [.left], header: [[.math(.id("th"))]], rows: [[[.span(.none, [.math(.id("td"))])]]])),
    .figure(Figure(content: .image(source: "x.png", alternative: "x"), caption: [.math(.id("f"))])),
    .orderedList(start: 1, [[.paragraph([.math(.id("ol"))])]]),
])

@Suite struct DocumentWalkerTests {
    @Test func visitsEveryMathNodeInDocumentOrder() {
        var names: [String] = []
        DocumentWalker(math: { node in
            if case let .identifier(name) = node { names.append(name) }
            return .descend
        }).walk(nested)
        #expect(names == ["m1", "m2", "h", "p1", "p2", "l1", "l2", "d1", "d2", "q1", "q2", "r1", "r2", "u1", "u2", "o1",
                          "c", "th", "td", "f", "ol"])
    }

    @Test func visitsBlocksParentsFirstAndInlinesInside() {
        var kinds: [String] = []
        DocumentWalker(block: { block in
            switch block {
            case .heading: kinds.append("heading")
            case .section: kinds.append("section")
            case .paragraph: kinds.append("paragraph")
            case .bulletList: kinds.append("bullets")
            case .blockQuote: kinds.append("quote")
            case .displayMath: kinds.append("display")
            case .table: kinds.append("table")
            case .figure: kinds.append("figure")
            case .orderedList: kinds.append("ordered")
            default: kinds.append("other")
            }
            return .descend
        }).walk(nested.blocks)
        #expect(kinds == ["heading", "section", "paragraph", "bullets", "paragraph", "quote", "paragraph", "display",
                          "table", "figure", "ordered", "paragraph"])
        var links = 0
        DocumentWalker(inline: { inline in
            if case .link = inline { links += 1 }
            return .descend
        }).walk(nested)
        #expect(links == 1)
    }

    @Test func skippingChildrenLeavesAQuantitysContentsUnvisited() {
        var keys: [String] = []
        var names: [String] = []
        DocumentWalker(math: { node in
            switch node {
            case let .quantity(key, _): keys.append(key.description); return .skipChildren
            case let .identifier(name): names.append(name); return .descend
            default: return .descend
            }
        }).walk(nested)
        #expect(keys == ["s1.l2.z"])
        #expect(!names.contains("q1") && !names.contains("q2"))
        #expect(names.contains("d2") && names.contains("r1"))
    }

    @Test func skippingASectionSkipsEverythingInIt() {
        var names: [String] = []
        DocumentWalker(block: { block in
            if case .section = block { return .skipChildren }
            return .descend
        }, math: { node in
            if case let .identifier(name) = node { names.append(name) }
            return .descend
        }).walk(nested.blocks)
        #expect(names.first == "h")
        #expect(!names.contains("p1") && !names.contains("l2"))
    }
}

@Suite struct DocumentRewriterTests {
    @Test func blankingQuantitiesReplacesOnlyThem() {
        let blank = MathNode.text("____")
        let rewritten = DocumentRewriter(math: { node in
            if case .quantity = node { return blank }
            return nil
        }).rewrite(nested)
        var names: [String] = []
        var blanks = 0
        DocumentWalker(math: { node in
            if case let .identifier(name) = node { names.append(name) }
            if node == blank { blanks += 1 }
            return .descend
        }).walk(rewritten)
        #expect(blanks == 1)
        #expect(!names.contains("q1"))
        #expect(names.count == 19)
        // Everything else is as it was.
        #expect(rewritten.title == nested.title && rewritten.metadata == nested.metadata)
        #expect(rewritten.blocks.count == nested.blocks.count)
        #expect(rewritten.blocks[1] == nested.blocks[1])
    }

    @Test func aReplacementIsNotRewrittenAgain() {
        // Replacing z with z itself wrapped must not recurse forever or wrap twice.
        let rewritten = DocumentRewriter(math: { node in
            if case .identifier("h") = node { return .styled(.bold, .identifier("h")) }
            return nil
        }).rewrite(nested)
        guard case let .heading(_, inlines, _) = rewritten.blocks[0] else {
            Issue.record("the heading moved")
            return
        }
        #expect(inlines == [.math(.styled(.bold, .identifier("h")))])
    }

    @Test func blocksCanBeDeletedOrSplit() {
        let rewritten = DocumentRewriter(block: { block in
            switch block {
            case .figure: return []
            case .paragraph([.math(.identifier("ol"))]): return [.paragraph([.text("a")]), .paragraph([.text("b")])]
            default: return nil
            }
        }).rewrite(nested)
        #expect(rewritten.blocks.count == nested.blocks.count - 1)
        #expect(rewritten.blocks.last == .orderedList(start: 1, [[.paragraph([.text("a")]), .paragraph([.text("b")])]]))
    }

    @Test func inlinesCanBeRewrittenInsideTablesAndMetadata() {
        let rewritten = DocumentRewriter(inline: { inline in
            if case .math(.identifier("td")) = inline { return [.text("cell")] }
            if case .math(.identifier("m1")) = inline { return [.text("meta")] }
            return nil
        }).rewrite(nested)
        guard case let .table(table) = rewritten.blocks[3] else {
            Issue.record("the table moved")
            return
        }
        #expect(table.rows[0][0] == [.span(.none, [.text("cell")])])
        #expect(rewritten.metadata["a"] == .inlines([.text("meta")]))
    }
}

@Suite struct MathSymbolTests {
    @Test func theTableKnowsTheCommonSymbolsWithTheirClasses() {
        #expect(MathSymbol.named("\\le") == MathSymbol(tex: "\\le", character: "≤", class: .relation))
        #expect(MathSymbol.named("\\alpha")?.character == "α")
        #expect(MathSymbol.named("\\alpha")?.symbolClass == .alphabetic)
        #expect(MathSymbol.named("\\sum")?.symbolClass == .largeOperator)
        #expect(MathSymbol.named("\\hat")?.symbolClass == .accent)
        #expect(MathSymbol.named("-")?.character == "\u{2212}")
        #expect(MathSymbol.named("\\notACommand") == nil)
    }

    @Test func theReportsSymbolsAgreeWithTheTable() {
        for symbol in [MathSymbol.sigma, .delta, .partial, .prime, .cdots, .vdots, .ddots, .sum, .odot, .times,
                       .plus, .minus, .equals, .greater, .rightarrow, .longrightarrow, .comma] {
            #expect(MathSymbol.named(symbol.tex) == symbol)
        }
    }

    @Test func quantityKeysHaveStableNames() {
        #expect(QuantityKey(step: 2, layer: 3, quantity: .a, transposed: true).description == "s2.l3.a.T")
        #expect(QuantityKey(step: 1, layer: nil, quantity: .loss).description == "s1.loss")
    }
}
