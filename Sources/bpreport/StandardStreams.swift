import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and error, written with write(2): no `FileHandle`, whose `Data` costs a
/// process its first conformance look-ups, and which traps when a write fails.
enum StandardStreams {
    static func writeOutput(_ text: String) {
        var text = text
        text.withUTF8 { writeOutput(UnsafeRawBufferPointer($0)) }
    }

    static func writeOutput(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { writeOutput($0) }
    }

    /// Writes it all to standard output, or ends the process with ``ExitStatus/cannotWrite``
    /// (a full disk behind a redirection, say): the output would be cut short.
    static func writeOutput(_ bytes: UnsafeRawBufferPointer) {
        if let failure = write(bytes, to: STDOUT_FILENO) {
            writeError("bpreport: error: standard output: \(failure)\n")
            terminate(.cannotWrite)
        }
    }

    /// Best effort: there is nowhere else to say that standard error failed.
    static func writeError(_ text: String) {
        var text = text
        text.withUTF8 { _ = write(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }

    /// Writes every byte (again after a partial write or a signal); the error's words, or nil.
    private static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }
}
