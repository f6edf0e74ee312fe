/// A file a render makes: where it goes, its text, and the input it came from (`nil` for a
/// site's index), so that a clash can name both inputs.
struct OutputFile: Sendable {
    var path: String
    var text: String
    /// A binary file's bytes (a PDF); `nil` for text.
    var binary: [UInt8]? = nil
    var bytes: [UInt8] { binary ?? Array(text.utf8) }
    var input: String?
}
