/// The language of a report's fixed prose.
public enum Language: String, Sendable, Equatable, CaseIterable {
    case en, ko
}
