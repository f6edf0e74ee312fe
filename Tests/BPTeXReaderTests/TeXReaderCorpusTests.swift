import BPDocument
import BPTestSupport
import BPTeXReader
import BPWriters
import Foundation
import Testing

/// The package root, found from this file's path.
private func packageRoot() -> URL { TestPaths.packageRoot() }

private func files(in folder: String, ending suffix: String) throws -> [URL] {
    let directory = packageRoot().appendingPathComponent(folder)
    return try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(suffix) }.sorted().map { directory.appendingPathComponent($0) }
}

/// The formulas of a text, `$$...$$` (display) and `$...$` (inline), by a simple scan; `\$`
/// is no delimiter.
func formulas(in text: String, displayOnly: Bool = false) -> [String] {
    let chars = Array(text)
    var found: [String] = []
    var index = 0
    while index < chars.count {
        if chars[index] == "\\" { index += 2; continue }
        guard chars[index] == "$" else { index += 1; continue }
        let display = index + 1 < chars.count && chars[index + 1] == "$"
        let width = display ? 2 : 1
        var end = index + width
        while end < chars.count {
            if chars[end] == "\\" { end += 2; continue }
            if chars[end] == "$", !display || (end + 1 < chars.count && chars[end + 1] == "$") { break }
            end += 1
        }
        guard end < chars.count else { break }
        if display || !displayOnly { found.append(String(chars[(index + width)..<end])) }
        index = end + width
    }
    return found
}


@Suite struct TeXReaderCorpusTests {
    /// The display formulas of the reports rendered from specs: the writer's own TeX. (A
    /// notebook's page also holds its author's TeX, which need not survive a round trip.)
    static func reportFormulas() throws -> [String] {
        try files(in: "reports", ending: ".md")
            .filter { !$0.lastPathComponent.hasSuffix(".nb.md") && !FileManager.default.fileExists(atPath: $0.deletingPathExtension().path + ".nb.md") }
            .flatMap { formulas(in: try String(contentsOf: $0, encoding: .utf8), displayOnly: true) }
    }

    /// A notebook's formulas, its author's and the generated ones alike, read without warnings.
    @Test func notebookFormulasReadWithoutWarnings() throws {
        let notebooks = try files(in: "reports", ending: ".nb.md")
        #expect(!notebooks.isEmpty)
        for file in notebooks {
            for tex in formulas(in: try String(contentsOf: file, encoding: .utf8)) {
                #expect(TeXReader().read(tex).warnings == [], "\(file.lastPathComponent): \(tex)")
            }
        }
    }

    /// Every display formula of the committed reports reads without warnings, and what the LaTeX
    /// writer makes of it reads back as the same node.
    @Test func reportsRoundTrip() throws {
        let all = try Self.reportFormulas()
        #expect(all.count > 100)
        for tex in all {
            let parse = TeXReader().read(tex)
            #expect(parse.warnings == [], "\(tex)")
            let written = LaTeXMathWriter.write(parse.node)
            let again = TeXReader().read(written)
            #expect(again.warnings == [], "\(written)")
            #expect(again.node == parse.node, "\(tex)\n->\n\(written)")
        }
    }

    /// A report's array reads as the model's array: alignments, rules, cells.
    @Test func reportArray() {
        let tex = "\\begin{array}{c|l}\nl & \\delta^{l} \\\\ \\hline\n2 & \\frac{\\partial L}{\\partial z^{2}} \\longrightarrow \\begin{pmatrix} 0.1385 \\\\ -0.03810 \\end{pmatrix}\n\\end{array}"
        let fraction = MathNode.fraction(.row([.symbol(.partial), .identifier("L")]),
                                         .row([.symbol(.partial), .superscripted(.identifier("z"), .number("2"))]))
        let column = MathNode.matrix([[.number("0.1385")], [.row([.symbol(.minus), .number("0.03810")])]])
        #expect(read(tex) == .array(alignments: [.center, .left],
                                    rows: [[.identifier("l"), .superscripted(.symbol(.delta), .identifier("l"))],
                                           [.number("2"), .row([fraction, .symbol(.longrightarrow), column])]],
                                    header: true, columnRules: true))
    }

    /// Formulas of the lecture notes that cannot be read, by design: none.
    static let expectedFallbacks: [String] = []

    /// Every formula of the lecture notes reads with no warnings, but those listed.
    /// The notes are read where the workplace keeps them, beside the checkout (`../shared/seed`),
    /// not copied into the repository; the test is skipped where they are absent.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: packageRoot().appendingPathComponent("../shared/seed").path)))
    func lectureNotes() throws {
        let notes = try files(in: "../shared/seed", ending: ".txt")
        #expect(!notes.isEmpty)
        var failing: [String] = []
        var count = 0
        for file in notes {
            for tex in formulas(in: try String(contentsOf: file, encoding: .utf8)) {
                count += 1
                let parse = TeXReader().read(tex)
                if !parse.warnings.isEmpty { failing.append(tex) }
                #expect(!containsUnparsed(parse.node) || !parse.warnings.isEmpty, "\(tex)")
            }
        }
        #expect(count > 80)
        #expect(failing == Self.expectedFallbacks)
    }

    /// 500 random mutations of report formulas never trap, and whatever is read writes.
    @Test func fuzz() throws {
        let sources = try Self.reportFormulas() + ["\\frac{a}{b}", "\\left( x \\right)", "\\begin{cases} a & b \\end{cases}"]
        let pieces = ["{", "}", "\\", "^", "_", "&", "\\\\", "\\left(", "\\right)", "\\begin{pmatrix}", "\\end{pmatrix}",
                      "\\frac", "\\sqrt[", "]", "'", "$", "#", "%", "\\text{", "\\foo", "\\begin{array}{c|", "\\hline",
                      "\\end{x}", "\\sum\\limits", "~", "\\", "\u{0}", "행"]
        // Seeded, so the fuzz test is the same on every run.
        var rng = SplitMix64(seed: 0x5EED_7E11)
        for _ in 0..<500 {
            var chars = Array(sources[Int(rng.next() % UInt64(sources.count))])
            for _ in 0..<(1 + Int(rng.next() % 6)) {
                let at = chars.isEmpty ? 0 : Int(rng.next() % UInt64(chars.count + 1))
                switch rng.next() % 4 {
                case 0 where !chars.isEmpty: chars.remove(at: min(at, chars.count - 1))
                case 1 where at < chars.count:
                    let length = Int(rng.next() % 8)
                    chars.removeSubrange(at..<min(chars.count, at + length))
                case 2 where !chars.isEmpty:
                    let from = Int(rng.next() % UInt64(chars.count))
                    chars.insert(chars[from], at: at)
                default: chars.insert(contentsOf: Array(pieces[Int(rng.next() % UInt64(pieces.count))]), at: at)
                }
            }
            let tex = String(chars)
            let parse = TeXReader().read(tex)
            _ = MathMLWriter.body(parse.node)
            _ = TeXReader().read(LaTeXMathWriter.write(parse.node))
            #expect(parse.warnings.allSatisfy { $0.offset >= 0 && $0.offset <= tex.count })
        }
    }
}

/// Whether any part of a node is kept as written.
func containsUnparsed(_ node: MathNode) -> Bool {
    var found = false
    DocumentWalker(math: { node in
        if case .unparsed = node { found = true }
        return .descend
    }).walk(node)
    return found
}
