import BPNumerics

/// An activation function of the spec's table.
public enum Activation: Sendable, Equatable {
    /// a = z.
    case identity
    /// a = z².
    case square
    /// max(z, 0).
    case relu
    /// x for x > 0, else alpha x.
    case leakyRelu(alpha: SpecValue)
    /// 1 / (1 + e^−z).
    case sigmoid
    /// tanh z.
    case tanh
    /// Column-wise softmax: output layer only, with cross-entropy.
    case softmax

    /// The default slope of leaky ReLU for negative inputs.
    public static let defaultLeakyAlpha = SpecValue(exact: Rational(1) / Rational(100), text: "0.01")

    /// Every name the spec accepts, in the table's order.
    public static let names = ["identity", "square", "relu", "leaky_relu", "sigmoid", "tanh", "softmax"]

    /// The spec's name for it.
    public var name: String {
        switch self {
        case .identity: return "identity"
        case .square: return "square"
        case .relu: return "relu"
        case .leakyRelu: return "leaky_relu"
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        case .softmax: return "softmax"
        }
    }

    /// Whether it maps rationals to rationals.
    public var isExact: Bool {
        switch self {
        case .identity, .square, .relu, .leakyRelu: return true
        case .sigmoid, .tanh, .softmax: return false
        }
    }
}
