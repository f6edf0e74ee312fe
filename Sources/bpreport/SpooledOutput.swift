import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text held in an anonymous temporary file until the command knows it succeeded, so a long
/// run streams to disk instead of memory and a failed one prints nothing.
final class SpooledOutput {
    private let file: UnsafeMutablePointer<FILE>

    /// Opens the file (`tmpfile()`: removed by the system when closed, or when the process ends).
    init() throws {
        guard let file = tmpfile() else {
            throw CommandFailure("cannot create a temporary file for the output (\(String(cString: strerror(errno))))", status: .cannotWrite)
        }
        self.file = file
    }

    deinit { fclose(file) }

    /// Appends `text`; a write error is reported by ``copyToStandardOutput()``.
    func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = fwrite(bytes.baseAddress, 1, bytes.count, file)
        }
    }

    /// Copies everything written to standard output, in chunks.
    func copyToStandardOutput() throws {
        guard fflush(file) == 0, ferror(file) == 0 else {
            throw CommandFailure("cannot write the temporary output file (\(String(cString: strerror(errno))))", status: .cannotWrite)
        }
        rewind(file)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { break }
            buffer.withUnsafeBytes { StandardStreams.writeOutput(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }
}
