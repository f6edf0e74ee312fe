#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Double {
    /// The value written by C's `snprintf` with `format`, one conversion of one double (`"%.3g"`,
    /// `"%#.5g"`, `"%.1e"`), in the C locale's digits: what Foundation's `String(format:)` gives
    /// for these, without full Foundation (bpreport imports only `FoundationEssentials`).
    public func printf(_ format: String) -> String {
        // 64 bytes hold any %g or %e of a double up to 40 significant digits; a longer result
        // is written again into a buffer of the length the first call measured.
        var buffer = [CChar](repeating: 0, count: 64)
        let needed = Int(withVaList([self]) { vsnprintf(&buffer, buffer.count, format, $0) })
        if needed >= buffer.count {
            buffer = [CChar](repeating: 0, count: needed + 1)
            _ = withVaList([self]) { vsnprintf(&buffer, buffer.count, format, $0) }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
