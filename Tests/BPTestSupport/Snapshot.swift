import Foundation

/// Expected outputs kept as readable files beside the tests, compared byte for byte.
///
/// A missing file is recorded (and the check fails, so a new snapshot is always looked at);
/// `BPREPORT_RECORD=1 swift test` re-records every snapshot a run touches. In CI neither is
/// done (``RecordMode``): a missing snapshot or a request to record fails.
public enum Snapshot {
    public static var isRecording: Bool { RecordMode.isOn() }

    /// `nil` when `actual` equals the file; otherwise what is wrong, with the first differing line.
    public static func mismatch(_ actual: String, file url: URL) -> String? {
        if let refusal = RecordMode.refusal() { return "\(url.path): \(refusal)" }
        let existing = try? String(contentsOf: url, encoding: .utf8)
        if existing == nil && CI.isSet { return "\(url.path): no snapshot; record it locally and commit it" }
        if isRecording || existing == nil {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url, options: .atomic)
            } catch {
                return "\(url.path): cannot record the snapshot (\(error))"
            }
            return existing == nil ? "\(url.path): recorded a new snapshot; check it and run again" : nil
        }
        guard let expected = existing, expected != actual else { return nil }
        let a = actual.components(separatedBy: "\n")
        let e = expected.components(separatedBy: "\n")
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        let got = line < a.count ? a[line] : "<end of output>"
        let want = line < e.count ? e[line] : "<end of file>"
        return "\(url.path): differs at line \(line + 1)\n  expected: \(want)\n  actual:   \(got)\nRe-record with BPREPORT_RECORD=1 if the change is intended."
    }
}
