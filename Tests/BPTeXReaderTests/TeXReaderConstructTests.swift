import BPDocument
import BPTeXReader
import BPWriters
import Testing

/// The symbol the model's table has for `tex`.
func sym(_ tex: String) -> MathNode { .symbol(MathSymbol.named(tex)!) }

/// Reads `tex`, expecting no warnings.
func read(_ tex: String) -> MathNode {
    let parse = TeXReader().read(tex)
    #expect(parse.warnings == [], "\(tex)")
    return parse.node
}

/// One construct: its TeX, the node it reads as, and the MathML that node gives, both worked
/// out by hand.
struct Construct: Sendable, CustomStringConvertible {
    let tex: String
    let node: MathNode
    let mathML: String
    init(_ tex: String, _ node: MathNode, _ mathML: String) {
        self.tex = tex
        self.node = node
        self.mathML = mathML
    }
    var description: String { tex }
}

private let op = "<mo largeop=\"true\" movablelimits=\"true\">"
private func mi(_ s: String) -> String { "<mi>\(s)</mi>" }
private func mn(_ s: String) -> String { "<mn>\(s)</mn>" }
private func mo(_ s: String) -> String { "<mo>\(s)</mo>" }
private func r(_ s: String...) -> String { "<mrow>" + s.joined() + "</mrow>" }
private func open(_ s: String) -> String { "<mo stretchy=\"true\" form=\"prefix\">\(s)</mo>" }
private func close(_ s: String) -> String { "<mo stretchy=\"true\" form=\"postfix\">\(s)</mo>" }
private func td(_ s: String) -> String { "<mtd displaystyle=\"true\">\(s)</mtd>" }
private func td(_ align: String, _ s: String) -> String { "<mtd class=\"bp-\(align)\" displaystyle=\"true\">\(s)</mtd>" }
private func tr(_ s: String...) -> String { "<mtr>" + s.joined() + "</mtr>" }
private let x = MathNode.identifier("x"), y = MathNode.identifier("y"), a = MathNode.identifier("a")
private let b = MathNode.identifier("b"), c = MathNode.identifier("c"), d = MathNode.identifier("d")
private let one = MathNode.number("1"), two = MathNode.number("2")
private let sumOp = MathNode.symbol(.sum)
private let matrix1234: [[MathNode]] = [[.number("1"), .number("2")], [.number("3"), .number("4")]]
private let table1234 = "<mtable>" + tr(td(mn("1")), td(mn("2"))) + tr(td(mn("3")), td(mn("4"))) + "</mtable>"

let constructs: [Construct] = [
    // Atoms and sequences.
    Construct("x", x, mi("x")),
    Construct("3.14", .number("3.14"), mn("3.14")),
    Construct("12.5.3", .row([.number("12.5"), .symbol(MathSymbol(tex: ".", character: ".", class: .ordinary)), .number("3")]),
              r(mn("12.5"), mo("."), mn("3"))),
    Construct("x + 1", .row([x, sym("+"), one]), r(mi("x"), mo("+"), mn("1"))),
    Construct("a-b=c", .row([a, sym("-"), b, sym("="), c]), r(mi("a"), mo("\u{2212}"), mi("b"), mo("="), mi("c"))),
    Construct("a < b > c", .row([a, sym("<"), b, sym(">"), c]), r(mi("a"), mo("&lt;"), mi("b"), mo("&gt;"), mi("c"))),
    Construct("a,b;c:d!", .row([a, sym(","), b, sym(";"), c, sym(":"), d, sym("!")]),
              r(mi("a"), "<mo separator=\"true\">,</mo>", mi("b"), "<mo separator=\"true\">;</mo>", mi("c"), mo(":"),
                mi("d"), "<mo separator=\"true\">!</mo>")),
    Construct("a/b", .row([a, sym("/"), b]), r(mi("a"), mo("/"), mi("b"))),
    Construct("(x)", .row([sym("("), x, sym(")")]), r("<mo form=\"prefix\">(</mo>", mi("x"), "<mo form=\"postfix\">)</mo>")),
    Construct("[x]", .row([sym("["), x, sym("]")]), r("<mo form=\"prefix\">[</mo>", mi("x"), "<mo form=\"postfix\">]</mo>")),
    Construct("a{b c}", .row([a, b, c]), r(mi("a"), mi("b"), mi("c"))),
    Construct("{x}", x, mi("x")),
    // Primes.
    Construct("f'", .superscripted(.identifier("f"), .symbol(.prime)), r(mi("f"), "<mo lspace=\"0\" rspace=\"0\">\u{2032}</mo>")),
    Construct("f''", .superscripted(.identifier("f"), .symbol(MathSymbol(tex: "\\prime\\prime", character: "\u{2033}", class: .ordinary))),
              r(mi("f"), "<mo lspace=\"0\" rspace=\"0\">\u{2033}</mo>")),
    Construct("\\sigma^{\\prime}", .superscripted(.symbol(.sigma), .symbol(.prime)), r(mi("σ"), "<mo lspace=\"0\" rspace=\"0\">\u{2032}</mo>")),
    Construct("f'^2", .superscripted(.identifier("f"), .row([.symbol(.prime), two])),
              "<msup><mrow><mi>f</mi></mrow><mrow><mo>\u{2032}</mo><mn>2</mn></mrow></msup>"),
    // Scripts.
    Construct("x_1", .subscripted(x, one), "<msub><mrow><mi>x</mi></mrow><mrow><mn>1</mn></mrow></msub>"),
    Construct("x^{2}", .superscripted(x, two), "<msup><mrow><mi>x</mi></mrow><mrow><mn>2</mn></mrow></msup>"),
    Construct("x^23", .row([.superscripted(x, two), .number("3")]),
              r("<msup><mrow><mi>x</mi></mrow><mrow><mn>2</mn></mrow></msup>", mn("3"))),
    Construct("x_1^2", .subsuperscripted(x, sub: one, sup: two),
              "<msubsup><mrow><mi>x</mi></mrow><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></msubsup>"),
    Construct("x^2_1", .subsuperscripted(x, sub: one, sup: two),
              "<msubsup><mrow><mi>x</mi></mrow><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></msubsup>"),
    Construct("w_{ji}^{l-1}", .subsuperscripted(.identifier("w"), sub: .row([.identifier("j"), .identifier("i")]),
                                                sup: .row([.identifier("l"), sym("-"), one])),
              "<msubsup><mrow><mi>w</mi></mrow><mrow><mi>j</mi><mi>i</mi></mrow><mrow><mi>l</mi><mo>\u{2212}</mo><mn>1</mn></mrow></msubsup>"),
    Construct("{a b}^2", .superscripted(.row([a, b]), two), "<msup><mrow><mi>a</mi><mi>b</mi></mrow><mrow><mn>2</mn></mrow></msup>"),
    Construct("{}_1", .subscripted(.row([]), one), "<msub><mrow></mrow><mrow><mn>1</mn></mrow></msub>"),
    // Large operators.
    Construct("\\sum_{s=1}^{m}", .subsuperscripted(sumOp, sub: .row([.identifier("s"), sym("="), one]), sup: .identifier("m")),
              "<msubsup><mrow>\(op)∑</mo></mrow><mrow><mi>s</mi><mo>=</mo><mn>1</mn></mrow><mrow><mi>m</mi></mrow></msubsup>"),
    Construct("\\sum\\limits_{i}^{n}", .underOver(sumOp, under: .identifier("i"), over: .identifier("n")),
              "<munderover><mrow>\(op)∑</mo></mrow><mrow><mi>i</mi></mrow><mrow><mi>n</mi></mrow></munderover>"),
    Construct("\\sum\\limits_{i}", .under(sumOp, .identifier("i"), accent: false),
              "<munder><mrow>\(op)∑</mo></mrow><mrow><mi>i</mi></mrow></munder>"),
    Construct("\\sum\\nolimits_i", .subscripted(sumOp, .identifier("i")), "<msub><mrow>\(op)∑</mo></mrow><mrow><mi>i</mi></mrow></msub>"),
    Construct("\\prod_{i} x", .row([.subscripted(sym("\\prod"), .identifier("i")), x]),
              r("<msub><mrow>\(op)∏</mo></mrow><mrow><mi>i</mi></mrow></msub>", mi("x"))),
    Construct("\\int_0^1", .subsuperscripted(sym("\\int"), sub: .number("0"), sup: one),
              "<msubsup><mrow>\(op)∫</mo></mrow><mrow><mn>0</mn></mrow><mrow><mn>1</mn></mrow></msubsup>"),
    Construct("\\mathop{argmax}_x", .subscripted(.function("argmax"), x), "<msub><mrow><mi>argmax</mi></mrow><mrow><mi>x</mi></mrow></msub>"),
    Construct("\\mathop{T}\\limits^{n}", .over(.function("T"), .identifier("n"), accent: false),
              "<mover><mrow><mi>T</mi></mrow><mrow><mi>n</mi></mrow></mover>"),
    // Fractions and roots.
    Construct("\\frac{a}{b}", .fraction(a, b), "<mfrac><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow></mfrac>"),
    Construct("\\dfrac12", .fraction(one, two), "<mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac>"),
    Construct("\\tfrac{x+1}{2}", .fraction(.row([x, sym("+"), one]), two),
              "<mfrac><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac>"),
    Construct("\\frac{\\partial C}{\\partial z^l}", .fraction(.row([.symbol(.partial), .identifier("C")]),
                                                            .row([.symbol(.partial), .superscripted(.identifier("z"), .identifier("l"))])),
              "<mfrac><mrow><mi>∂</mi><mi>C</mi></mrow><mrow><mi>∂</mi><msup><mrow><mi>z</mi></mrow><mrow><mi>l</mi></mrow></msup></mrow></mfrac>"),
    Construct("\\sqrt{x}", .root(index: nil, x), "<msqrt><mi>x</mi></msqrt>"),
    Construct("\\sqrt[3]{x}", .root(index: .number("3"), x), "<mroot><mrow><mi>x</mi></mrow><mrow><mn>3</mn></mrow></mroot>"),
    // \left ... \right.
    Construct("\\left( x \\right)", .fenced(.parentheses, x), r(open("("), mi("x"), close(")"))),
    Construct("\\left[ x \\right]", .fenced(.brackets, x), r(open("["), mi("x"), close("]"))),
    Construct("\\left\\{ x \\right\\}", .fenced(.braces, x), r(open("{"), mi("x"), close("}"))),
    Construct("\\left| x \\right|", .fenced(.bars, x), r(open("|"), mi("x"), close("|"))),
    Construct("\\left\\| x \\right\\|", .fenced(.doubleBars, x), r(open("‖"), mi("x"), close("‖"))),
    Construct("\\left\\langle x \\right\\rangle", .fenced(.angles, x), r(open("⟨"), mi("x"), close("⟩"))),
    Construct("\\left. x \\right|", .fenced(MathFence(open: .none, close: .bar), x), r(mi("x"), close("|"))),
    Construct("\\left( a + b \\right.", .fenced(MathFence(open: .leftParenthesis, close: .none), .row([a, sym("+"), b])),
              r(open("("), r(mi("a"), mo("+"), mi("b")))),
    Construct("\\left( \\begin{matrix} 1 & 2 \\\\ 3 & 4 \\end{matrix} \\right)", .matrix(matrix1234, fence: .parentheses),
              r(open("("), table1234, close(")"))),
    // Matrices.
    Construct("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", .matrix(matrix1234, fence: .parentheses), r(open("("), table1234, close(")"))),
    Construct("\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}", .matrix(matrix1234, fence: .brackets), r(open("["), table1234, close("]"))),
    Construct("\\begin{Bmatrix} 1 & 2 \\\\ 3 & 4 \\end{Bmatrix}", .matrix(matrix1234, fence: .braces), r(open("{"), table1234, close("}"))),
    Construct("\\begin{vmatrix} 1 & 2 \\\\ 3 & 4 \\end{vmatrix}", .matrix(matrix1234, fence: .bars), r(open("|"), table1234, close("|"))),
    Construct("\\begin{Vmatrix} 1 & 2 \\\\ 3 & 4 \\end{Vmatrix}", .matrix(matrix1234, fence: .doubleBars), r(open("‖"), table1234, close("‖"))),
    Construct("\\begin{matrix} 1 & 2 \\\\ 3 & 4 \\\\ \\end{matrix}", .matrix(matrix1234, fence: .none), r(table1234)),
    Construct("\\begin{pmatrix} -1 \\\\ 0.5 & 2 \\end{pmatrix}",
              .matrix([[.row([sym("-"), one]), .row([])], [.number("0.5"), two]], fence: .parentheses),
              r(open("("), "<mtable>" + tr(td(r(mo("\u{2212}"), mn("1"))), td(r())) + tr(td(mn("0.5")), td(mn("2"))) + "</mtable>", close(")"))),
    // Arrays, cases, aligned.
    Construct("\\begin{array}{c|l} a & b \\\\ \\hline c & d \\end{array}",
              .array(alignments: [.center, .left], rows: [[a, b], [c, d]], header: true, columnRules: true),
              "<mtable class=\"bp-array bp-header bp-rules\">" + tr(td("center", mi("a")), td("left", mi("b")))
                + tr(td("center", mi("c")), td("left", mi("d"))) + "</mtable>"),
    Construct("\\begin{array}{rl} a & \\\\ c & d \\end{array}",
              .array(alignments: [.right, .left], rows: [[a, .row([])], [c, d]], header: false, columnRules: false),
              "<mtable class=\"bp-array\">" + tr(td("right", mi("a")), td("left", r())) + tr(td("right", mi("c")), td("left", mi("d"))) + "</mtable>"),
    Construct("f = \\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}",
              .row([.identifier("f"), sym("="), .fenced(.leftBrace, .array(alignments: [.left, .left],
                    rows: [[one, .row([x, sym(">"), .number("0")])], [.number("0"), .text("otherwise")]], header: false, columnRules: false))]),
              r(mi("f"), mo("="), r(open("{"), "<mtable class=\"bp-array\">" + tr(td("left", mn("1")), td("left", r(mi("x"), mo("&gt;"), mn("0"))))
                + tr(td("left", mn("0")), td("left", "<mtext>otherwise</mtext>")) + "</mtable>"))),
    Construct("\\begin{aligned} a &= b \\\\ &= c \\end{aligned}",
              .aligned([[a, .row([sym("="), b])], [.row([]), .row([sym("="), c])]]),
              "<mtable class=\"bp-aligned\">" + tr(td("right", mi("a")), td("left", r(mo("="), mi("b"))))
                + tr(td("right", r()), td("left", r(mo("="), mi("c")))) + "</mtable>"),
    Construct("\\begin{align*} a &= b \\end{align*}", .aligned([[a, .row([sym("="), b])]]),
              "<mtable class=\"bp-aligned\">" + tr(td("right", mi("a")), td("left", r(mo("="), mi("b")))) + "</mtable>"),
    // Text and styles.
    Construct("\\text{손실 함수 }", .text("손실 함수 "), "<mtext>손실\u{A0}함수\u{A0}</mtext>"),
    Construct("x \\text{ 행렬}", .row([x, .text(" 행렬")]), r(mi("x"), "<mtext>\u{A0}행렬</mtext>")),
    Construct("\\text{50\\% of a\\_b}", .text("50% of a_b"), "<mtext>50%\u{A0}of\u{A0}a_b</mtext>"),
    Construct("\\mathbf{W}", .styled(.bold, .identifier("W")), mi("\u{1D416}")),
    Construct("\\mathrm{lr}", .styled(.upright, .identifier("lr")), "<mi mathvariant=\"normal\">lr</mi>"),
    Construct("\\mathit{ab}", .styled(.italic, .identifier("ab")), mi("\u{1D44E}\u{1D44F}")),
    Construct("\\mathcal{A}", .styled(.calligraphic, .identifier("A")), mi("\u{1D49C}")),
    Construct("\\mathbb{E}", .styled(.doubleStruck, .identifier("E")), mi("\u{1D53C}")),
    Construct("\\mathsf{x}", .styled(.sansSerif, x), mi("\u{1D5D1}")),
    Construct("\\mathtt{x}", .styled(.monospace, x), mi("\u{1D6A1}")),
    Construct("\\boldsymbol{x}", .styled(.boldItalic, x), mi("\u{1D499}")),
    Construct("\\bm{x}", .styled(.boldItalic, x), mi("\u{1D499}")),
    Construct("{\\bf x}", .styled(.bold, x), mi("\u{1D431}")),
    Construct("\\operatorname{softmax}(z)", .row([.function("softmax"), sym("("), .identifier("z"), sym(")")]),
              r(mi("softmax"), "<mo rspace=\"0.1667em\">\u{2061}</mo>", "<mo form=\"prefix\">(</mo>", mi("z"), "<mo form=\"postfix\">)</mo>")),
    Construct("\\log x", .row([.function("log"), x]), r(mi("log"), "<mo rspace=\"0.1667em\">\u{2061}</mo>", mi("x"))),
    Construct("\\tanh^2", .superscripted(.function("tanh"), two), "<msup><mrow><mi>tanh</mi></mrow><mrow><mn>2</mn></mrow></msup>"),
    // Accents and limits set over or under.
    Construct("\\hat{y}", .over(y, sym("\\hat"), accent: true), "<mover accent=\"true\"><mrow><mi>y</mi></mrow><mrow><mo>^</mo></mrow></mover>"),
    Construct("\\vec x", .over(x, sym("\\vec"), accent: true), "<mover accent=\"true\"><mrow><mi>x</mi></mrow><mrow><mo>→</mo></mrow></mover>"),
    Construct("\\overline{ab}", .over(.row([a, b]), sym("\\overline"), accent: true),
              "<mover accent=\"true\"><mrow><mi>a</mi><mi>b</mi></mrow><mrow><mo>¯</mo></mrow></mover>"),
    Construct("\\underline{x}", .under(x, sym("\\underline"), accent: true),
              "<munder accentunder=\"true\"><mrow><mi>x</mi></mrow><mrow><mo>_</mo></mrow></munder>"),
    Construct("\\overset{a}{b}", .over(b, a, accent: false), "<mover><mrow><mi>b</mi></mrow><mrow><mi>a</mi></mrow></mover>"),
    Construct("\\underset{a}{b}", .under(b, a, accent: false), "<munder><mrow><mi>b</mi></mrow><mrow><mi>a</mi></mrow></munder>"),
    Construct("\\xrightarrow{\\sigma(z)}", .over(.symbol(.longrightarrow), .row([.symbol(.sigma), sym("("), .identifier("z"), sym(")")]), accent: false),
              "<mover><mrow><mo>⟶</mo></mrow><mrow><mi>σ</mi><mo form=\"prefix\">(</mo><mi>z</mi><mo form=\"postfix\">)</mo></mrow></mover>"),
    Construct("\\xrightarrow[b]{a}", .underOver(.symbol(.longrightarrow), under: b, over: a),
              "<munderover><mrow><mo>⟶</mo></mrow><mrow><mi>b</mi></mrow><mrow><mi>a</mi></mrow></munderover>"),
    // Symbols.
    Construct("\\nabla \\partial", .row([sym("\\nabla"), sym("\\partial")]), r(mi("∇"), mi("∂"))),
    Construct("a \\odot b \\cdot c \\times d", .row([a, .symbol(.odot), b, sym("\\cdot"), c, .symbol(.times), d]),
              r(mi("a"), mo("⊙"), mi("b"), mo("⋅"), mi("c"), mo("×"), mi("d"))),
    Construct("\\{ x \\}", .row([sym("\\{"), x, sym("\\}")]), r("<mo form=\"prefix\">{</mo>", mi("x"), "<mo form=\"postfix\">}</mo>")),
    Construct("1, \\dots, \\ldots, \\cdots", .row([one, sym(","), sym("\\dots"), sym(","), .symbol(.ellipsis), sym(","), .symbol(.cdots)]),
              r(mn("1"), "<mo separator=\"true\">,</mo>", mo("…"), "<mo separator=\"true\">,</mo>", mo("…"),
                "<mo separator=\"true\">,</mo>", mo("⋯"))),
    Construct("\\vdots \\ddots", .row([.symbol(.vdots), .symbol(.ddots)]), r(mo("⋮"), mo("⋱"))),
    // Spaces.
    Construct("a\\,b", .row([a, .space(.thin), b]), r(mi("a"), "<mspace width=\"0.1667em\"></mspace>", mi("b"))),
    Construct("a\\:b", .row([a, .space(.medium), b]), r(mi("a"), "<mspace width=\"0.2222em\"></mspace>", mi("b"))),
    Construct("a\\;b", .row([a, .space(.thick), b]), r(mi("a"), "<mspace width=\"0.2778em\"></mspace>", mi("b"))),
    Construct("a\\!b", .row([a, .space(.negativeThin), b]), r(mi("a"), "<mspace width=\"-0.1667em\"></mspace>", mi("b"))),
    Construct("a\\quad b", .row([a, .space(.quad), b]), r(mi("a"), "<mspace width=\"1em\"></mspace>", mi("b"))),
    Construct("a\\qquad b", .row([a, .space(.qquad), b]), r(mi("a"), "<mspace width=\"2em\"></mspace>", mi("b"))),
    Construct("(0 \\ 8)", .row([sym("("), .number("0"), .space(MathSpace(mu: 6)), .number("8"), sym(")")]),
              r("<mo form=\"prefix\">(</mo>", mn("0"), "<mspace width=\"0.3333em\"></mspace>", mn("8"), "<mo form=\"postfix\">)</mo>")),
    Construct("a~b", .row([a, .space(MathSpace(mu: 6)), b]), r(mi("a"), "<mspace width=\"0.3333em\"></mspace>", mi("b"))),
    // Accepted and ignored.
    Construct("\\displaystyle x", x, mi("x")),
    Construct("\\textstyle \\frac12", .fraction(one, two), "<mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac>"),
    Construct("a % comment\n b", .row([a, b]), r(mi("a"), mi("b"))),
]

@Suite struct TeXReaderConstructTests {
    @Test(arguments: constructs)
    func construct(_ construct: Construct) {
        let node = read(construct.tex)
        #expect(node == construct.node)
        #expect(MathMLWriter.body(node) == construct.mathML)
    }

    static let greek = ["alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
                        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
                        "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
                        "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
                        "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ",
                        "Omega": "Ω"]

    @Test func greekLetters() {
        for (name, letter) in Self.greek {
            let node = read("\\" + name)
            #expect(node == .symbol(MathSymbol(tex: "\\" + name, character: letter, class: .alphabetic)), "\(name)")
            #expect(MathMLWriter.body(node) == "<mi>\(letter)</mi>", "\(name)")
        }
    }

    static let functions = ["log", "ln", "exp", "sin", "cos", "tan", "tanh", "sinh", "cosh", "max", "min", "arg", "det", "lim", "sup", "inf"]

    @Test func functionNames() {
        for name in Self.functions {
            let node = read("\\" + name)
            #expect(node == .function(name))
            #expect(MathMLWriter.body(node) == "<mi>\(name)</mi>")
        }
        let limit = read("\\lim_{n \\to \\infty}")
        #expect(limit == .subscripted(.function("lim"), .row([.identifier("n"), sym("\\to"), sym("\\infty")])))
        #expect(MathMLWriter.body(limit) == "<msub><mrow><mi>lim</mi></mrow><mrow><mi>n</mi><mo>→</mo><mi>∞</mi></mrow></msub>")
    }

    static let accents = ["hat": "^", "bar": "¯", "vec": "→", "tilde": "~", "dot": "˙", "ddot": "¨", "check": "ˇ", "breve": "˘",
                          "widehat": "^", "widetilde": "~", "overline": "¯"]

    @Test func accents() {
        for (name, mark) in Self.accents {
            let node = read("\\\(name){x}")
            #expect(node == .over(.identifier("x"), .symbol(MathSymbol(tex: "\\" + name, character: mark, class: .accent)), accent: true))
            #expect(MathMLWriter.body(node) == "<mover accent=\"true\"><mrow><mi>x</mi></mrow><mrow><mo>\(mark)</mo></mrow></mover>")
        }
    }

    static let relations = ["le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "sim": "∼",
                            "equiv": "≡", "propto": "∝", "in": "∈", "subset": "⊂", "to": "→", "rightarrow": "→",
                            "leftarrow": "←", "longrightarrow": "⟶", "Rightarrow": "⇒", "Leftarrow": "⇐",
                            "Leftrightarrow": "⇔", "iff": "⟺", "implies": "⟹", "mapsto": "↦"]

    @Test func relationsAndArrows() {
        for (name, character) in Self.relations {
            let node = read("a \\\(name) b")
            #expect(node == .row([.identifier("a"), .symbol(MathSymbol(tex: "\\" + name, character: character, class: .relation)), .identifier("b")]))
            #expect(MathMLWriter.body(node) == "<mrow><mi>a</mi><mo>\(character)</mo><mi>b</mi></mrow>")
        }
    }

    static let binaries = ["pm": "±", "times": "×", "div": "÷", "cdot": "⋅", "ast": "∗", "circ": "∘", "odot": "⊙", "oplus": "⊕",
                           "otimes": "⊗", "cup": "∪", "cap": "∩"]

    @Test func binaryOperators() {
        for (name, character) in Self.binaries {
            let node = read("\\" + name)
            #expect(node == .symbol(MathSymbol(tex: "\\" + name, character: character, class: .binary)))
            #expect(MathMLWriter.body(node) == "<mo>\(character)</mo>")
        }
    }
}
