import BPDocument
import Foundation
import Testing

/// `trimmingWhiteSpace`, against Foundation's `trimmingCharacters(in:)` it replaces (in this
/// test only), on ASCII and Unicode spaces and breaks.
@Suite("Trimming white space")
struct TrimmingTests {
    static let texts = [
        "", " ", "\t", "\n", " a ", "\ta b\t", "\n x \n", "\r\n y\r\n", "\u{00A0}nbsp\u{00A0}", "\u{2003}em\u{3000}",
        "\u{0085}next\u{2028}", "\u{2029}p", "a", "  \u{1F9E0}  ", "\u{200B}zero-width\u{200B}", " \u{000B}v\u{000C} ",
        "\u{0301}e", "a\u{0301} ",
    ]

    @Test("spaces and tabs only, then with line breaks", arguments: texts)
    func sameAsFoundation(text: String) {
        #expect(text.trimmingWhiteSpace() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingWhiteSpace(newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(Substring(text).trimmingWhiteSpace() == text.trimmingCharacters(in: .whitespaces))
    }
}
