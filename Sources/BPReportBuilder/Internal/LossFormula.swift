import BPDocument
import BPEngine
import BPNumerics

/// The loss written out over the output entries: symbolically for the givens, and with a
/// step's numbers substituted after its forward pass. Past eight terms it is a sum over units
/// (and samples), and no substitution is written.
struct LossFormula<Value: Scalar> {
    let context: ReportContext<Value>

    /// Terms written out one by one up to this many.
    static var maxExpandedTerms: Int { 8 }

    private var units: Int { context.spec.layers[context.spec.layers.count - 1].width }
    private var batch: Int { context.spec.batchSize }
    private var isExpanded: Bool { units * batch <= Self.maxExpandedTerms }

    /// L over a^L_i and t_i (a^L_{i,s} and t_{i,s} over a batch).
    var symbolic: MathNode {
        let a = Notation.activation(context.outputLayer)
        if isExpanded {
            return expression { i, s in (entry(a, i, s), entry(Notation.target, i, s)) }
        }
        // Σ over units, and over samples for a batch, each with its own index.
        let unit = MathNode.id("i"), sample = MathNode.id("s")
        let index = batch == 1 ? unit : .seq(unit, .symbol(.comma), sample)
        let term = terms(.subsuperscripted(.id("a"), sub: index, sup: .num(context.outputLayer)), .sub(Notation.target, index))
        var sum = MathNode.seq(.sub(.symbol(.sum), unit), term)
        if batch > 1 {
            sum = .seq(.subsuperscripted(.symbol(.sum), sub: .seq(sample, .symbol(.equals), .num(1)), sup: .num(batch)), sum)
        }
        return Notation.scaled(context.trace.lossFactors.scale, sum)
    }

    /// The step's loss: `L = symbolic = numbers substituted = value`, the value keyed.
    func worked(_ step: StepRecord<Value>) -> MathNode {
        var parts = [Notation.loss, symbolic]
        if isExpanded, let output = step.forward.last?.a {
            let target = context.spec.target
            let layer = context.outputLayer
            parts.append(expression { i, s in
                (context.entry(output[i, s], step.step, layer, .a, row: i + 1, column: s + 1), context.style.given(target[i, s]))
            })
        }
        let value = context.trace.losses[step.step - context.trace.firstStep]
        parts.append(.quantity(context.key(step.step, nil, .loss), context.number(value)))
        return Notation.chain(parts)
    }

    /// The loss's constant factor times its terms, each term made from (a, t) of entry (i, s).
    private func expression(_ entries: (Int, Int) -> (MathNode, MathNode)) -> MathNode {
        var parts: [MathNode] = []
        for s in 0..<batch {
            for i in 0..<units {
                if !parts.isEmpty { parts.append(.symbol(.plus)) }
                let (a, t) = entries(i, s)
                parts.append(terms(a, t))
            }
        }
        return Notation.scaled(context.trace.lossFactors.scale, .fenced(.brackets, .row(parts)))
    }

    /// One term of the loss for output `a` and target `t`.
    private func terms(_ a: MathNode, _ t: MathNode) -> MathNode {
        switch context.spec.loss {
        case .halfSSE, .sse, .mse:
            return .sup(.fenced(.parentheses, .seq(a, .symbol(.minus), t)), .num(2))
        case .crossEntropy:
            return .seq(t, Notation.log(a))
        case .binaryCrossEntropy:
            let one = MathNode.num(1)
            return .fenced(.brackets, .seq(t, Notation.log(a), .symbol(.plus),
                                           .fenced(.parentheses, .seq(one, .symbol(.minus), t)),
                                           Notation.log(.fenced(.parentheses, .seq(one, .symbol(.minus), a)))))
        }
    }

    /// `a^L_i` for one sample, `a^L_{i,s}` over a batch (never the unit's index for the sample).
    private func entry(_ name: MathNode, _ i: Int, _ s: Int) -> MathNode {
        let index: MathNode = batch == 1 ? .num(i + 1) : .seq(.num(i + 1), .symbol(.comma), .num(s + 1))
        if case let .superscripted(base, sup) = name { return .subsuperscripted(base, sub: index, sup: sup) }
        return .sub(name, index)
    }
}
