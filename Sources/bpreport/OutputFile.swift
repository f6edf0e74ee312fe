/// A file a render makes: where it goes, its text, and the input it came from (`nil` for a
/// site's index), so that a clash can name both inputs.
struct OutputFile: Sendable {
    var path: String
    var text: String
    var input: String?
}
