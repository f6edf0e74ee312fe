import BPDocument
import BPReport
import BPSpec
import BPTestSupport
import Foundation
import Testing

/// A spec with claims renders as a checked solution: each claimed entry marked right, new or
/// carried beside the correct value, under a summary. Worked by hand on the contract's network:
/// z2 = (0, 8, 1), z3 = (15, -4), L = 109, updated W3[2,2] = -0.44.
@Suite struct CheckedSolutionTests {
    static let spec = TestSpecs.contractNetwork + """

    claimed:
      forward: {2: {z: [0, 8, 2], a: [0, 8, 2]}, 3: {z: [12, -1], a: [12, -1]}}
      loss: 58
      updated: {3: {weights: [[1, 0.96, -3.13], [2, -0.94, 3.07]]}}
    """

    @Test func claimedEntriesAreMarkedWhereTheyStand() throws {
        let document = try Pipeline().document(for: Source(name: "key", text: Self.spec))
        var marks: [String: MathMark] = [:]
        DocumentWalker(math: { node in
            guard case let .quantity(key, shown) = node else { return .descend }
            DocumentWalker(math: { inner in
                if case let .matrix(rows, _) = inner {
                    for (r, row) in rows.enumerated() {
                        for (c, cell) in row.enumerated() {
                            if case let .marked(mark, _) = cell { marks["\(key)[\(r + 1),\(c + 1)]"] = mark }
                        }
                    }
                }
                if case let .marked(mark, _) = inner, key.quantity == .loss { marks["\(key)"] = mark }
                return .descend
            }).walk(shown)
            return .skipChildren
        }).walk(document)
        #expect(marks["s1.l2.z[3,1]"] == MathMark(verdict: .new, claimed: "2"))
        #expect(marks["s1.l2.z[1,1]"] == MathMark(verdict: .right, claimed: "0"))
        #expect(marks["s1.l2.a[3,1]"] == MathMark(verdict: .carried, claimed: "2"))
        #expect(marks["s1.l3.z[1,1]"] == MathMark(verdict: .carried, claimed: "12"))
        #expect(marks["s1.loss"] == MathMark(verdict: .carried, claimed: "58"))
        #expect(marks["s1.l3.W+[2,2]"] == MathMark(verdict: .new, claimed: "-0.94"))
        #expect(marks["s1.l3.W+[1,2]"] == MathMark(verdict: .right, claimed: "0.96"))
        #expect(marks.count == 17)
        guard case let .section(attributes, blocks)? = document.blocks.first, case let .paragraph(inlines)? = blocks.first,
              inlines.count == 3, case let .text(summary) = inlines[0] else {
            Issue.record("no summary first")
            return
        }
        #expect(attributes.role == "check-summary")
        #expect(summary.hasPrefix("Checked against the key: 17 entries, 8 wrong: 2 new mistakes, 6 carried"))
        // The place reads as the page writes it: "forward z² row 3, column 1".
        #expect(summary.hasSuffix("The first new mistake: step 1, forward "))
        #expect(inlines[1] == .math(.sup(.id("z"), .num(2))))
        #expect(inlines[2] == .text(" row 3, column 1."))
    }

    /// A Korean page says it in Korean: the same counts, the same place.
    @Test func aKoreanPageSummarisesInKorean() throws {
        let document = try Pipeline().document(for: Source(name: "key", text: "lang: ko\n" + Self.spec))
        guard case let .section(_, blocks)? = document.blocks.first, case let .paragraph(inlines)? = blocks.first,
              inlines.count == 3, case let .text(summary) = inlines[0] else {
            Issue.record("no summary first")
            return
        }
        #expect(summary == "키와 대조함: 항목 17개, 8개 틀림: 새 실수 2개, 그로부터 이어진 것 6개 (✗ 새 실수, → 이어짐, ✓ 맞음). 첫 새 실수: step 1, forward ")
        #expect(inlines[1] == .math(.sup(.id("z"), .num(2))))
        #expect(inlines[2] == .text(" 3행 1열."))
    }

    @Test func marksReadInBothFormats() throws {
        let files = try Pipeline().render(Source(name: "key", text: Self.spec))
        let markdown = try #require(files.first { $0.name == "key.md" }).contents
        let html = try #require(files.first { $0.name == "key.html" }).contents
        #expect(markdown.contains(#"\underset{\text{✗}\,\text{2}}{1}"#))
        #expect(markdown.contains(#"\underset{\rightarrow\,\text{58}}{109}"#))
        #expect(html.contains("<munder class=\"bp-claim bp-claim-new\"><mrow><mn>1</mn></mrow><mtext>\u{2717}\u{A0}2</mtext></munder>"))
        // A handout of the same spec marks nothing: it shows no values to mark.
        var options = RenderOptions()
        options.modes = [.handout]
        let handout = try Pipeline(options: options).render(Source(name: "key", text: Self.spec))
        #expect(!(try #require(handout.first { $0.name == "key.html" }).contents.contains("<munder class=\"bp-claim")))
    }
}
