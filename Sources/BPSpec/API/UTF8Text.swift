import FoundationEssentials

/// Bytes to text, strictly: valid UTF-8 or the place where it stops being so. (Foundation's
/// `String(data:encoding:)` says only that it failed, not where.) One decoder for spec files,
/// standard input and the library's `Source(data:)`, so all three name the same bad byte.
public enum UTF8Text {
    /// The first byte that starts no valid UTF-8 character, and its offset.
    public struct BadByte: Error, Equatable, Sendable {
        /// From the first byte given, counting from 0 (a byte order mark counts).
        public var offset: Int
        /// The bad byte itself.
        public var byte: UInt8

        /// The bad byte at `offset`.
        public init(offset: Int, byte: UInt8) {
            self.offset = offset
            self.byte = byte
        }

        /// `invalid byte 0xE9 at offset 10`.
        public var description: String {
            // Every byte UTF-8 refuses is 0x80 or more: two hex digits.
            "invalid byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset)"
        }
    }

    /// The byte order mark UTF-8 text may begin with.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The text of `data` without its byte order mark, or the first bad byte.
    public static func decode(_ data: Data) -> Result<String, BadByte> {
        // Read in place: a spec may be megabytes, and a copy of it would only be thrown away.
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let start = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes[start...].makeIterator()
            var offset = start
            while true {
                switch parser.parseScalar(from: &iterator) {
                case let .valid(scalar): offset += scalar.count
                case .error: return .failure(BadByte(offset: offset, byte: bytes[offset]))
                case .emptyInput: return .success(String(decoding: bytes[start...], as: UTF8.self))
                }
            }
        }
    }
}
