/// A file a render makes: where it goes, its text, and the input it came from (`nil` for a
/// site's index), so that a clash can name both inputs.
struct OutputFile: Sendable {
    var path: String
    var text: String
    /// A binary file's bytes (a PDF); `nil` for text.
    var binary: [UInt8]? = nil
    var bytes: [UInt8] { binary ?? Array(text.utf8) }
    var input: String?

    /// Calls `body` with the file's bytes, a text's UTF-8 in place: comparing and writing a
    /// site's 2,000 files copied each text into an array twice.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        if let binary { return binary.withUnsafeBytes(body) }
        var text = text
        return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }
}
