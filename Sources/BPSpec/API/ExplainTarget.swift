/// One parameter whose derivative a report works out scalar by scalar, by the chain rule: a
/// spec's `explain: [W3[1,2], b2[1]]` (layer numbers as the spec numbers them, 1-based rows and
/// columns).
public struct ExplainTarget: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A weight or a bias.
    public enum Parameter: String, Sendable, Equatable, Hashable {
        /// A weight, `W3[1,2]`.
        case weight = "W"
        /// A bias, `b2[1]`.
        case bias = "b"
    }

    /// Whether it is a weight or a bias.
    public var parameter: Parameter
    /// The layer number under the spec's numbering.
    public var layer: Int
    /// 1-based row: the unit of `layer`.
    public var row: Int
    /// 1-based column, for a weight: the unit of the layer below.
    public var column: Int?

    /// The parameter at (`row`, `column`) of `layer`; a bias has no column.
    public init(parameter: Parameter, layer: Int, row: Int, column: Int? = nil) {
        self.parameter = parameter
        self.layer = layer
        self.row = row
        self.column = column
    }

    /// Reads `W3[1,2]` or `b2[1]`; `nil` for anything else.
    public init?(parsing text: String) {
        let compact = text.filter { $0 != " " }
        guard let first = compact.first, let parameter = Parameter(rawValue: String(first)),
              let open = compact.firstIndex(of: "["), compact.last == "]" else { return nil }
        guard let layer = Int(compact[compact.index(after: compact.startIndex)..<open]) else { return nil }
        let indices = compact[compact.index(after: open)..<compact.index(before: compact.endIndex)]
            .split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard indices.allSatisfy({ $0 != nil }) else { return nil }
        switch (parameter, indices.count) {
        case (.weight, 2): self.init(parameter: parameter, layer: layer, row: indices[0]!, column: indices[1]!)
        case (.bias, 1): self.init(parameter: parameter, layer: layer, row: indices[0]!)
        default: return nil
        }
    }

    /// `W3[1,2]`, `b2[1]`.
    public var description: String {
        "\(parameter.rawValue)\(layer)[\(row)" + (column.map { ",\($0)" } ?? "") + "]"
    }
}
