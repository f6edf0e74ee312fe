/// What a notebook cell's `from: ID` finds.
public enum SpecBase: Sendable {
    /// The spec of the earlier cell with that id.
    case spec(NetworkSpec)
    /// A cell with that id comes later in the notebook.
    case later
    /// No cell has that id; the ids of the earlier cells, for the message.
    case unknown(known: [String])
}
