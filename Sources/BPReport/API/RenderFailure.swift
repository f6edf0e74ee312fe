import BPEngine
import BPSpec

/// Why one source could not be rendered: one case per stage that can fail, each worded for
/// the person who wrote the spec.
public enum RenderFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The spec reader refused the text (with file, line, column and key).
    case spec(SpecError)
    /// The run stopped (a non-finite value, a digit or entry limit), in the source `label`.
    case engine(label: String?, EngineError)
    /// A notebook's cells are malformed (an unclosed fence, a duplicate id), at its line.
    case notebook(label: String?, line: Int, column: Int, message: String)
    /// A file the render would write is larger than the output limit.
    case outputTooLarge(file: String, bytes: Int, limit: Int)
    /// A PDF could not be made (no TeX engine, or the LaTeX did not compile).
    case pdf(TeXError)

    /// The message the command prints: `FILE:LINE:COL: ...` where the stage knows the place.
    public var description: String {
        switch self {
        case let .spec(error): return error.description
        case let .engine(label, error): return (label.map { $0 + ": " } ?? "") + error.description
        case let .notebook(label, line, column, message): return "\(label ?? "notebook"):\(line):\(column): \(message)"
        case let .outputTooLarge(file, bytes, limit):
            return "\(file) would be \(bytes) bytes, more than the limit of \(limit); raise it with --max-output-bytes"
        case let .pdf(error): return error.description
        }
    }
}
