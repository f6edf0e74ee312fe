import BPDocument
import BPEngine
import BPNumerics

/// [Forward]: one table row per layer, `W^l a^(l-1) + b^l -> z^l` and `sigma(z^l) -> a^l`.
struct ForwardSection<Value: Scalar> {
    let context: ReportContext<Value>
    let step: StepRecord<Value>

    func blocks(headingLevel: Int) -> [Block] {
        // The header's generic layer has a bias unless no layer has one.
        let product: [MathNode] = [.sup(.id("W"), .id("l")), .sup(.id("a"), .seq(.id("l"), .symbol(.minus), .num(1)))]
        let bias: [MathNode] = context.spec.layers.contains(where: \.hasBias) ? [.symbol(.plus), .sup(.id("b"), .id("l"))] : []
        let header: [MathNode] = [
            .id("l"),
            .row(product + bias + [.symbol(.rightarrow), .sup(.id("z"), .id("l"))]),
            .seq(Notation.apply(.symbol(.sigma), .sup(.id("z"), .id("l"))), .symbol(.rightarrow), .sup(.id("a"), .id("l"))),
        ]
        var rows: [[MathNode]] = [header, [.num(context.inputLayer), .row([]), context.input()]]
        for record in step.forward {
            rows.append([
                .num(record.layer),
                .seq(Notation.affine(record.layer, bias: context.hasBias(record.layer)), Notation.arrow(context.matrix(record.z, context.key(step.step, record.layer, .z)))),
                .seq(Notation.apply(context.sigma(record.layer), Notation.preActivation(record.layer)),
                     Notation.arrow(context.matrix(record.a, context.key(step.step, record.layer, .a)))),
            ])
        }
        let table = MathNode.array(alignments: [.center, .left, .left], rows: rows, header: true, columnRules: true)
        return [.heading(level: headingLevel, [.text(context.words.forward)])]
            + (context.fits(table) ? [.displayMath(table)] : lines())
            + [
            // The loss of this forward pass, always shown, with its numbers.
            // The loss of this forward pass, always shown, with its numbers.
            .displayMath(LossFormula(context: context).worked(step)),
        ]
    }

    /// The table's content as formulas, one per layer, where the table is too wide for the
    /// page: `z^l = W^l a^(l-1) + b^l = (...)` and `a^l = σ(z^l) = (...)`, which break like
    /// any other chain.
    private func lines() -> [Block] {
        var blocks: [Block] = [.displayMath(context.equation(Notation.activation(context.inputLayer), context.input()))]
        for record in step.forward {
            let layer = record.layer
            blocks.append(.displayMath(Notation.chain([
                Notation.preActivation(layer), Notation.affine(layer, bias: context.hasBias(layer)), context.matrix(record.z, context.key(step.step, layer, .z)),
            ])))
            blocks.append(.displayMath(Notation.chain([
                Notation.activation(layer), Notation.apply(context.sigma(layer), Notation.preActivation(layer)),
                context.matrix(record.a, context.key(step.step, layer, .a)),
            ])))
        }
        return blocks
    }
}
