import BPDocument
import BPEngine
import BPNumerics

/// [Weight update], output layer first as in the lecture: the gradients as outer products,
/// then `W^l - lr dL/dW^l` and `b^l - lr dL/db^l`.
struct WeightUpdateSection<Value: Scalar> {
    let context: ReportContext<Value>
    let step: StepRecord<Value>

    func blocks(headingLevel: Int) -> [Block] {
        var blocks: [Block] = [.heading(level: headingLevel, [.text(context.words.weightUpdate)])]
        let batch = context.spec.batchSize
        for gradient in step.gradients.reversed() {
            let layer = gradient.layer
            let n = step.step
            let delta = step.backward.first { $0.layer == layer }!.delta
            // The input is given, as the spec writes it; every later activation was computed.
            let previousShown: MathNode
            if layer - 1 == context.inputLayer {
                previousShown = context.input(transposed: true)
            } else {
                let previous = step.forward.first { $0.layer == layer - 1 }!.a
                previousShown = context.matrix(gradient.transposedActivation ?? previous.transposed,
                                               context.key(n, layer - 1, .a, transposed: true))
            }
            let dW = Notation.partial(of: Notation.weights(layer))
            let db = Notation.partial(of: Notation.bias(layer))
            let gradientKey = context.key(n, layer, .weightGradient)
            blocks.append(.displayMath(Notation.chain([
                dW,
                .seq(Notation.delta(layer), Notation.transposed(Notation.activation(layer - 1))),
                .seq(context.link(gradientKey, .rows, Notation.operand(context.matrix(delta, context.key(n, layer, .delta)))),
                     context.link(gradientKey, .columns, Notation.operand(previousShown))),
                context.link(gradientKey, .result, context.matrix(gradient.weights, gradientKey)),
            ])))
            // A layer without a bias has no b to work out or update.
            let hasBias = context.hasBias(layer)
            var biasChain: [MathNode] = [db]
            if batch > 1 {
                biasChain.append(.seq(.subsuperscripted(.symbol(.sum), sub: .seq(.id("s"), .symbol(.equals), .num(1)), sup: .num(batch)),
                                      .subsuperscripted(.symbol(.delta), sub: .id("s"), sup: .num(layer))))
            } else {
                biasChain.append(Notation.delta(layer))
            }
            biasChain.append(context.matrix(gradient.bias, context.key(n, layer, .biasGradient)))
            if hasBias {
                blocks.append(.displayMath(.row([Notation.chain(biasChain)] + (batch > 1 ? [.space(.quad), .text("(\(context.words.batchSumNote))")] : []))))
            }
            if let updated = step.updated?.first(where: { $0.layer == layer }), let rate = context.subtractedRate {
                let old = step.parameters.first { $0.layer == layer }!
                let updatedKey = context.key(n, layer, .updatedWeights)
                blocks.append(.displayMath(Notation.chain([
                    .seq(Notation.weights(layer), .symbol(.minus), rate, dW),
                    .seq(context.link(updatedKey, .entries, context.weights(step: n, layer: layer, old.weights)), .symbol(.minus), rate,
                         context.link(updatedKey, .entries, Notation.operand(context.matrix(gradient.weights, gradientKey)))),
                    context.link(updatedKey, .result, context.matrix(updated.weights, updatedKey)),
                ])))
                if hasBias {
                    blocks.append(.displayMath(Notation.chain([
                        .seq(Notation.bias(layer), .symbol(.minus), rate, db),
                        context.matrix(updated.bias, context.key(n, layer, .updatedBias)),
                    ])))
                }
            }
        }
        if step.updated == nil {
            blocks.append(.paragraph([.text(context.words.noUpdate)]))
        } else if step.step == context.trace.lastStep, let loss = context.trace.finalLoss {
            // The run's last word: what the last update did to the loss.
            let after = MathNode.quantity(context.key(step.step + 1, nil, .loss), context.number(loss))
            blocks.append(.paragraph([.text(context.words.lossAfterUpdate),
                                      .math(.seq(Notation.loss, .symbol(.equals), after)), .text(context.words.sentenceEnd)]))
        }
        return blocks
    }
}
