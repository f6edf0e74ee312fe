import BPNumerics
import Foundation
import Testing

/// `Double.printf`, which the report's numbers and figure labels are written with, against
/// Foundation's `String(format:)` that it replaces (in this test only).
@Suite("printf-style numbers")
struct PrintfTests {
    static let values: [Double] = [
        0, -0.0, 1, -1, 0.1, 2.5, 1.9994, 0.0189, 123_456_789, -98_765.4321, 1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
        3.14159265358979, 1e21, 1e-5, 0.000123456, .infinity, -.infinity, .nan, 182.5, 87.0 / 25,
    ]

    @Test("the formats bpreport uses, value for value", arguments: ["%.3g", "%#.3g", "%.5g", "%#.5g", "%.17g", "%#.17g", "%g", "%.1e"])
    func sameAsStringFormat(format: String) {
        for value in Self.values {
            #expect(value.printf(format) == String(format: format, value), "\(format) of \(value)")
        }
    }

    @Test("a result longer than the first buffer")
    func long() {
        // 1e300 with 40 decimals: 300 digits before the point.
        let text = 1e300.printf("%.40f")
        #expect(text == String(format: "%.40f", 1e300))
        #expect(text.count > 300)
    }
}
