import Foundation

/// Writing reports all-or-nothing, and checking committed ones.
enum ReportFiles {
    /// Writes each file atomically (a temporary file renamed into place), so a reader never
    /// sees half a report.
    static func write(_ outputs: [(path: String, text: String)], creating directory: String?) throws {
        if let directory {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("\(directory): cannot create the output folder (\(error.localizedDescription))")
            }
        }
        for output in outputs {
            do {
                try Data(output.text.utf8).write(to: URL(fileURLWithPath: output.path), options: .atomic)
            } catch {
                throw CommandFailure("\(output.path): cannot write the report (\(error.localizedDescription))")
            }
            StandardStreams.writeOutput("wrote \(output.path)\n")
        }
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
        StandardStreams.writeOutput("\(outputs.count) reports up to date\n")
    }
}
