import BPDocument
import BPEngine
import BPSpec

/// The lecture's symbols, built once so every section writes them alike.
enum Notation {
    static func layered(_ name: String, _ layer: Int) -> MathNode { .sup(.id(name), .num(layer)) }
    static func weights(_ layer: Int) -> MathNode { layered("W", layer) }
    static func bias(_ layer: Int) -> MathNode { layered("b", layer) }
    static func activation(_ layer: Int) -> MathNode { layered("a", layer) }
    static func preActivation(_ layer: Int) -> MathNode { layered("z", layer) }
    static func delta(_ layer: Int) -> MathNode { .sup(.symbol(.delta), .num(layer)) }
    static let target = MathNode.id("t")
    static let loss = MathNode.id("L")
    static let learningRate = MathNode.function("lr")

    /// `formula` with a constant factor in front: `2 (a - t)`, `-1/m Σ ...`; nothing for 1.
    static func scaled(_ ratio: IntegerRatio, _ formula: MathNode) -> MathNode {
        let prefix = factor(ratio)
        return prefix.isEmpty ? formula : .row(prefix + [formula])
    }

    /// A constant factor: nothing for 1, `2`, `1/2`, `-1/m`.
    static func factor(_ ratio: IntegerRatio) -> [MathNode] {
        let sign: [MathNode] = ratio.numerator < 0 ? [.symbol(.minus)] : []
        let magnitude = ratio.numerator.magnitude
        if ratio.denominator == 1 {
            return magnitude == 1 ? sign : sign + [.number(String(magnitude))]
        }
        return sign + [.fraction(.number(String(magnitude)), .num(ratio.denominator))]
    }

    /// `log x`: the function applied to its argument.
    static func log(_ argument: MathNode) -> MathNode {
        .seq(.function("log"), argument)
    }

    /// A factor of a product: a negative scalar goes in parentheses, so `(2, −1)ᵀ (−3.5)` never
    /// reads as a subtraction.
    static func operand(_ node: MathNode) -> MathNode {
        isNegativeScalar(node) ? .fenced(.parentheses, node) : node
    }

    private static func isNegativeScalar(_ node: MathNode) -> Bool {
        switch node {
        case let .number(text): return text.hasPrefix("-")
        case let .quantity(_, inner): return isNegativeScalar(inner)
        case let .row(parts):
            guard let first = parts.first else { return false }
            return first == .symbol(.minus) || isNegativeScalar(first)
        default: return false
        }
    }

    /// `(x)^T`.
    static func transposed(_ node: MathNode) -> MathNode {
        .sup(.fenced(.parentheses, node), .symbol(.transpose))
    }

    /// `∂L / ∂x`.
    static func partial(of x: MathNode) -> MathNode {
        .fraction(.seq(.symbol(.partial), loss), .seq(.symbol(.partial), x))
    }

    /// sigma, or sigma_l where the layers' activations differ.
    static func sigma(_ layer: Int?) -> MathNode {
        layer.map { .sub(.symbol(.sigma), .num($0)) } ?? .symbol(.sigma)
    }

    /// `σ(x)` applied: `σ(arg)`.
    static func apply(_ function: MathNode, _ argument: MathNode) -> MathNode {
        .seq(function, .symbol(.functionApplication), .fenced(.parentheses, argument))
    }

    /// `σ'(arg)`.
    static func derivative(_ function: MathNode, _ argument: MathNode) -> MathNode {
        apply(.sup(function, .symbol(.prime)), argument)
    }

    /// `W^l a^(l-1) + b^l`, or `W^l a^(l-1)` for a layer without a bias.
    static func affine(_ layer: Int, bias hasBias: Bool = true, input: MathNode? = nil) -> MathNode {
        let product: [MathNode] = [weights(layer), input ?? activation(layer - 1)]
        return .row(hasBias ? product + [.symbol(.plus), bias(layer)] : product)
    }

    static func arrow(_ node: MathNode) -> MathNode { .seq(.symbol(.rightarrow), node) }

    /// Items separated by `,\quad`.
    static func list(_ items: [MathNode]) -> MathNode {
        var out: [MathNode] = []
        for (index, item) in items.enumerated() {
            if index > 0 { out += [.symbol(.comma), .space(.quad)] }
            out.append(item)
        }
        return .row(out)
    }

    /// `lhs = rhs = ...`.
    static func chain(_ parts: [MathNode]) -> MathNode {
        var out: [MathNode] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { out.append(.symbol(.equals)) }
            out.append(part)
        }
        return .row(out)
    }

    /// sigma(x) and sigma'(x) as formulas of x.
    static func formula(of activation: Activation, style: NumberStyle, words: Phrasebook) -> (value: MathNode, derivative: MathNode) {
        let x = MathNode.id("x")
        let positive = MathNode.seq(x, .symbol(.greater), .num(0))
        func cases(_ yes: MathNode, _ no: MathNode) -> MathNode { words.cases(yes, if: positive, otherwise: no) }
        switch activation {
        case .identity:
            return (x, .num(1))
        case .square:
            return (.sup(x, .num(2)), .seq(.num(2), x))
        case .relu:
            return (apply(.function("max"), .seq(.num(0), .symbol(.comma), x)), cases(.num(1), .num(0)))
        case let .leakyRelu(alpha):
            let a = style.node(alpha.exact)
            return (cases(x, .seq(a, x)), cases(.num(1), a))
        case .sigmoid:
            let s = apply(.symbol(.sigma), x)
            return (.fraction(.num(1), .seq(.num(1), .symbol(.plus), .sup(.id("e"), .seq(.symbol(.minus), x)))),
                    .seq(s, .fenced(.parentheses, .seq(.num(1), .symbol(.minus), s))))
        case .tanh:
            return (.seq(.function("tanh"), x), .seq(.num(1), .symbol(.minus), .sup(.function("tanh"), .num(2)), x))
        case .softmax:
            let zi = MathNode.sub(.id("x"), .id("i"))
            let zk = MathNode.sub(.id("x"), .id("k"))
            // No derivative of its own: with cross-entropy, delta = (a - t) / m.
            return (.fraction(.sup(.id("e"), zi), .seq(.sub(.symbol(.sum), .id("k")), .sup(.id("e"), zk))), .row([]))
        }
    }
}
