import Foundation

/// Paths worked out from their text alone, for the command's hot paths: Foundation's path
/// methods bridge to `NSString` (20,000 instructions a call), and its `standardizedFileURL`
/// asks the file system whether each path is a folder (its first use: 0.4 million).
enum PathText {
    /// A path as the command compares paths: absolute (against the working directory), with
    /// `.` and `..` worked out and single slashes, so one place is written one way. Links are
    /// not resolved (``InputDiscovery/identity(of:)`` does that).
    static func standardized(_ path: String) -> String {
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

    /// The folder part of a file's path, as `NSString.deletingLastPathComponent` gives it for a
    /// path that does not end in a slash: `out/p.md` → `out`, `/p.md` → `/`, `p.md` → ``.
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// The last part of a file's path: `out/p.md` → `p.md`.
    static func name(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// `name` in `folder`, the inverse of ``folder(of:)`` and ``name(of:)``: `out` and `p.md`
    /// make `out/p.md`, `/` makes `/p.md`, and `` makes `p.md`.
    static func path(in folder: String, named name: String) -> String {
        folder.isEmpty ? name : folder == "/" ? "/" + name : folder + "/" + name
    }

    /// Read once: the command never changes its working directory.
    private static let workingDirectory = FileManager.default.currentDirectoryPath
}
