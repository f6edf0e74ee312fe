import Foundation

/// Writing reports all-or-nothing, and checking committed ones.
enum ReportFiles {
    /// Writes each file atomically (a temporary file renamed into place), so a reader never
    /// sees half a report. No fsync: a report can always be rendered again.
    static func write(_ outputs: [(path: String, text: String)], creating directory: String?) throws {
        // The output folder and every sub-folder of a site.
        var folders = Set(outputs.map { ($0.path as NSString).deletingLastPathComponent }.filter { !$0.isEmpty })
        if let directory { folders.insert(directory) }
        for folder in folders.sorted() {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("\(folder): cannot create the output folder (\(error.localizedDescription))")
            }
        }
        for output in outputs {
            if let reason = replaceFile(at: output.path, with: output.text) {
                throw CommandFailure("\(output.path): cannot write the report (\(reason))")
            }
        }
    }

    /// Writes `text` to a temporary file beside `path` and renames it over `path`; returns why
    /// not on failure, leaving `path` as it was.
    private static func replaceFile(at path: String, with text: String) -> String? {
        let temporary = path + ".bpreport-\(getpid()).tmp"
        guard let file = fopen(temporary, "wb") else { return String(cString: strerror(errno)) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file) == 0
        guard written == bytes.count, closed else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return reason
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return reason
        }
        return nil
    }

    /// Fails, listing every file that is missing or differs, when the reports are stale.
    static func check(_ outputs: [(path: String, text: String)]) throws {
        var stale: [String] = []
        for output in outputs {
            guard let data = FileManager.default.contents(atPath: output.path) else {
                stale.append("\(output.path): missing")
                continue
            }
            if data != Data(output.text.utf8) {
                stale.append("\(output.path): differs from what this version renders")
            }
        }
        guard stale.isEmpty else {
            throw CommandFailure(stale.joined(separator: "\n") + "\nRe-render with `bpreport render` (without --check) and review the diff.")
        }
        StandardStreams.writeOutput("\(outputs.count) files up to date\n")
    }
}
