import BPNumerics
import BPReport
import BPSpec
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `-` as a path: a spec read from standard input, once however often it is named, and
/// labelled `<stdin>` in messages.
enum StandardInput {
    /// The path that stands for standard input.
    static let path = "-"
    /// How messages name it.
    static let label = "<stdin>"
    /// The name its outputs take (`stdin.md`).
    static let name = "stdin"

    /// The label messages give `path`.
    static func label(of path: String) -> String { path == Self.path ? label : path }

    /// The text of a spec named on the command line: the file's, or standard input's for `-`.
    static func text(of path: String, maxBytes: Int = Limits.default.maxInputBytes) throws(SpecError) -> String {
        path == Self.path ? try read(maxBytes: maxBytes) : try SpecReader.text(contentsOf: path, maxBytes: maxBytes)
    }

    /// A spec read from `path` (or standard input), its errors naming the file or `<stdin>`.
    static func spec(at path: String, limits: Limits) throws(SpecError) -> NetworkSpec {
        if Input.kind(of: path) == .notebook {
            throw SpecError(file: path, message: "a notebook, not a spec: run and check take specs (.yaml, .yml, .json); "
                            + "render the notebook, and each of its cells' reports ends with its gradient check")
        }
        if Input.isKey(path) {
            throw SpecError(file: path, message: "a key of claimed values, not a spec; check it with bpreport check \(Input.spec(ofKey: path)) --claims \(path)")
        }
        guard path == Self.path else { return try SpecReader(limits: limits).read(contentsOf: path) }
        return try SpecReader(limits: limits).read(text: try read(maxBytes: limits.maxInputBytes), file: label)
    }

    /// Standard input's text, read on first use and kept.
    static func read(maxBytes: Int) throws(SpecError) -> String {
        let result = Cache.shared.text {
            let data = readAll(0)
            if data.count > maxBytes {
                return .failure(SpecError(file: label, message: "the spec is \(data.count) bytes, more than the limit of \(maxBytes); raise it with --max-input-bytes"))
            }
            // The library's reading of bytes: a byte order mark allowed, the first bad byte named.
            return Result { () throws(SourceTextError) in try Source(name: name, label: label, data: data).text }
                .mapError { SpecError(file: label, message: $0.message) }
        }
        return try result.get()
    }

    /// Every byte of file `descriptor` to its end, read with read(2) (no `FileHandle`, which is
    /// not in `FoundationEssentials`).
    private static func readAll(_ descriptor: Int32) -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count > 0 {
                data.append(contentsOf: chunk[..<count])
            } else if count == 0 || errno != EINTR {
                return data
            }
        }
    }

    /// Standard input can be read only once; its outcome is kept for every later use.
    private final class Cache: @unchecked Sendable {
        static let shared = Cache()
        // Guarded by `lock`.
        private var value: Result<String, SpecError>?
        private let lock = Lock()

        func text(_ read: () -> Result<String, SpecError>) -> Result<String, SpecError> {
            lock.lock()
            defer { lock.unlock() }
            if let value { return value }
            let result = read()
            value = result
            return result
        }
    }
}
