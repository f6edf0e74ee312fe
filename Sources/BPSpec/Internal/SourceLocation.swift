/// Where a value stands in the spec's text, kept so that checks made after parsing can still
/// point at the line.
struct SourceLocation: Sendable, Equatable {
    var line: Int
    var column: Int
}
