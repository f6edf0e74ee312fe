@testable import BPSpec
import BPTestSupport
import Testing

/// Clinger's fast path for a spec number's double, against `Double(String)` (strtod), bit for
/// bit, on random decimals of every shape, and the texts it must leave to strtod.
@Suite("Decimals to doubles without strtod")
struct DecimalDoubleTests {
    func read(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { DecimalDouble.value($0) }
    }

    @Test("200,000 random decimals: the fast path, where it answers, gives strtod's bits")
    func agreesWithStrtod() {
        var random = SplitMix64(seed: 29)
        var answered = 0
        for _ in 0..<200_000 {
            let digits = String((0..<random.int(1, 24)).map { _ in Character(String(random.below(10))) })
            var text = random.below(4) == 0 ? "-" : ""
            let point = random.below(digits.count + 1)
            text += String(digits.prefix(point)) + (point < digits.count || random.below(2) == 0 ? "." : "") + String(digits.dropFirst(point))
            if random.below(3) == 0 { text += (random.below(2) == 0 ? "e" : "E") + ["", "-", "+"][random.below(3)] + String(random.below(40)) }
            guard let expected = Double(text) else { continue }
            if let fast = read(text) {
                answered += 1
                #expect(fast.bitPattern == expected.bitPattern, "\(text)")
            }
        }
        // Most of them are short enough for the fast path.
        #expect(answered > 60_000)
    }

    @Test("the forms a spec writes, worked out by hand")
    func handWorked() {
        #expect(read("0.1") == 0.1 && read("-0.37") == -0.37 && read("1.5e-3") == 0.0015 && read("2") == 2)
        #expect(read("-0")!.sign == .minus && read("-0.000")!.sign == .minus && read("0.0")!.sign == .plus)
        #expect(read(".5") == 0.5 && read("5.") == 5 && read("+3") == 3 && read("007") == 7 && read("1E2") == 100)
        #expect(read("9007199254740992") == 9_007_199_254_740_992)  // 2^53: still exact
        #expect(read("1e22") == 1e22 && read("1e-22") == 1e-22)
    }

    @Test("left to strtod: too many digits, too large a power of ten, and anything but a decimal")
    func leftToStrtod() {
        for text in ["9007199254740993", "12345678901234567890", "1e23", "1e-23", "0.1e-22", "0x1p3", "inf", "nan",
                     "", "-", ".", "1e", "1e+", "1.2.3", "1_000", " 1", "1 ", "2/3", "1e99999"] {
            #expect(read(text) == nil, "\(text)")
        }
    }
}
