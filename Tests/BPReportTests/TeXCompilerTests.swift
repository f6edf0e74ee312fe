@testable import BPReport
import Testing

/// What the user is told from TeX's log: its first error, where it stopped and what stopped it,
/// and the characters no font had. The logs are excerpts of pdflatex's and lualatex's own.
@Suite struct TeXCompilerTests {
    @Test func anUndefinedCommandIsNamedWithItsLine() {
        let log = "(./a.tex\n! Undefined control sequence.\nl.3 Hello \\foo\n              {} there \nHere is how much of TeX's memory you used:\n"
        #expect(TeXCompiler.firstError(in: log) == "Undefined control sequence. at line 3 of the LaTeX, after `Hello \\foo`")
    }

    @Test func aFileEndingTooSoonIsSaidSo() {
        let log = "LaTeX Font Info:    ... okay on input line 2.\n)\n! Emergency stop.\n<*> b.tex\n          \nHere is how much\n"
        #expect(TeXCompiler.firstError(in: log) == "Emergency stop: the LaTeX ended before \\end{document}")
    }

    @Test func aTooWideFormulaGetsAHint() {
        let log = "! Dimension too large.\n<to be read again> \n\\relax \nl.225 \\end{aligned}}\n"
        #expect(TeXCompiler.firstError(in: log).hasPrefix("Dimension too large. at line 225 of the LaTeX, after `\\end{aligned}}`; a formula is too wide for TeX"))
    }

    @Test func missingCharactersAreListedOnceInOrder() {
        let log = """
        Missing character: There is no 🧠 (U+1F9E0) in font LatinModernRoman/B:mode=node;!
        Missing character: There is no ☃ (U+2603) in font LatinModernRoman:mode=node;!
        Missing character: There is no 🧠 (U+1F9E0) in font LatinModernSans:mode=node;!
        """
        #expect(TeXCompiler.missingCharacters(in: log) == ["🧠 (U+1F9E0)", "☃ (U+2603)"])
        #expect(TeXCompiler.firstError(in: "no error here\n") == "see its log")
    }
}
