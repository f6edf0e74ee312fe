import BPReport
import BPSpec
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a render's files as a set, and checking committed ones.
enum ReportFiles {
    /// Writes every output to a temporary file beside its destination first and renames them
    /// into place only when all are written, so a failure leaves every old file whole (and a
    /// reader never sees half a file). No fsync: a report can always be rendered again.
    /// Fails with exit status 74, naming the file, and, should a rename fail midway, the files
    /// already replaced. A file that already holds exactly these bytes is left as it is (its
    /// time too): re-rendering an unchanged course rewrites nothing, and replacing a file is
    /// dear on ext4, which writes the new one out at once. Returns how many files it wrote.
    @discardableResult
    static func write(_ outputs: [OutputFile], creating directory: String?) throws -> Int {
        // The output folder and every sub-folder of a site.
        var folders = Set(outputs.map { PathText.deletingLastComponent($0.path) }.filter { !$0.isEmpty })
        if let directory { folders.insert(directory) }
        for folder in folders.sorted() {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("\(folder): cannot create the output folder (\(SystemErrorReason.text(for: error))); nothing was written",
                                     status: .cannotWrite)
            }
        }
        removeStaleTemporaries(beside: outputs.map(\.path))
        // A folder where a file should go would only fail at its rename: refuse before any.
        for output in outputs where isDirectory(output.path) {
            throw CommandFailure("\(output.path): cannot write the report (a folder is in the way); nothing was replaced", status: .cannotWrite)
        }
        let outputs = outputs.filter { output in !output.withBytes { holds(output.path, $0) } }
        var temporaries: [String] = []
        for output in outputs {
            let temporary = temporaryPath(for: output.path)
            if let reason = output.withBytes({ writeFile(at: temporary, bytes: $0) }) {
                for path in temporaries { unlink(path) }
                throw CommandFailure("\(output.path): cannot write the report (\(reason)); nothing was replaced", status: .cannotWrite)
            }
            temporaries.append(temporary)
        }
        for (index, (output, temporary)) in zip(outputs, temporaries).enumerated() where rename(temporary, output.path) != 0 {
            let reason = String(cString: strerror(errno))
            for path in temporaries[index...] { unlink(path) }
            let replaced = outputs[..<index].map(\.path)
            let done = replaced.isEmpty ? "nothing was replaced" : "already replaced: \(replaced.joined(separator: ", ")); the others were left as they were"
            throw CommandFailure("\(output.path): cannot replace the file (\(reason)); \(done)", status: .cannotWrite)
        }
        return outputs.count
    }

    /// `9 files written to out`, `2 files written to out, 7 already up to date`, `nothing
    /// written to out: 9 files already up to date`.
    static func summary(written: Int, of total: Int, into folder: String?) -> String {
        let place = folder.map { " to \($0)" } ?? ""
        let unchanged = total - written
        let files = { (n: Int) in "\(n) file\(n == 1 ? "" : "s")" }
        if unchanged == 0 { return files(written) + " written" + place }
        if written == 0 { return "nothing written\(place): \(files(unchanged)) already up to date" }
        return files(written) + " written" + place + ", \(unchanged) already up to date"
    }

    /// Whether the regular file at `path` holds exactly `bytes`: what a write leaves alone and a
    /// check counts as up to date.
    private static func holds(_ path: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size == bytes.count else { return false }
        var existing = [UInt8](repeating: 0, count: bytes.count + 1)
        var filled = 0
        // One byte more than expected is asked for, so a file that grew since fstat is told apart.
        while filled < existing.count {
            let count = existing.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        guard filled == bytes.count else { return false }
        return bytes.isEmpty || existing.withUnsafeBytes { old in memcmp(old.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }

    /// The temporary beside `path`: hidden (so a render of the folder never takes it for an
    /// input) and named by this process, `.p1.md.bpreport-1234.tmp`.
    static func temporaryPath(for path: String) -> String {
        let folder = PathText.deletingLastComponent(path)
        let name = "." + PathText.lastComponent(path) + temporaryMarker + "\(getpid()).tmp"
        return PathText.appending(folder, name)
    }

    private static let temporaryMarker = ".bpreport-"

    /// Removes the temporaries a killed render left beside these destinations (those of
    /// processes no longer running), so they do not pile up.
    private static func removeStaleTemporaries(beside paths: [String]) {
        // By the bytes of the paths and readdir: Foundation's path methods and folder listing
        // cost every render half a million instructions for a look that almost always finds
        // nothing.
        var byFolder: [String: Set<String>] = [:]
        for path in paths {
            byFolder[PathText.deletingLastComponent(path), default: []].insert("." + PathText.lastComponent(path) + temporaryMarker)
        }
        for (folder, names) in byFolder {
            guard let directory = opendir(folder.isEmpty ? "." : folder) else { continue }
            var stale: [String] = []
            while let entry = readdir(directory) {
                let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard entryName.hasPrefix("."), entryName.hasSuffix(".tmp"),
                      let marker = entryName.ranges(of: temporaryMarker).last,
                      names.contains(String(entryName[..<marker.upperBound])),
                      let pid = pid_t(entryName[marker.upperBound...].dropLast(4)),
                      kill(pid, 0) != 0 && errno == ESRCH else { continue }
                stale.append(entryName)
            }
            closedir(directory)
            for entry in stale { unlink(PathText.appending(folder, entry)) }
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory
    }

    /// Writes `text` to a new file at `path`; returns why not on failure, removing what it wrote.
    private static func writeFile(at path: String, bytes: UnsafeRawBufferPointer) -> String? {
        guard let file = fopen(path, "wb") else { return String(cString: strerror(errno)) }
        // No fallocate to dodge ext4's flush on rename (auto_da_alloc): that flush is what keeps a
        // replaced report from reading as zeros after a crash, and it costs about a millisecond.
        let written = bytes.isEmpty ? 0 : fwrite(bytes.baseAddress, 1, bytes.count, file)
        let closed = fclose(file) == 0
        guard written == bytes.count, closed else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            return reason
        }
        return nil
    }

    /// Fails (exit status 1), listing every file that is missing or differs, when the reports
    /// are stale; with `diff`, prints on standard output a unified diff of each, at most
    /// ``diffLines`` lines a file.
    static func check(_ outputs: [OutputFile], diff: Bool, quiet: Bool) throws {
        var stale: [String] = []
        for output in outputs {
            if output.withBytes({ holds(output.path, $0) }) { continue }
            let data = FileManager.default.contents(atPath: output.path)
            stale.append("\(output.path): \(data == nil ? "missing" : "differs from what this version renders")")
            if diff && output.binary == nil {
                let old = data.map { String(decoding: $0, as: UTF8.self) } ?? ""
                StandardStreams.writeOutput(LineDiff(old: old, new: output.text).unified(
                    oldLabel: data == nil ? "/dev/null" : output.path, newLabel: output.path + " (as rendered)", maxLines: diffLines))
            }
        }
        guard stale.isEmpty else {
            throw CommandFailure(stale.joined(separator: "\n") + "\nRe-render with `bpreport render` (without --check) and review the diff.",
                                 status: .checkFailed)
        }
        if !quiet { StandardStreams.writeError("\(outputs.count) files up to date\n") }
    }

    /// The most lines of diff `--check --diff` prints for one file.
    static let diffLines = 200
}
