import BPDocument
import BPTeXReader
import BPWriters
import Testing

/// What is not understood is kept as written, with a warning at its offset; the rest reads.
@Suite struct TeXReaderFallbackTests {
    @Test func unknownCommand() {
        let parse = TeXReader().read("a + \\foo{x} = 1")
        #expect(parse.node == .row([.identifier("a"), sym("+"), .unparsed("\\foo"), .identifier("x"), sym("="), .number("1")]))
        #expect(parse.warnings == [TeXWarning(offset: 4, construct: "\\foo", message: "unknown command \\foo; shown as written")])
        #expect(MathMLWriter.body(parse.node)
            == "<mrow><mi>a</mi><mo>+</mo><mtext class=\"bp-tex\">\\foo</mtext><mi>x</mi><mo>=</mo><mn>1</mn></mrow>")
        #expect(parse.warnings[0].description == "character 4: unknown command \\foo; shown as written")
    }

    @Test func unknownEnvironment() {
        let parse = TeXReader().read("x = \\begin{tabular}{cc} a & b \\end{tabular} + 1")
        #expect(parse.node == .row([.identifier("x"), sym("="), .unparsed("\\begin{tabular}{cc} a & b \\end{tabular}"), sym("+"), .number("1")]))
        #expect(parse.warnings.map(\.offset) == [4])
        #expect(parse.warnings.map(\.construct) == ["\\begin{tabular}"])
        #expect(parse.warnings[0].message == "unknown environment tabular; shown as written")
    }

    @Test func strayClosingBrace() {
        let parse = TeXReader().read("a } b")
        #expect(parse.node == .row([.identifier("a"), .unparsed("}"), .identifier("b")]))
        #expect(parse.warnings.map(\.offset) == [2])
        #expect(parse.warnings.map(\.construct) == ["}"])
    }

    @Test func unfinishedGroup() {
        let parse = TeXReader().read("x + {y")
        #expect(parse.node == .row([.identifier("x"), sym("+"), .unparsed("{y")]))
        #expect(parse.warnings == [TeXWarning(offset: 4, construct: "{", message: "{ is never closed with }; shown as written")])
        #expect(MathMLWriter.body(parse.node) == "<mrow><mi>x</mi><mo>+</mo><mtext class=\"bp-tex\">{y</mtext></mrow>")
    }

    /// The smallest construct goes: the unclosed group, not the matrix around it, and the
    /// stray `&` inside the group is part of that one warning.
    @Test func smallestConstruct() {
        let parse = TeXReader().read("\\begin{pmatrix} {1 & 2 \\end{pmatrix}")
        #expect(parse.node == .matrix([[.unparsed("{1 & 2 ")]], fence: .parentheses))
        #expect(parse.warnings.map(\.offset) == [16])
    }

    @Test func missingArgumentsAndDelimiters() {
        let cases: [(String, MathNode, Int, String)] = [
            ("\\frac{a}", .unparsed("\\frac{a}"), 0, "\\frac"),
            ("x^", .row([.identifier("x"), .unparsed("^")]), 1, "^"),
            ("\\left( x", .unparsed("\\left( x"), 0, "\\left("),
            ("x \\right)", .row([.identifier("x"), .unparsed("\\right)")]), 2, "\\right)"),
            ("\\begin{pmatrix} 1 & 2", .unparsed("\\begin{pmatrix} 1 & 2"), 0, "\\begin{pmatrix}"),
            ("\\begin{pmatrix} 1 \\end{bmatrix}", .unparsed("\\begin{pmatrix} 1 \\end{bmatrix}"), 0, "\\begin{pmatrix}"),
            ("a & b", .row([.identifier("a"), .unparsed("&"), .identifier("b")]), 2, "&"),
            ("a \\\\ b", .row([.identifier("a"), .unparsed("\\\\"), .identifier("b")]), 2, "\\\\"),
            ("\\end{x} y", .row([.unparsed("\\end{x}"), .identifier("y")]), 0, "\\end{x}"),
            ("\\text{a \\textbf{b}}", .unparsed("\\text{a \\textbf{b}}"), 0, "\\text"),
            ("\\begin{array}{p{2cm}} a \\end{array}", .unparsed("\\begin{array}{p{2cm}} a \\end{array}"), 0, "\\begin{array}"),
            ("\\sqrt[3 x", .unparsed("\\sqrt[3 x"), 0, "\\sqrt"),
        ]
        for (tex, node, offset, construct) in cases {
            let parse = TeXReader().read(tex)
            #expect(parse.node == node, "\(tex)")
            #expect(parse.warnings.map(\.offset) == [offset], "\(tex)")
            #expect(parse.warnings.map(\.construct) == [construct], "\(tex)")
        }
    }

    /// An `\hline` other than under an array's first row cannot be drawn: the rows still read.
    @Test func ruleNotShown() {
        let parse = TeXReader().read("\\begin{pmatrix} 1 \\\\ \\hline 2 \\end{pmatrix}")
        #expect(parse.node == .matrix([[.number("1")], [.number("2")]]))
        #expect(parse.warnings.map(\.construct) == ["\\hline"])
        #expect(parse.warnings.map(\.offset) == [21])
    }

    /// A second superscript is set on its own, with a warning.
    @Test func doubleScript() {
        let parse = TeXReader().read("x^2^3")
        #expect(parse.node == .row([.superscripted(.identifier("x"), .number("2")), .superscripted(.row([]), .number("3"))]))
        #expect(parse.warnings.map(\.offset) == [3])
    }

    /// Deep nesting and long input give a fallback and a warning, never a trap.
    @Test func hostileInput() {
        let hostile = [
            String(repeating: "{", count: 5000) + "x" + String(repeating: "}", count: 5000),
            String(repeating: "\\sqrt", count: 5000) + "x",
            String(repeating: "\\left(", count: 3000) + "x" + String(repeating: "\\right)", count: 3000),
            String(repeating: "\\begin{pmatrix}", count: 1000) + "x",
            String(repeating: "x^{", count: 5000) + "2",
            String(repeating: "\\hat", count: 5000) + "x",
            String(repeating: "\\frac{", count: 2000),
            String(repeating: "}", count: 49_000),
            String(repeating: "\\left(", count: 8000),
        ]
        for (index, tex) in hostile.enumerated() {
            let parse = TeXReader().read(tex)
            let keptAsWritten = containsUnparsed(parse.node)
            #expect(!parse.warnings.isEmpty, "\(index)")
            #expect(keptAsWritten, "\(index)")
            _ = MathMLWriter.body(parse.node)
        }
        let long = String(repeating: "x+", count: 30_000)
        let parse = TeXReader().read(long)
        #expect(parse.node == .unparsed(long))
        #expect(parse.warnings.map(\.offset) == [0])
        // Nesting within the limit still reads.
        let nested = String(repeating: "{", count: 150) + "x" + String(repeating: "}", count: 150)
        #expect(TeXReader().read(nested) == TeXParse(node: .identifier("x"), warnings: []))
    }
}
