import FoundationEssentials
import Testing
@testable import BPReport

/// The posix_spawn runner the TeX compiler starts its engine with: exit codes, signals, the
/// folder and environment it is given, and a program that is not there.
@Suite("Child processes")
struct ChildProcessTests {
    @Test("the exit code, and 128 + the signal that ended it")
    func status() throws {
        #expect(try ChildProcess.run("/bin/sh", arguments: ["-c", "exit 0"], in: "/", environment: [:]) == 0)
        #expect(try ChildProcess.run("/bin/sh", arguments: ["-c", "exit 3"], in: "/", environment: [:]) == 3)
        #expect(try ChildProcess.run("/bin/sh", arguments: ["-c", "kill -9 $$"], in: "/", environment: [:]) == 128 + 9)
    }

    @Test("runs in the folder, with exactly the environment given, its output on /dev/null")
    func folderAndEnvironment() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bpreport-child-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = #"pwd > where.txt; printf '%s|%s' "$GREETING" "${HOME-unset}" > env.txt; echo to-dev-null"#
        let status = try ChildProcess.run("/bin/sh", arguments: ["-c", script], in: folder, environment: ["GREETING": "hi there"])
        #expect(status == 0)
        let place = try String(contentsOfFile: folder + "/where.txt", encoding: .utf8)
        #expect(place.trimmingWhiteSpace(newlines: true) == folder)
        #expect(try String(contentsOfFile: folder + "/env.txt", encoding: .utf8) == "hi there|unset")
    }

    @Test("a program that is not there: ENOENT")
    func missing() {
        #expect(throws: POSIXError(.ENOENT)) {
            try ChildProcess.run("/nonexistent/pdflatex", arguments: [], in: "/", environment: [:])
        }
    }
}
