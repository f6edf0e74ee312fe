import BPReport
import Foundation
import Testing

/// A source from bytes: UTF-8 after an optional byte order mark, or refused at the first byte
/// that begins no valid character, with its offset counted from the first byte given.
@Suite struct SourceDataTests {
    private func text(_ bytes: [UInt8]) throws(SourceTextError) -> String {
        try Source(name: "s", data: Data(bytes)).text
    }

    private func refusal(_ bytes: [UInt8]) -> SourceTextError? {
        do {
            _ = try text(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func validTextIsKeptAndALeadingByteOrderMarkDropped() throws {
        #expect(try text(Array("a: 1\n".utf8)) == "a: 1\n")
        #expect(try text([0xEF, 0xBB, 0xBF] + Array("a: 1".utf8)) == "a: 1")
        #expect(try text([0xEF, 0xBB, 0xBF]) == "")
        #expect(try text([]) == "")
        // Only the first mark is one: a second is text (U+FEFF), for the reader to judge.
        #expect(try text([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x61]) == "\u{FEFF}a")
        // Two-, three- and four-byte characters: é, 문, 𝜎.
        #expect(try text([0xC3, 0xA9, 0xEB, 0xAC, 0xB8, 0xF0, 0x9D, 0x9C, 0x8E]) == "é문𝜎")
    }

    @Test func theFirstBadByteIsNamedWithItsOffset() {
        // A continuation byte with nothing before it: 0x80 at 1.
        #expect(refusal([0x78, 0x80]) == SourceTextError(label: nil, offset: 1, byte: 0x80))
        // An overlong '/' (C0 AF) and a UTF-16 surrogate (ED A0 80) are not UTF-8: at 0.
        #expect(refusal([0xC0, 0xAF])?.offset == 0)
        #expect(refusal([0xED, 0xA0, 0x80])?.byte == 0xED)
        // A character cut short by the end: E2 82 (of €) at 2.
        #expect(refusal([0x61, 0x62, 0xE2, 0x82]) == SourceTextError(label: nil, offset: 2, byte: 0xE2))
        // Past a byte order mark, offsets still count it: FF at 3 + 1.
        #expect(refusal([0xEF, 0xBB, 0xBF, 0x61, 0xFF]) == SourceTextError(label: nil, offset: 4, byte: 0xFF))
        // Only the first bad byte: the 0x80 at 3 is not reached.
        #expect(refusal([0xFE, 0x61, 0x62, 0x80])?.offset == 0)
    }

    @Test func theMessageNamesTheSourceTheByteAndTheOffset() {
        let error = SourceTextError(label: "week3/p.yaml", offset: 1_234, byte: 0xC0)
        #expect(error.description == "week3/p.yaml: not UTF-8 text: invalid byte 0xC0 at offset 1234")
        #expect(SourceTextError(label: nil, offset: 0, byte: 0xFF).description == "not UTF-8 text: invalid byte 0xFF at offset 0")
    }

    @Test func aNotebookFromBytesRendersAsFromText() throws {
        let notebook = "# Week 1\n\nProse with $a^2$.\n"
        let fromText = try Pipeline().render(Source(name: "nb", text: notebook, kind: .notebook))
        let fromBytes = try Pipeline().render(try Source(name: "nb", data: Data(notebook.utf8), kind: .notebook))
        #expect(fromBytes == fromText)
        #expect(fromBytes.map(\.name) == ["nb.md", "nb.html"])
    }
}
