@testable import BPWriters
import BPTestSupport
import Testing

@Suite("Markdown escaping, byte by byte")
struct MarkdownEscapeTests {
    /// Random texts rich in markup characters, with letters and symbols of other scripts and
    /// marks that combine with ASCII, escaped as ``MarkdownWriter/escape(_:)`` escapes them (byte
    /// by byte where it can) and Character by Character: the same text.
    @Test("texts escape as the Character escaping escapes them")
    func sameAsCharacters() {
        let alphabet = Array("ab1.)#-+=&;#x2\\*_`<>$~|[]():\n amp—η한−") + ["\u{301}", "\r", "\u{200D}", "\u{FE0F}"].map { Character($0) }
        var generator = SplitMix64(seed: 11)
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(MarkdownWriter.escape(text) == MarkdownWriter.escapeCharacters(text), "\(text.debugDescription)")
        }
    }
}
