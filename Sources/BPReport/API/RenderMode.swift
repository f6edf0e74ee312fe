/// What a page of a render is: the worked solution, or the handout with its blanks.
public enum RenderMode: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Every computed value shown.
    case solution
    /// Every computed value a blank of its shape, but the worked hints the spec shows.
    case handout

    /// The folder a mode's pages go to when several modes render at once.
    public var folder: String { rawValue }
}
