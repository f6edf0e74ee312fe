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
        #expect(markup.contains("<mo stretchy=\"true\" form=\"prefix\">(</mo><mtable><mtr><mtd displaystyle=\"true\"><mn>1</mn></mtd></mtr><mtr><mtd displaystyle=\"true\"><mrow><mo>\u{2212}</mo><mn>2</mn></mrow></mtd></mtr></mtable><mo stretchy=\"true\" form=\"postfix\">)</mo>"))
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

/// The node kinds beyond the reports' own: every writer handles them by class and shape.
@Suite struct OpenMathTests {
    let hat = MathSymbol.named("\\hat")!
    let le = MathSymbol.named("\\le")!

    @Test func styledRunsUseTeXsCommandsAndUnicodesAlphabets() {
        #expect(LaTeXMathWriter.write(.styled(.bold, .id("W"))) == #"\mathbf{W}"#)
        #expect(LaTeXMathWriter.write(.styled(.calligraphic, .id("L"))) == #"\mathcal{L}"#)
        // MATHEMATICAL BOLD CAPITAL W is U+1D416; script L is the older U+2112.
        #expect(MathMLWriter.body(.styled(.bold, .id("W"))) == "<mi>\u{1D416}</mi>")
        #expect(MathMLWriter.body(.styled(.calligraphic, .id("L"))) == "<mi>\u{2112}</mi>")
        #expect(MathMLWriter.body(.styled(.doubleStruck, .id("R"))) == "<mi>\u{211D}</mi>")
        #expect(MathMLWriter.body(.styled(.upright, .id("d"))) == "<mi mathvariant=\"normal\">d</mi>")
        // A style reaches every token inside it.
        #expect(MathMLWriter.body(.styled(.bold, .sup(.id("x"), .num(2)))) == "<msup><mrow><mi>\u{1D431}</mi></mrow><mrow><mn>\u{1D7D0}</mn></mrow></msup>")
    }

    @Test func accentsAndLimitsGoOverAndUnder() {
        #expect(LaTeXMathWriter.write(.over(.id("y"), .symbol(hat), accent: true)) == #"\hat{y}"#)
        #expect(MathMLWriter.body(.over(.id("y"), .symbol(hat), accent: true)) == "<mover accent=\"true\"><mrow><mi>y</mi></mrow><mrow><mo>^</mo></mrow></mover>")
        let sum = MathNode.underOver(.symbol(.sum), under: .seq(.id("s"), .symbol(.equals), .num(1)), over: .id("m"))
        #expect(LaTeXMathWriter.write(sum) == #"\sum\limits_{s = 1}^{m}"#)
        #expect(MathMLWriter.body(sum).hasPrefix("<munderover><mrow><mo largeop=\"true\" movablelimits=\"true\">\u{2211}</mo></mrow>"))
        #expect(LaTeXMathWriter.write(.under(.id("x"), .id("k"), accent: false)) == #"\underset{k}{x}"#)
    }

    @Test func rootsWithAndWithoutAnIndex() {
        #expect(LaTeXMathWriter.write(.root(index: nil, .num(2))) == #"\sqrt{2}"#)
        #expect(LaTeXMathWriter.write(.root(index: .num(3), .id("x"))) == #"\sqrt[3]{x}"#)
        #expect(MathMLWriter.body(.root(index: nil, .num(2))) == "<msqrt><mn>2</mn></msqrt>")
        #expect(MathMLWriter.body(.root(index: .num(3), .id("x"))) == "<mroot><mrow><mi>x</mi></mrow><mrow><mn>3</mn></mrow></mroot>")
    }

    @Test func delimitersOfAnyKind() {
        #expect(LaTeXMathWriter.write(.fenced(.angles, .id("x"))) == #"\langle x\rangle"#)
        #expect(LaTeXMathWriter.write(.fenced(.bars, .fraction(.num(1), .num(2)))) == #"\left| \frac{1}{2} \right|"#)
        #expect(LaTeXMathWriter.write(.fenced(.leftBrace, .fraction(.num(1), .num(2)))) == #"\left\{ \frac{1}{2} \right."#)
        #expect(LaTeXMathWriter.write(.matrix([[.num(1)]], fence: .brackets)) == #"\begin{bmatrix} 1 \end{bmatrix}"#)
        #expect(LaTeXMathWriter.write(.matrix([[.num(1)]], fence: .angles)) == #"\left\langle \begin{matrix} 1 \end{matrix} \right\rangle"#)
        #expect(MathMLWriter.body(.fenced(.leftBrace, .id("x"))) == "<mrow><mo stretchy=\"true\" form=\"prefix\">{</mo><mi>x</mi></mrow>")
    }

    @Test func spacesInTeXsUnits() {
        #expect(LaTeXMathWriter.write(.space(.thin)) == #"\,"#)
        #expect(LaTeXMathWriter.write(.space(.qquad)) == #"\qquad"#)
        #expect(LaTeXMathWriter.write(.space(MathSpace(mu: 7))) == #"\mspace{7mu}"#)
        // 3/18 em = 0.1667 em; 5/18 = 0.2778; 36/18 = 2.
        #expect(MathMLWriter.body(.space(.thin)) == "<mspace width=\"0.1667em\"></mspace>")
        #expect(MathMLWriter.body(.space(.thick)) == "<mspace width=\"0.2778em\"></mspace>")
        #expect(MathMLWriter.body(.space(.qquad)) == "<mspace width=\"2em\"></mspace>")
        #expect(MathMLWriter.body(.space(.negativeThin)) == "<mspace width=\"-0.1667em\"></mspace>")
    }

    @Test func symbolsAreWrittenByClass() {
        #expect(LaTeXMathWriter.write(.seq(.id("x"), .symbol(le), .num(1))) == #"x \le 1"#)
        #expect(MathMLWriter.body(.symbol(le)) == "<mo>\u{2264}</mo>")
        #expect(MathMLWriter.body(.symbol(MathSymbol.named("\\alpha")!)) == "<mi>\u{3B1}</mi>")
        #expect(MathMLWriter.body(.symbol(MathSymbol.named("<")!)) == "<mo>&lt;</mo>")
        #expect(MathMLWriter.body(.symbol(MathSymbol.named("\\langle")!)) == "<mo form=\"prefix\">\u{27E8}</mo>")
        // A symbol nobody listed still has somewhere to go.
        let custom = MathSymbol(tex: "\\heartsuit", character: "\u{2661}", class: .ordinary)
        #expect(LaTeXMathWriter.write(.symbol(custom)) == #"\heartsuit"#)
        #expect(MathMLWriter.body(.symbol(custom)) == "<mo>\u{2661}</mo>")
    }

    @Test func quantityKeysChangeNoTeXAndMarkTheMathML() {
        let matrix = MathNode.matrix([[.num(1)], [.num(2)]])
        let tagged = MathNode.quantity(QuantityKey(step: 1, layer: 2, quantity: .z), matrix)
        let transposed = MathNode.sup(tagged, .symbol(.transpose))
        // The TeX is the matrix's own, written out (a script's base braced): the key adds nothing.
        #expect(LaTeXMathWriter.write(tagged) == #"\begin{pmatrix} 1 \\ 2 \end{pmatrix}"#)
        #expect(LaTeXMathWriter.write(transposed) == #"{\begin{pmatrix} 1 \\ 2 \end{pmatrix}}^{T}"#)
        // In MathML the value is an mrow that names it, one child of the script as before.
        #expect(MathMLWriter.body(transposed) == "<msup><mrow data-q=\"s1.l2.z\">" + MathMLWriter.body(matrix) + "</mrow><mrow><mi mathvariant=\"normal\">T</mi></mrow></msup>")
        let entry = MathNode.quantity(QuantityKey(step: 2, layer: 3, quantity: .a, entry: QuantityEntry(row: 1, column: 2)), .number("0.5"))
        #expect(MathMLWriter.body(entry) == "<mrow data-q=\"s2.l3.a[1,2]\"><mn>0.5</mn></mrow>")
    }
}

/// How the MathML reads in a browser: functions, primes and fractions in matrices.
@Suite struct MathMLReadingTests {
    @Test func aFunctionNameIsFollowedByFunctionApplication() {
        // `log a`: U+2061 with a thin space after it, as TeX spaces \log x.
        #expect(MathMLWriter.body(.seq(.function("log"), .id("a")))
                == "<mrow><mi>log</mi><mo rspace=\"0.1667em\">\u{2061}</mo><mi>a</mi></mrow>")
        // `tanh^2 x`: the script belongs to the function.
        #expect(MathMLWriter.body(.seq(.sup(.function("tanh"), .num(2)), .id("x")))
                == "<mrow><msup><mrow><mi>tanh</mi></mrow><mrow><mn>2</mn></mrow></msup><mo rspace=\"0.1667em\">\u{2061}</mo><mi>x</mi></mrow>")
        // Before a parenthesis no space, as \log(x).
        #expect(MathMLWriter.body(.seq(.function("log"), .fenced(.parentheses, .id("x")))).contains("<mi>log</mi><mo>\u{2061}</mo><mrow>"))
        // σ(x) carries the invisible operator itself; TeX shows nothing for it.
        let applied = MathNode.seq(.symbol(.sigma), .symbol(.functionApplication), .fenced(.parentheses, .id("x")))
        #expect(MathMLWriter.body(applied).hasPrefix("<mrow><mi>\u{3C3}</mi><mo>\u{2061}</mo><mrow>"))
        #expect(LaTeXMathWriter.write(applied) == #"\sigma (x)"#)
    }

    @Test func aPrimeIsSetBesideItsBaseNotAsASuperscript() {
        let derivative = MathNode.sup(.sub(.symbol(.sigma), .num(2)), .symbol(.prime))
        #expect(MathMLWriter.body(derivative)
                == "<mrow><msub><mrow><mi>\u{3C3}</mi></mrow><mrow><mn>2</mn></mrow></msub><mo lspace=\"0\" rspace=\"0\">\u{2032}</mo></mrow>")
        // TeX keeps the usual form.
        #expect(LaTeXMathWriter.write(derivative) == #"{\sigma_{2}}^{\prime}"#)
        // Any other superscript is still a superscript.
        #expect(MathMLWriter.body(.sup(.id("x"), .num(2))).hasPrefix("<msup>"))
    }

    @Test func fractionsInAMatrixAreInDisplayStyle() {
        let matrix = MathNode.matrix([[.fraction(.num(1), .num(3)), .num(2)]])
        #expect(MathMLWriter.body(matrix).contains("<mtd displaystyle=\"true\"><mfrac><mrow><mn>1</mn></mrow><mrow><mn>3</mn></mrow></mfrac></mtd>"))
    }

    @Test func alignedLinesAreATableAlignedAtTheRelation() {
        let lines = MathNode.aligned([[.id("L"), .seq(.symbol(.equals), .num(1))], [.row([]), .seq(.symbol(.equals), .num(2))]])
        #expect(LaTeXMathWriter.write(lines) == "\\begin{aligned}\nL & = 1 \\\\\n & = 2\n\\end{aligned}")
        #expect(MathMLWriter.body(lines).hasPrefix("<mtable class=\"bp-aligned\"><mtr><mtd class=\"bp-right\" displaystyle=\"true\"><mi>L</mi></mtd><mtd class=\"bp-left\" displaystyle=\"true\">"))
    }
}
