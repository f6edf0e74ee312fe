import BPNumerics
@testable import BPSpec
import BPTestSupport
import Testing

/// The digit bound a reader takes instead of a plain decimal's exact value: never below the
/// exact value's digits, and given only for texts the exact reading accepts.
@Suite("Plain decimals' digit bound")
struct PlainDecimalBoundTests {
    func bound(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { SpecValueParser.plainDecimalDigitBound($0) }
    }

    @Test("100,000 random decimals: accepted ones parse, and the bound holds the exact digits")
    func boundsTheExactValue() throws {
        var random = SplitMix64(seed: 41)
        var accepted = 0
        for _ in 0..<100_000 {
            let digits = String((0..<random.int(0, 30)).map { _ in Character(String(random.below(10))) })
            var text = ["", "-", "+"][random.below(3)]
            let point = random.below(digits.count + 1)
            text += String(digits.prefix(point)) + (random.below(2) == 0 ? "." : "") + String(digits.dropFirst(point))
            if random.below(2) == 0 { text += "e" + ["", "-", "+"][random.below(3)] + String(random.below(500)) }
            guard let bound = bound(text) else { continue }
            accepted += 1
            let exact = try SpecValueParser.parse(text)
            #expect(bound >= exact.digitCount, "\(text): bound \(bound), digits \(exact.digitCount)")
        }
        #expect(accepted > 30_000)
    }

    @Test("worked by hand")
    func handWorked() {
        // The digits of numerator or denominator, and one for GMP's count, which may be one over.
        #expect(bound("0.37") == 4)  // 37/100: the denominator's 3 digits
        #expect(bound("-12.5") == 4)  // -125/10
        #expect(bound("1e5") == 7)  // 100000
        #expect(bound("2.5e-3") == 6)  // 25/10^4
        #expect(bound("1e400") == 402 && bound("1e401") == nil)  // past the exponent limit: parse says why
        for text in ["", "-", ".", "e5", "1e", "1.2.3", " 1", "1 ", "2/3", "0x10", "1_0", "١"] {
            #expect(bound(text) == nil, "\(text)")
        }
    }
}
