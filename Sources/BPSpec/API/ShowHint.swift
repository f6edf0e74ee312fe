/// What a handout keeps visible, as a spec's `show:` names it: a section (`forward`,
/// `backward`, `update`, `loss`) or a layer's quantity (`z2`, `a2`, `delta3`, `dW3`, `db3`).
public enum ShowHint: Sendable, Equatable, Hashable {
    /// A whole section, by the name in ``sections``.
    case section(String)
    /// A quantity's name (`z`, `a`, `delta`, `dW`, `db`) and its layer number.
    case quantity(String, layer: Int)

    /// The sections a handout can show.
    public static let sections = ["forward", "backward", "update", "loss"]
    /// The quantities a handout can show per layer.
    public static let quantities = ["z", "a", "delta", "dW", "db"]

    /// Reads `forward` or `z2`; `nil` for anything else.
    public init?(parsing text: String) {
        if Self.sections.contains(text) {
            self = .section(text)
            return
        }
        let name = String(text.prefix { !$0.isNumber })
        guard Self.quantities.contains(name), let layer = Int(text.dropFirst(name.count)) else { return nil }
        self = .quantity(name, layer: layer)
    }
}
