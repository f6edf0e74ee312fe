/// What a ``GradientCheck`` found, layer by layer, first weight layer first.
public struct GradientCheckResult: Sendable, Equatable {
    /// The step whose gradients were checked.
    public let step: Int
    /// The relative error each entry had to keep within.
    public let tolerance: Double
    /// First weight layer first.
    public let layers: [LayerGradientCheck]

    /// A result from its parts.
    public init(step: Int, tolerance: Double, layers: [LayerGradientCheck]) {
        self.step = step
        self.tolerance = tolerance
        self.layers = layers
    }

    /// Whether every layer passed.
    public var passed: Bool { layers.allSatisfy(\.passed) }

    /// The numbers of the layers that failed, first weight layer first.
    public var failedLayers: [Int] { layers.filter { !$0.passed }.map(\.layer) }
}
