import BPTestSupport
import Testing

/// The comparison the fixture tests rely on must see every kind of difference.
@Suite("JSONComparison")
struct JSONComparisonTests {
    let base = """
    {"arithmetic": "float", "numbering": 1, "steps": [{"step": 1, "loss": "0.5",
     "forward": [{"layer": 2, "z": [["1.0"], ["-2.5e-05"]]}], "updated": []}]}
    """

    func differences(_ actual: String, numbers: NumberComparison = .relativeTolerance(1e-12)) throws -> [String] {
        JSONComparison.differences(try JSONTree.parse(actual), try JSONTree.parse(base), numbers: numbers)
    }

    @Test("identical trees match")
    func identical() throws {
        #expect(try differences(base).isEmpty)
        #expect(try differences(base, numbers: .exactStrings).isEmpty)
    }

    @Test("numbers within the tolerance match; outside it they do not")
    func tolerance() throws {
        #expect(try differences(base.replacingOccurrences(of: "\"1.0\"", with: "\"1.0000000000000002\"")).isEmpty)
        #expect(try differences(base.replacingOccurrences(of: "\"1.0\"", with: "\"1.000000000001\"")).count == 1)
        #expect(try differences(base.replacingOccurrences(of: "\"0.5\"", with: "\"0.5000001\"")).count == 1)
        // Exact mode compares text: "1.0" is not "1".
        #expect(try differences(base.replacingOccurrences(of: "\"1.0\"", with: "\"1\""), numbers: .exactStrings).count == 1)
    }

    @Test("fixed fields are compared exactly, even in float mode")
    func fixedFields() throws {
        #expect(try differences(base.replacingOccurrences(of: "\"float\"", with: "\"exact\"")).count == 1)
        #expect(try differences(base.replacingOccurrences(of: "\"numbering\": 1", with: "\"numbering\": 0")).count == 1)
        #expect(try differences(base.replacingOccurrences(of: "\"layer\": 2", with: "\"layer\": 3")).count == 1)
        #expect(try differences(base.replacingOccurrences(of: "\"step\": 1", with: "\"step\": 2")).count == 1)
    }

    @Test("structure must be identical")
    func structure() throws {
        #expect(try differences(base.replacingOccurrences(of: ", \"updated\": []", with: "")).first?.contains("missing keys") == true)
        #expect(try differences(base.replacingOccurrences(of: "\"updated\": []", with: "\"updated\": [], \"extra\": 1")).first?.contains("unexpected keys") == true)
        #expect(try differences(base.replacingOccurrences(of: "[[\"1.0\"], [\"-2.5e-05\"]]", with: "[[\"1.0\"]]")).count == 1)
        #expect(try differences(base.replacingOccurrences(of: "[[\"1.0\"], [\"-2.5e-05\"]]", with: "[[\"1.0\", \"-2.5e-05\"]]")).count >= 1)
        #expect(try differences(base.replacingOccurrences(of: "\"0.5\"", with: "0.5")).count == 1)
    }
}
