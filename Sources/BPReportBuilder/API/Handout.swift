import BPDocument
import BPSpec

/// Turns a worked solution into a handout: every value the tool computed becomes a blank of its
/// shape (a box per matrix entry, a line for a scalar), so handout and solution pages line up;
/// the givens, the formulas and the quantities the spec lets show (`show:`) stay.
public struct Handout: Sendable {
    /// What stays visible: sections (`forward`, `backward`, `update`, `loss`) or quantities of
    /// a layer (`z2`, `a2`, `delta3`, `dW3`, `db3`).
    public let shown: [String]

    /// What to say where a drawing of computed values is taken out, by the drawing's class
    /// (`loss-plot`, `network`); a drawing of a class not listed goes without a word.
    public let placeholders: [String: String]

    /// `shown` read once, not at every value the rewriter meets.
    private let hints: [ShowHint]

    /// A handout that keeps `shown` visible, as a spec's `show:` lists it (names it does not
    /// know are ignored), and puts `placeholders` where it takes drawings out.
    public init(shown: [String] = [], placeholders: [String: String] = [:]) {
        self.shown = shown
        self.placeholders = placeholders
        self.hints = shown.compactMap(ShowHint.init(parsing:))
    }

    /// The quantities each section holds, and the quantity each name of a hint stands for.
    static let sections: [String: Set<Quantity>] = [
        "forward": [.z, .a],
        "backward": [.delta, .lossGradient, .derivative, .difference, .propagated],
        "update": [.weightGradient, .biasGradient, .updatedWeights, .updatedBias, .weights, .bias],
        "loss": [.loss],
    ]
    static let quantities: [String: Quantity] = ["z": .z, "a": .a, "delta": .delta, "dW": .weightGradient, "db": .biasGradient]

    /// Whether the value `key` names stays visible.
    public func shows(_ key: QuantityKey) -> Bool {
        hints.contains { hint in
            switch hint {
            case let .section(name): return Self.sections[name]?.contains(key.quantity) ?? false
            case let .quantity(name, layer): return Self.quantities[name] == key.quantity && layer == key.layer
            }
        }
    }

    /// The blocks with every computed value not shown replaced by a blank of its shape.
    public func apply(_ blocks: [Block]) -> [Block] {
        rewriter.rewrite(blocks)
    }

    /// One formula with its computed values blanked.
    public func apply(_ node: MathNode) -> MathNode {
        rewriter.rewrite(node)
    }

    private var rewriter: DocumentRewriter {
        DocumentRewriter(block: { block in
            // A drawing of computed values (the loss curve, the trained network) would give them
            // away: it goes, unless the spec shows what it draws.
            guard case let .figure(figure) = block, figure.attributes.role == "computed" else { return nil }
            let drawn: Quantity = figure.attributes.classes.contains("loss-plot") ? .loss : .updatedWeights
            guard !shows(QuantityKey(step: 1, layer: nil, quantity: drawn)) else { return nil }
            let said = figure.attributes.classes.lazy.compactMap { placeholders[$0] }.first
            return said.map { [.paragraph([.emphasis([.text($0)])])] } ?? []
        }, math: { node in
            guard case let .quantity(key, value) = node, !shows(key) else { return nil }
            return .quantity(key, Self.blank(value))
        })
    }

    /// A blank the shape of `value`: a matrix of boxes (elision dots kept), or a line.
    /// Whether a matrix's cell stays in its blank: the dots of an elided matrix, not a value.
    static func keepsInBlank(_ cell: MathNode) -> Bool {
        if case let .symbol(symbol) = cell { return symbol == .cdots || symbol == .vdots || symbol == .ddots }
        return false
    }

    static func blank(_ value: MathNode) -> MathNode {
        switch value {
        case let .matrix(rows, fence):
            return .matrix(rows.map { $0.map { cell in keepsInBlank(cell) ? cell : .blank(.box) } }, fence: fence)
        // A common factor would give the answer away: the blank is the matrix's alone.
        case let .row(parts) where parts.count == 3 && { if case .matrix = parts[2] { return true } else { return false } }():
            return blank(parts[2])
        default:
            return .blank(.line)
        }
    }
}
