import BPDocument
import BPEngine
import BPNumerics
import BPSpec

/// The problem statement: input, target, parameters, activations, the composed network, the
/// loss over the output entries, the learning rate and the task.
struct GivenSection<Value: Scalar> {
    let context: ReportContext<Value>

    func blocks() -> [Block] {
        let words = context.words
        let spec = context.spec
        var blocks: [Block] = []
        blocks.append(.paragraph([
            .text(words.inputLead), .math(Notation.activation(context.inputLayer)),
            .text(words.targetLead), .math(Notation.target), .text(words.inputTargetTail),
        ]))
        blocks.append(.displayMath(Notation.list([
            context.equation(Notation.activation(context.inputLayer), context.input()),
            context.equation(Notation.target, context.target),
        ])))
        // A run that continues another cell starts from that cell's trained parameters.
        if let from = spec.from, !context.trace.startsFromSpec {
            blocks.append(.paragraph([.text(words.parametersFrom(from))]))
        } else {
            blocks.append(.paragraph([.text(words.parametersLead)]))
        }
        for layer in context.trace.initialParameters {
            blocks.append(.displayMath(context.parameterList(
                layer.layer, weights: context.weights(step: context.trace.firstStep, layer: layer.layer, layer.weights),
                bias: context.bias(step: context.trace.firstStep, layer: layer.layer, layer.bias))))
        }
        if let units = unitNames() { blocks.append(.paragraph(units)) }
        blocks += activationBlocks()
        if let lead = words.networkLead { blocks.append(.paragraph([.text(lead)])) }
        blocks.append(.displayMath(.seq(Notation.activation(context.outputLayer), .symbol(.equals), composedNetwork())))
        if let tail = words.networkTail { blocks.append(.paragraph([.text(tail)])) }
        if let lead = words.lossLead { blocks.append(.paragraph([.text(lead)])) }
        blocks.append(.displayMath(.seq(Notation.loss, .symbol(.equals), LossFormula(context: context).symbolic)))
        if let rate = context.learningRate, spec.steps > 0 {
            blocks.append(.paragraph([.text(words.learningRateLead), .math(.seq(Notation.learningRate, .symbol(.equals), rate))]))
        }
        blocks.append(.paragraph([.text(words.task(steps: spec.steps))]))
        return blocks
    }

    private func activationBlocks() -> [Block] {
        let style = context.style
        var seen: [String] = []
        var items: [MathNode] = []
        for layer in context.layerNumbers {
            let activation = context.activation(ofLayer: layer)
            let key = context.activationsDiffer ? "\(layer)" : activation.name
            guard !seen.contains(key) else { continue }
            seen.append(key)
            let sigma = context.sigma(layer)
            let (value, derivative) = Notation.formula(of: activation, style: style, words: context.words)
            // Softmax maps a column to a column: its formula is per entry i.
            let lhs = activation == .softmax ? MathNode.sub(Notation.apply(sigma, .id("x")), .id("i")) : Notation.apply(sigma, .id("x"))
            var item: [MathNode] = [lhs, .symbol(.equals), value]
            if activation != .softmax {
                item += [.symbol(.comma), .space(.quad), Notation.derivative(sigma, .id("x")), .symbol(.equals), derivative]
            }
            items.append(.row(item))
        }
        return [.paragraph([.text(context.words.activationLead)])] + items.map { .displayMath($0) }
    }

    /// "The units are named x1, x2 (a^0); h1, h2 (a^1)." when the spec names any.
    private func unitNames() -> [Inline]? {
        let spec = context.spec
        var parts: [(names: [String], layer: Int)] = []
        if let names = spec.inputUnits { parts.append((names, context.inputLayer)) }
        for (index, layer) in spec.layers.enumerated() {
            if let names = layer.units { parts.append((names, spec.layerNumber(ofIndex: index))) }
        }
        guard !parts.isEmpty else { return nil }
        var inlines: [Inline] = [.text(context.words.unitsLead + " ")]
        for (index, part) in parts.enumerated() {
            if index > 0 { inlines.append(.text("; ")) }
            inlines += [.text(part.names.joined(separator: ", ") + " ("), .math(Notation.activation(part.layer)), .text(")")]
        }
        return inlines + [.text(".")]
    }

    /// sigma(W^L sigma(... sigma(W^1 a^0 + b^1) ...) + b^L).
    private func composedNetwork() -> MathNode {
        var inner = Notation.activation(context.inputLayer)
        for layer in context.layerNumbers {
            let affine = Notation.affine(layer, bias: context.hasBias(layer), input: inner)
            inner = Notation.apply(context.sigma(layer), affine)
        }
        return inner
    }

}

