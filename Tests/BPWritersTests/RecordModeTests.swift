import BPTestSupport
import Testing

/// Recording expectations never makes a CI run pass: with CI set, BPREPORT_RECORD=1 is refused
/// (the snapshot check and the template test fail with this message) instead of rewriting.
@Suite struct RecordModeTests {
    @Test func recordingIsRefusedInCI() throws {
        let refusal = try #require(RecordMode.refusal(["BPREPORT_RECORD": "1", "CI": "1"]))
        #expect(refusal.hasPrefix("BPREPORT_RECORD=1 is refused in CI"))
        #expect(!RecordMode.isOn(["BPREPORT_RECORD": "1", "CI": "true"]))
        #expect(RecordMode.refusal(["BPREPORT_RECORD": "1", "CI": "true"]) != nil)
    }

    @Test func recordingRunsOutsideCI() {
        #expect(RecordMode.isOn(["BPREPORT_RECORD": "1"]))
        #expect(RecordMode.isOn(["BPREPORT_RECORD": "1", "CI": "0"]))
        #expect(RecordMode.refusal(["BPREPORT_RECORD": "1", "CI": "false"]) == nil)
        #expect(!RecordMode.isOn(["CI": "1"]))
        #expect(!RecordMode.isOn([:]))
        #expect(RecordMode.refusal(["CI": "1"]) == nil)
    }
}
