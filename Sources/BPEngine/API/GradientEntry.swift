/// One entry of a layer's dL/dW or dL/db, 1-based as a page numbers it.
public struct GradientEntry: Sendable, Hashable {
    /// Which of the layer's parameters the entry belongs to.
    public enum Parameter: String, Sendable, Hashable {
        /// dL/dW or dL/db.
        case weights, bias
    }

    /// Weights or bias.
    public let parameter: Parameter
    /// 1-based.
    public let row: Int
    /// 1-based; always 1 for the bias.
    public let column: Int

    /// An entry from its parts.
    public init(parameter: Parameter, row: Int, column: Int) {
        self.parameter = parameter
        self.row = row
        self.column = column
    }
}
