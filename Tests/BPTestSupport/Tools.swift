import Foundation

/// Programs on the PATH that some tests need (chromium, pandoc, pdftotext, python3).
public enum Tools {
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    public static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Whether a test that needs the tool runs: whenever it is there, and always in CI (where
    /// .ci/run installs it), so a missing tool fails CI rather than skipping silently.
    public static func required(_ name: String) -> Bool {
        find(name) != nil || CI.isSet
    }

    /// The first of `names` that is installed, or an error that names the tool: what a test
    /// enabled by ``required(_:)`` calls, so in CI a missing tool fails it by name.
    public static func locate(_ names: String...) throws -> URL {
        for name in names {
            if let url = find(name) { return url }
        }
        throw Missing(description: "\(names.joined(separator: " or ")) is not installed; CI must have it (.ci/run installs it, as the README's quick start does)")
    }
}
