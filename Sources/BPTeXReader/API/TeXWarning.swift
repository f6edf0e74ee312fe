/// A construct the reader could not read, where it starts and what became of it.
public struct TeXWarning: Sendable, Equatable, CustomStringConvertible {
    /// Character offset (a count of Swift `Character`s) into the TeX where the construct starts.
    public var offset: Int
    /// The construct as written, such as `\foo` or `\begin{tabular}`.
    public var construct: String
    /// Worded for a lecturer: `unknown command \foo; shown as written`.
    public var message: String

    /// A warning about `construct`, which starts at `offset`.
    public init(offset: Int, construct: String, message: String) {
        self.offset = offset
        self.construct = construct
        self.message = message
    }

    /// `character 12: unknown command \foo; shown as written`.
    public var description: String { "character \(offset): \(message)" }
}
