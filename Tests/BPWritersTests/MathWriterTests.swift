import BPDocument
import BPReportBuilder
import BPWriters
import Testing

@Suite struct LaTeXMathWriterTests {
    @Test func matricesKeepTheirRowBreaks() {
        let node = MathNode.matrix([[.number("1"), .number("-2")], [.number("0.5"), .number("4")]])
        #expect(LaTeXMathWriter.write(node) == #"\begin{pmatrix} 1 & -2 \\ 0.5 & 4 \end{pmatrix}"#)
    }

    @Test func scriptsAndFractionsAreBraced() {
        let node = MathNode.seq(.subsuperscripted(.id("a"), sub: .num(1), sup: .num(3)), .symbol(.equals),
                                .fraction(.seq(.symbol(.partial), .id("L")), .seq(.symbol(.partial), .sup(.id("z"), .num(3)))))
        #expect(LaTeXMathWriter.write(node) == #"a_{1}^{3} = \frac{\partial L}{\partial z^{3}}"#)
    }

    @Test func bracketsGrowOnlyAroundTallContent() {
        #expect(LaTeXMathWriter.write(.fenced(.parentheses, .id("x"))) == "(x)")
        #expect(LaTeXMathWriter.write(.fenced(.brackets, .fraction(.num(1), .num(2)))) == #"\left[ \frac{1}{2} \right]"#)
        #expect(LaTeXMathWriter.write(.sup(.fenced(.parentheses, .sup(.id("W"), .num(2))), .symbol(.transpose))) == "(W^{2})^{T}")
    }

    @Test func arraysHaveRulesAndAHeaderLine() {
        let node = MathNode.array(alignments: [.center, .left], rows: [[.id("l"), .id("x")], [.num(1), .num(2)]], header: true, columnRules: true)
        #expect(LaTeXMathWriter.write(node) == "\\begin{array}{c|l}\nl & x \\\\ \\hline\n1 & 2\n\\end{array}")
    }

    @Test func textIsEscapedForTeX() {
        #expect(LaTeXMathWriter.write(.text("50% of {x}_1")) == #"\text{50\% of \{x\}\_1}"#)
    }
}

@Suite struct MathMLWriterTests {
    @Test func matricesAreTablesBetweenStretchyParentheses() {
        let node = MathNode.matrix([[.number("1")], [.number("-2")]])
        let markup = MathMLWriter.write(node, display: true)
        #expect(markup.hasPrefix("<math display=\"block\"><semantics><mrow>"))
        #expect(markup.contains("<mo stretchy=\"true\" form=\"prefix\">(</mo><mtable><mtr><mtd><mn>1</mn></mtd></mtr><mtr><mtd><mrow><mo>\u{2212}</mo><mn>2</mn></mrow></mtd></mtr></mtable><mo stretchy=\"true\" form=\"postfix\">)</mo>"))
    }

    @Test func theTeXSourceIsKeptAsAnAnnotation() {
        let node = MathNode.matrix([[.number("1"), .number("2")], [.number("3"), .number("4")]])
        let markup = MathMLWriter.write(node, display: false)
        #expect(markup.contains(#"<annotation encoding="application/x-tex">\begin{pmatrix} 1 &amp; 2 \\ 3 &amp; 4 \end{pmatrix}</annotation>"#))
        #expect(!markup.contains("display="))
    }

    @Test func scriptsTakeOneChildEach() {
        let markup = MathMLWriter.write(.sup(.fenced(.parentheses, .sup(.id("W"), .num(2))), .symbol(.transpose)), display: false)
        #expect(markup.contains("<msup><mrow><mrow><mo stretchy=\"true\" form=\"prefix\">(</mo><msup><mrow><mi>W</mi></mrow><mrow><mn>2</mn></mrow></msup>"))
        #expect(markup.contains("<mi mathvariant=\"normal\">T</mi>"))
    }
}
