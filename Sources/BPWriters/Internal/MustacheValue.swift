/// A value a Mustache template reads: the page's text, a flag such as `lualatex`, a map such
/// as the `katex` section's, or a list a section repeats for.
enum MustacheValue: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case map([String: MustacheValue])
    case list([MustacheValue])

    /// Whether a section `{{#name}}` shows for it: not for `false` or an empty list (nor for a
    /// missing name); for any text, the empty text too, as in swift-mustache before.
    var isTruthy: Bool {
        switch self {
        case let .flag(value): value
        case let .list(items): !items.isEmpty
        case .text, .map: true
        }
    }

    /// The value of `key` in a map; nil for anything else.
    subscript(key: String) -> MustacheValue? {
        if case let .map(entries) = self { return entries[key] }
        return nil
    }
}
