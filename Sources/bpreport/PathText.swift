import FoundationEssentials

/// Paths worked out from their text alone: Foundation's path methods bridge to `NSString`
/// (20,000 instructions a call, and all of Foundation in the binary), and its
/// `standardizedFileURL` asks the file system whether each path is a folder (its first use:
/// 0.4 million).
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

    // NSString's path methods, as swift-corelibs-foundation writes them (bpreport does
    // without full Foundation): a path's runs of slashes are read as one and a trailing slash
    // is dropped before it is split.

    /// `path` with each run of slashes made one and a trailing slash dropped (`/` stays).
    static func tidied(_ path: String) -> String {
        // Most paths are tidy already (every path the command makes): no copy then.
        var previous: UInt8 = 0
        if path.utf8.allSatisfy({ byte in defer { previous = byte }; return !(byte == slash && previous == slash) }),
           path.utf8.last != slash || path == "/" {
            return path
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        for byte in path.utf8 where !(byte == slash && bytes.last == slash) { bytes.append(byte) }
        if bytes.last == slash { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `NSString.lastPathComponent`: `out/p.md` → `p.md`, `out/` → `out`, `/` → `/`.
    static func lastComponent(_ path: String) -> String {
        let tidy = tidied(path)
        guard tidy.utf8.count > 1, let last = tidy.utf8.lastIndex(of: slash) else { return tidy }
        return String(tidy[tidy.utf8.index(after: last)...])
    }

    /// `NSString.deletingLastPathComponent`: `out/p.md` → `out`, `/p.md` → `/`, `p.md` → ``.
    static func deletingLastComponent(_ path: String) -> String {
        let tidy = tidied(path)
        if tidy == "/" || tidy.isEmpty { return tidy }
        guard let last = tidy.utf8.lastIndex(of: slash) else { return "" }
        return last == tidy.utf8.startIndex ? "/" : String(tidy[..<last])
    }

    /// `NSString.pathExtension`: `a/p.yaml` → `yaml`; none for `.hidden`, `..` or `a.b/c`.
    static func pathExtension(_ path: String) -> String {
        let tidy = tidied(path)
        guard let dot = extensionDot(tidy) else { return "" }
        return String(tidy[tidy.utf8.index(after: dot)...])
    }

    /// `NSString.deletingPathExtension`: `a/p.md.tmp` → `a/p.md`.
    static func deletingPathExtension(_ path: String) -> String {
        let tidy = tidied(path)
        guard let dot = extensionDot(tidy) else { return tidy }
        return String(tidy[..<dot])
    }

    /// `NSString.appendingPathComponent`: `name` after `folder` and one slash (none when
    /// `folder` ends in one); either alone when the other is empty.
    static func appending(_ folder: String, _ name: String) -> String {
        if name.isEmpty { return folder }
        if folder.isEmpty { return name }
        return folder.utf8.last == slash ? folder + name : folder + "/" + name
    }

    /// The dot before a tidied path's extension: the last in its last component, unless it
    /// starts the component (`.hidden`) or the component is `..`.
    private static func extensionDot(_ tidy: String) -> String.Index? {
        let bytes = tidy.utf8
        guard bytes.count > 1 else { return nil }
        let start = bytes.lastIndex(of: slash).map { bytes.index(after: $0) } ?? bytes.startIndex
        guard let dot = bytes[start...].lastIndex(of: UInt8(ascii: ".")), dot != start else { return nil }
        if bytes[start...].elementsEqual("..".utf8) { return nil }
        return dot
    }

    private static let slash = UInt8(ascii: "/")

    /// Read once: the command never changes its working directory.
    private static let workingDirectory = FileManager.default.currentDirectoryPath
}
