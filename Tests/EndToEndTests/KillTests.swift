import BPTestSupport
import Foundation
import Testing

/// A render killed at any moment (SIGKILL: no handler runs) leaves every output whole, old or
/// new, and nothing the next render trips over.
@Suite(.serialized) struct KillTests {
    let root = TestPaths.packageRoot()

    private func tree(_ folder: URL) throws -> [String: Data] { try TestPaths.files(under: folder) }

    private func isTemporary(_ path: String) -> Bool {
        (path as NSString).lastPathComponent.hasPrefix(".") && path.hasSuffix(".tmp") && path.contains(".bpreport-")
    }

    @Test func aRenderKilledAtRandomMomentsLeavesEveryFileWhole() throws {
        let executable = try ProcessRunner.bpreportExecutable()
        let scratch = try TestPaths.temporaryDirectory("bpreport-kill")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let course = scratch.appendingPathComponent("course")
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("reports").path)
        where name.hasSuffix(".yaml") || name.hasSuffix(".nb.md") {
            try FileManager.default.copyItem(at: root.appendingPathComponent("reports/\(name)"), to: course.appendingPathComponent(name))
        }
        // The old set (floats to 2 digits) and the new one (the default), rendered whole.
        let old = scratch.appendingPathComponent("old"), new = scratch.appendingPathComponent("new")
        let oldArguments = ["render", course.path, "--output", old.path, "--digits", "2", "-q"]
        #expect(try ProcessRunner.run(executable, oldArguments).status == 0)
        let start = Date()
        #expect(try ProcessRunner.run(executable, ["render", course.path, "--output", new.path, "-q"]).status == 0)
        let duration = Date().timeIntervalSince(start)
        let oldTree = try tree(old), newTree = try tree(new)
        #expect(oldTree.keys.sorted() == newTree.keys.sorted())

        let site = scratch.appendingPathComponent("site")
        var random = SplitMix64(seed: 20_261_129)
        for run in 0..<50 {
            // Every run starts from the old set (stale temporaries of earlier kills kept).
            for (path, data) in oldTree {
                let url = site.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            let process = Process()
            process.executableURL = executable
            process.arguments = ["render", course.path, "--output", site.path, "-q"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(random.uniform(0, min(duration, 2)) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            for (path, data) in try tree(site) where !isTemporary(path) {
                #expect(data == oldTree[path] || data == newTree[path], "run \(run): \(path) is neither the old file nor the new")
            }
        }
        // A render after the kills works, writes the new set and counts no temporary; the files
        // a killed render already replaced with the new ones are left as they are.
        let before = try tree(site)
        let current = newTree.filter { before[$0.key] == $0.value }.count
        let after = try ProcessRunner.run(executable, ["render", course.path, "--output", site.path])
        #expect(after.status == 0, "\(after.standardError)")
        let written = newTree.count - current
        #expect(after.standardError.contains(current == 0 ? ", \(written) files written to \(site.path)\n"
                                                : ", \(written) file\(written == 1 ? "" : "s") written to \(site.path), \(current) already up to date\n"),
                "\(after.standardError)")
        let final = try tree(site)
        #expect(final.filter { !isTemporary($0.key) } == newTree)
        // Temporaries of the killed renders beside files it wrote were cleared away.
        #expect(final.keys.filter(isTemporary).isEmpty, "\(final.keys.filter(isTemporary))")
    }
}
