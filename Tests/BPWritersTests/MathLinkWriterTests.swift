import BPDocument
import BPEngine
import BPReportBuilder
import BPSpec
import BPTestSupport
import BPWriters
import Foundation
import Testing

/// Links between a result and its operands: attributes in MathML, nothing in TeX or Markdown,
/// and MathML otherwise as it was.
@Suite struct MathLinkWriterTests {
    let w = MathNode.matrix([[.num(1), .num(2)], [.num(3), .num(4)]])
    let a = MathNode.matrix([[.num(5)], [.num(6)]])
    let product = MathNode.quantity(QuantityKey(step: 1, layer: 2, quantity: .z), .matrix([[.num(17)], [.num(39)]]))

    func link(_ role: MathLink.Role, _ node: MathNode) -> MathNode { .linked(MathLink(group: "g1", role: role), node) }

    /// `W a = (result)`, each matrix linked.
    var substitution: MathNode { .seq(link(.rows, w), link(.columns, a), .symbol(.equals), link(.result, product)) }
    var plain: MathNode { .seq(w, a, .symbol(.equals), product) }

    @Test func theMathMLCarriesEachRoleOnTheValuesOwnElement() {
        let markup = MathMLWriter.body(substitution)
        // On the mrow around the bracketed table, and on a keyed value's mrow: no element added.
        #expect(markup.hasPrefix("<mrow><mrow data-link=\"g1\" data-role=\"rows\"><mo stretchy=\"true\" form=\"prefix\">(</mo><mtable>"))
        #expect(markup.contains("<mrow data-link=\"g1\" data-role=\"columns\"><mo stretchy=\"true\" form=\"prefix\">(</mo><mtable><mtr><mtd displaystyle=\"true\"><mn>5</mn>"))
        #expect(markup.contains("<mrow data-link=\"g1\" data-role=\"result\" data-q=\"s1.l2.z\"><mrow><mo stretchy=\"true\" form=\"prefix\">(</mo>"))
        #expect(withoutLinks(markup) == MathMLWriter.body(plain))
        // A scalar has an element of its own to carry them; a script still has one child.
        #expect(MathMLWriter.body(link(.entries, .num(3))) == "<mrow data-link=\"g1\" data-role=\"entries\"><mn>3</mn></mrow>")
        #expect(MathMLWriter.body(.sup(link(.rows, w), .symbol(.transpose))).hasPrefix("<msup><mrow data-link=\"g1\" data-role=\"rows\"><mo"))
        // A group name is text like any other.
        #expect(MathMLWriter.body(.linked(MathLink(group: "a\"<b", role: .result), .num(1))).contains("data-link=\"a&quot;&lt;b\""))
    }

    @Test func texAndMarkdownIgnoreTheLinks() {
        // The TeX of W a = (17, 39), written out by hand: no trace of a link.
        #expect(LaTeXMathWriter.write(substitution) == #"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix} \begin{pmatrix} 5 \\ 6 \end{pmatrix} = \begin{pmatrix} 17 \\ 39 \end{pmatrix}"#)
        #expect(LaTeXMathWriter.write(.sup(link(.rows, w), .symbol(.transpose))) == #"{\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}}^{T}"#)
        let linked = Document(title: "t", language: "en", blocks: [.displayMath(substitution)])
        let unlinked = Document(title: "t", language: "en", blocks: [.displayMath(plain)])
        #expect(MarkdownWriter.write(linked) == MarkdownWriter.write(unlinked))
        #expect(HTMLWriter.body(linked).contains("data-role=\"columns\""))
        #expect(HTMLWriter.body(linked, options: HTMLOptions(math: .katex(.jsDelivr))) == HTMLWriter.body(unlinked, options: HTMLOptions(math: .katex(.jsDelivr))))
    }

    /// Every report's HTML, links taken out, is its HTML without them with the attributes
    /// removed: the links add attributes and nothing else, so a page reads (and is laid out)
    /// the same without its script.
    @Test(arguments: ["problem1", "problem2", "problem3", "mazur", "softmax-batch", "xor-bce", "exact-steps"])
    func aReportsMathMLIsUnchangedApartFromTheAttributes(report: String) throws {
        let spec = try SpecReader().read(contentsOf: TestPaths.report(report).path)
        let document = ReportBuilder(options: ReportOptions()).document(for: try AnyTrace.run(spec))
        let unlinked = DocumentRewriter(math: { node in
            guard case let .linked(_, content) = node else { return nil }
            return content
        }).rewrite(document)
        let html = HTMLWriter.body(document)
        #expect(html.contains("data-role=\"result\""))
        #expect(withoutLinks(html) == HTMLWriter.body(unlinked))
    }

    private func withoutLinks(_ markup: String) -> String {
        markup.replacingOccurrences(of: #" data-link="[^"]*" data-role="[a-z]+""#, with: "", options: .regularExpression)
    }
}
