import BPDocument
import BPEngine
import BPNumerics

/// [Backward]: a table of delta^l from the output layer down, then each delta worked out with
/// the numbers substituted.
struct BackwardSection<Value: Scalar> {
    let context: ReportContext<Value>
    let step: StepRecord<Value>

    func blocks(headingLevel: Int) -> [Block] {
        var rows: [[MathNode]] = [[.id("l"), .sup(.symbol(.delta), .id("l"))]]
        for record in step.backward {
            rows.append([.num(record.layer), .seq(definition(record.layer), .symbol(.longrightarrow),
                                                  context.matrix(record.delta, context.key(step.step, record.layer, .delta)))])
        }
        let table = MathNode.array(alignments: [.center, .left], rows: rows, header: true, columnRules: true)
        // Too wide for the page, the table is left out: the workings below give every delta.
        var blocks: [Block] = [.heading(level: headingLevel, [.text(context.words.backward)])]
        if context.fits(table) { blocks.append(.displayMath(table)) }
        for record in step.backward {
            blocks.append(.displayMath(working(record)))
        }
        return blocks
    }

    /// What delta^l is, symbolically: dL/dz^L at the output, the recursion below it.
    private func definition(_ layer: Int) -> MathNode {
        if layer == context.outputLayer { return Notation.partial(of: Notation.preActivation(layer)) }
        return recursion(layer)
    }

    /// `((W^(l+1))^T delta^(l+1)) ⊙ sigma'(z^l)`.
    private func recursion(_ layer: Int) -> MathNode {
        .seq(.fenced(.parentheses, .seq(Notation.transposed(Notation.weights(layer + 1)), Notation.delta(layer + 1))),
             .symbol(.odot), Notation.derivative(context.sigma(layer), Notation.preActivation(layer)))
    }

    private func working(_ record: BackwardRecord<Value>) -> MathNode {
        let layer = record.layer
        let delta = Notation.delta(layer)
        let n = step.step
        let key = context.key(n, layer, .delta)
        let result = context.link(key, .result, context.matrix(record.delta, key))
        switch record.working {
        case let .output(gradient, derivative):
            let sigmaPrime = Notation.derivative(context.sigma(layer), Notation.preActivation(layer))
            return Notation.chain([
                delta,
                .seq(Notation.partial(of: Notation.activation(layer)), .symbol(.odot), sigmaPrime),
                .seq(lossGradientFormula(layer), .symbol(.odot), sigmaPrime),
                .seq(context.link(key, .entries, Notation.operand(context.matrix(gradient, context.key(n, layer, .lossGradient)))), .symbol(.odot),
                     context.link(key, .entries, Notation.operand(context.matrix(derivative, context.key(n, layer, .derivative))))),
                result,
            ])
        case let .combinedOutput(differenceMatrix, divisor):
            let scale = MathNode.fraction(.num(1), .num(divisor))
            return Notation.chain([
                delta,
                Notation.partial(of: Notation.preActivation(layer)),
                .seq(scale, .fenced(.parentheses, difference(layer))),
                .seq(scale, .space(.thin), context.link(key, .entries, Notation.operand(context.matrix(differenceMatrix, context.key(n, layer, .difference))))),
                result,
            ])
        case let .hidden(_, derivative, recordedTranspose):
            // The engine records (W^(l+1))^T for the steps a report shows; a trace built by hand
            // may not have it.
            let transposed = recordedTranspose ?? step.parameters.first { $0.layer == layer + 1 }!.weights.transposed
            let next = step.backward.first { $0.layer == layer + 1 }!.delta
            return Notation.chain([
                delta,
                recursion(layer),
                // Entry (i, j) of delta^l: row i of (W^(l+1))^T times column j of delta^(l+1),
                // times entry (i, j) of sigma'(z^l).
                .seq(context.link(key, .rows, Notation.operand(context.weights(step: n, layer: layer + 1, transposed, transposed: true))),
                     context.link(key, .columns, Notation.operand(context.matrix(next, context.key(n, layer + 1, .delta)))), .symbol(.odot),
                     context.link(key, .entries, Notation.operand(context.matrix(derivative, context.key(n, layer, .derivative))))),
                result,
            ])
        }
    }

    private func difference(_ layer: Int) -> MathNode {
        .seq(Notation.activation(layer), .symbol(.minus), Notation.target)
    }

    /// dL/da^L for the loss: (a - t), 2(a - t) or 2/N (a - t).
    private func lossGradientFormula(_ layer: Int) -> MathNode {
        let diff = MathNode.fenced(.parentheses, difference(layer))
        guard let scale = context.trace.lossFactors.gradientScale else { return diff }
        return Notation.scaled(scale, diff)
    }
}
