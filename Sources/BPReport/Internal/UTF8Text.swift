import Foundation

/// Bytes to text, strictly: valid UTF-8 or the place where it stops being so. (Foundation's
/// `String(data:encoding:)` says only that it failed, not where.)
enum UTF8Text {
    /// The first byte that starts no valid UTF-8 character, and its offset.
    struct BadByte: Error, Equatable {
        var offset: Int
        var byte: UInt8
    }

    /// The byte order mark UTF-8 text may begin with.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func decode(_ data: Data) -> Result<String, BadByte> {
        let bytes = [UInt8](data)
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
