import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a regular file of at most `maxBytes`, read with open, fstat and read.
///
/// Foundation's `attributesOfItem` looks up the file's owner and group names (reading
/// /etc/passwd and /etc/group, asking nscd) and its extended attributes for every spec; a
/// render needs only the size and the type. Returns nil for anything else (a missing or
/// unreadable file, a folder, a file over the limit, a read error), so the caller's Foundation
/// path words the error as it always has.
enum RegularFileBytes {
    static func read(_ path: String, maxBytes: Int) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              status.st_size >= 0, Int(status.st_size) <= maxBytes else { return nil }
        let size = Int(status.st_size)
        // One byte more than the size: a file that grew since fstat is read to its end.
        var data = Data(count: size + 1)
        var filled = 0
        let complete: Bool = data.withUnsafeMutableBytes { raw in
            while true {
                if filled == raw.count { return false }
                let count = Glibc.read(descriptor, raw.baseAddress! + filled, raw.count - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if count == 0 { return true }
                filled += count
            }
        }
        guard complete, filled <= maxBytes else { return nil }
        data.count = filled
        return data
    }
}
