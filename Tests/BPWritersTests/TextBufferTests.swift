@testable import BPWriters
import Testing

/// The writers' byte buffer and the drawing numbers written into it, against texts worked out
/// by hand.
@Suite struct TextBufferTests {
    @Test func literalsTextAndEscapesAppendInOrder() {
        var buffer = TextBuffer(capacity: 1)  // grows from the smallest capacity
        buffer += "<mi>"
        buffer += String("x²")
        buffer.appendEscapingHTML("a<b & \"c\">d")
        buffer += "</mi>"
        let bufferText = buffer.text
        #expect(bufferText == "<mi>x²a&lt;b &amp; &quot;c&quot;&gt;d</mi>")
        let count = buffer.count, text = buffer.text, utf8 = buffer.utf8
        #expect(count == text.utf8.count)
        #expect(utf8 == Array(text.utf8))
    }

    @Test func decimalsAndBuffersOfTheirOwn() {
        var buffer = TextBuffer()
        for value in [0, 7, -7, 10, 1_234_567, Int.max, Int.min] {
            buffer.append(decimal: value)
            buffer += " "
        }
        let bufferText = buffer.text
        #expect(bufferText == "0 7 -7 10 1234567 9223372036854775807 -9223372036854775808 ")
        var tex = TextBuffer()
        tex += "a<b"
        var page = TextBuffer()
        page += "["
        page.appendEscapingHTML(tex)
        page += tex
        page += "]"
        let pageText = page.text
        #expect(pageText == "[a&lt;ba<b]")
    }

    @Test func insertHasAndTruncate() {
        var buffer = TextBuffer(capacity: 4)
        buffer += "<mrow><mi>x</mi></mrow>"
        // (Read into values first: #expect cannot take a non-copyable buffer apart.)
        let atStart = buffer.has("<mrow>", at: 0), atOne = buffer.has("<mrow>", at: 1)
        let pastEnd = buffer.has("</mrow>!", at: 16)  // runs past the end
        #expect(atStart && !atOne && !pastEnd)
        var attributes = TextBuffer()
        attributes += " data-link=\"g\""
        buffer.insert(attributes, at: 5)
        let text1 = buffer.text
        #expect(text1 == "<mrow data-link=\"g\"><mi>x</mi></mrow>")
        buffer.truncate(to: 5)
        let text2 = buffer.text
        #expect(text2 == "<mrow")
        buffer.insert(attributes, at: 5)  // at the end
        let text3 = buffer.text
        #expect(text3 == "<mrow data-link=\"g\"")
    }

    /// One decimal place for coordinates, two for sizes: no trailing zeros, no negative zero.
    @Test func drawingNumbers() {
        let cases: [(Double, Int, String)] = [
            (0, 1, "0"), (12, 1, "12"), (12.25, 1, "12.3"), (-0.04, 1, "0"), (-0.05, 1, "-0.1"), (-1.5, 1, "-1.5"),
            (0.05, 2, "0.05"), (0.5, 2, "0.5"), (1.005, 2, "1"), (-2.3456, 2, "-2.35"), (0.1667, 4, "0.1667"), (0.12, 4, "0.12"),
            (.infinity, 1, "0"), (.nan, 2, "0"),
        ]
        for (value, places, text) in cases {
            #expect(DrawingNumber.format(value, places: places) == text, "\(value) to \(places) places")
        }
    }
}
