@testable import BPFigures
import Testing

@Suite struct TextMetricsTests {
    /// A label of ASCII and the wide signs is measured by its scalars: the same widths, to the
    /// bit, as Character by Character.
    @Test func scalarsMeasureAsCharacters() {
        let labels = ["−0.25", "0.1", "w = 1.5×10", "a ⋯ b", "…", "hours studied", "Mmm!|", "x1/2", "", "-3.75e-2", "W: 12, b: −7"]
        for label in labels {
            #expect(TextMetrics.width(label, size: 11) == TextMetrics.widthByCharacters(label, size: 11))
        }
        // By hand: − 0.84, 0 0.64, . 0.32, 5 0.64 ems at 10 units an em.
        #expect(abs(TextMetrics.width("−0.5", size: 10) - 24.4) < 1e-12)
    }

    /// Other text goes Character by Character: a combining mark joins its letter, a CJK
    /// character takes a full em, and CR LF is one Character.
    @Test func otherTextGoesByCharacters() {
        #expect(abs(TextMetrics.width("e\u{301}", size: 1) - 0.66) < 1e-12)
        #expect(abs(TextMetrics.width("학습", size: 1) - 2.0) < 1e-12)
        #expect(abs(TextMetrics.width("a\r\nb", size: 1) - 3 * 0.66) < 1e-12)
    }
}
