import Foundation

/// A path as the command compares paths: absolute (against the working directory), with `.`
/// and `..` worked out and single slashes, so one place is written one way. Links are not
/// resolved (``InputDiscovery/identity(of:)`` does that). Worked out from the text alone:
/// Foundation's `standardizedFileURL` asks the file system whether each path is a folder, and
/// its first use cost a render 0.4 million instructions.
enum StandardPath {
    static func of(_ path: String) -> String {
        var components: [Substring] = []
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        for part in absolute.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(part)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// Read once: the command never changes its working directory.
    private static let workingDirectory = FileManager.default.currentDirectoryPath
}
