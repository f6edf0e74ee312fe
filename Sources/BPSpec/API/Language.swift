/// The language of a report's fixed prose.
public enum Language: String, Sendable, Equatable, CaseIterable {
    /// English or Korean.
    case en, ko
}
