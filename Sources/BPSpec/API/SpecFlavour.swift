/// The syntax a spec's text is written in. JSON is checked strictly (RFC 8259) and then read
/// as the YAML it also is, so later errors keep their lines.
public enum SpecFlavour: Sendable, Equatable {
    /// YAML 1.1 as libyaml reads it.
    case yaml
    /// Strict JSON (RFC 8259).
    case json

    /// JSON for a file name ending in `.json` (any case), else YAML; YAML when there is no name.
    public init(file: String?) {
        self = file.map { $0.lowercased().hasSuffix(".json") } == true ? .json : .yaml
    }
}
