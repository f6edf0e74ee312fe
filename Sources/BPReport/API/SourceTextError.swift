import BPSpec

/// Bytes given as a source that are not UTF-8 text: where the first bad byte is, so that a
/// person can find it in a hex editor. Specs and notebooks are UTF-8, as YAML and JSON are.
public struct SourceTextError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What messages call the source, such as its path; `nil` for bytes that came from no file.
    public var label: String?
    /// The first bad byte's offset from the start of the bytes, counting from 0 (a byte order
    /// mark, when there is one, counts).
    public var offset: Int
    /// The first bad byte itself.
    public var byte: UInt8

    /// Builds the error; ``Source/init(name:label:data:kind:)`` is what makes one.
    public init(label: String?, offset: Int, byte: UInt8) {
        self.label = label
        self.offset = offset
        self.byte = byte
    }

    /// The message without the label, for a caller that names the source its own way.
    public var message: String {
        "not UTF-8 text: " + UTF8Text.BadByte(offset: offset, byte: byte).description
    }

    /// `LABEL: not UTF-8 text: invalid byte 0xE9 at offset 5`.
    public var description: String { (label.map { $0 + ": " } ?? "") + message }
}
