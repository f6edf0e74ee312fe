import BPDocument

/// What ``TeXReader/read(_:)`` gives: the math, and a warning for each construct it could not
/// read (kept in the math as ``MathNode/unparsed(_:)``).
public struct TeXParse: Sendable, Equatable {
    /// The parsed math, not wrapped in ``MathNode/written(tex:_:)``: the caller wraps it.
    public var node: MathNode
    /// One per construct that could not be read, in the order of their offsets.
    public var warnings: [TeXWarning]

    /// A reading of `node` with its warnings.
    public init(node: MathNode, warnings: [TeXWarning]) {
        self.node = node
        self.warnings = warnings
    }
}
