import BPTestSupport
import Foundation
import Testing

/// The committed traces are what the Python reference computes, now: re-running
/// `Tests/Fixtures/reference_backprop.py` on every fixture spec gives each trace byte for byte.
/// A trace re-recorded from bpreport itself (or edited by hand) would compare the engine with
/// itself; this test sees it. Needs python3 with PyYAML (CI installs both; elsewhere the test is
/// skipped without python3).
@Suite struct ReferenceRerunTests {
    static let script = TestPaths.packageRoot().appendingPathComponent("Tests/Fixtures/reference_backprop.py")

    @Test(.enabled(if: Tools.required("python3")), arguments: FixtureCase.all)
    func theReferenceStillWritesTheCommittedTrace(fixture: FixtureCase) throws {
        let python = try Tools.locate("python3")
        let result = try ProcessRunner.run(python, [Self.script.path, fixture.spec.path])
        try #require(result.status == 0, "reference_backprop.py failed on \(fixture.name) (PyYAML: python3-yaml): \(result.standardError)")
        let committed = try TestPaths.text(of: fixture.trace)
        #expect(result.standardOutput == committed,
                "\(fixture.trace.lastPathComponent) is not what the reference computes; re-record it with `python3 reference_backprop.py`, never from bpreport")
    }
}
