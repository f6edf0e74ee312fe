import BPNumerics
@testable import BPSpec
import BPTestSupport
import Testing

@Suite("SpecValueParser, byte by byte")
struct SpecValuePlainTests {
    /// Random texts of the characters numbers are written with, read byte by byte (``parse``)
    /// and Character by Character: the same value or the same failure.
    @Test("plain texts read as the Character reading reads them")
    func sameAsCharacters() {
        let alphabet = Array("0123456789+-.eE/ \t00011")
        var generator = SplitMix64(seed: 7)
        var read = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...9, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let plain = Result { () throws(SpecValueParser.Failure) in try SpecValueParser.parse(text) }
            let characters = Result { () throws(SpecValueParser.Failure) in try SpecValueParser.parseCharacters(text) }
            #expect(plain == characters, "\(text.debugDescription)")
            if case .success = plain { read += 1 }
        }
        // Numbers, not only failures.
        #expect(read > 2_000)
    }
}
