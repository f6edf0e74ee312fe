/// A problem with a spec, located as precisely as the source allows.
///
/// Its description reads `problem1.yaml:12:5: layers[1].weights: 2 rows, but ...`, the
/// compiler-style form editors can jump to.
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, when the spec came from one.
    public var file: String?
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// The key path, such as `layers[1].weights`.
    public var key: String?
    /// What is wrong and what was expected.
    public var message: String

    /// An error at this place; every part but the message is optional.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    /// `FILE:LINE:COLUMN: KEY: MESSAGE`, with what is known of the place.
    public var description: String {
        var place = file ?? ""
        if let line {
            place += (place.isEmpty ? "line " : ":") + String(line)
            if let column { place += ":" + String(column) }
        }
        var text = place.isEmpty ? "" : place + ": "
        if let key { text += key + ": " }
        return text + message
    }
}
