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
            context.equation(Notation.activation(context.inputLayer), context.trace.input),
            context.equation(Notation.target, context.trace.target),
        ])))
        blocks.append(.paragraph([.text(words.parametersLead)]))
        for layer in context.trace.initialParameters {
            blocks.append(.displayMath(Notation.list([
                context.equation(Notation.weights(layer.layer), layer.weights),
                context.equation(Notation.bias(layer.layer), layer.bias),
            ])))
        }
        blocks += activationBlocks()
        if let lead = words.networkLead { blocks.append(.paragraph([.text(lead)])) }
        blocks.append(.displayMath(.seq(Notation.activation(context.outputLayer), .symbol(.equals), composedNetwork())))
        if let tail = words.networkTail { blocks.append(.paragraph([.text(tail)])) }
        if let lead = words.lossLead { blocks.append(.paragraph([.text(lead)])) }
        blocks.append(.displayMath(.seq(Notation.loss, .symbol(.equals), lossFormula())))
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

    /// sigma(W^L sigma(... sigma(W^1 a^0 + b^1) ...) + b^L).
    private func composedNetwork() -> MathNode {
        var inner = Notation.activation(context.inputLayer)
        for layer in context.layerNumbers {
            let affine = MathNode.seq(Notation.weights(layer), inner, .symbol(.plus), Notation.bias(layer))
            inner = Notation.apply(context.sigma(layer), affine)
        }
        return inner
    }

    /// The loss written out over the output entries (a sum sign past eight terms).
    private func lossFormula() -> MathNode {
        let spec = context.spec
        let units = spec.layers.last!.width
        let batch = spec.batchSize
        let count = units * batch
        let output = context.outputLayer
        func entry(_ name: MathNode, _ i: Int, _ s: Int) -> MathNode {
            let index: MathNode
            if batch == 1 { index = .num(i + 1) } else if units == 1 { index = .num(s + 1) } else { index = .seq(.num(i + 1), .symbol(.comma), .num(s + 1)) }
            if case let .superscripted(base, sup) = name { return .subsuperscripted(base, sub: index, sup: sup) }
            return .sub(name, index)
        }
        let a = Notation.activation(output)
        let t = Notation.target
        var terms: [(Int, Int)] = []
        for s in 0..<batch { for i in 0..<units { terms.append((i, s)) } }
        let expanded = count <= 8
        let generic: (MathNode, MathNode) = (
            .subsuperscripted(.id("a"), sub: .id("j"), sup: .num(output)), .sub(.id("t"), .id("j")))
        func sumOf(_ term: (MathNode, MathNode) -> MathNode) -> MathNode {
            if expanded {
                var parts: [MathNode] = []
                for (k, (i, s)) in terms.enumerated() {
                    if k > 0 { parts.append(.symbol(.plus)) }
                    parts.append(term(entry(a, i, s), entry(t, i, s)))
                }
                return .fenced(.brackets, .row(parts))
            }
            return .seq(.sub(.symbol(.sum), .id("j")), term(generic.0, generic.1))
        }
        let squared: (MathNode, MathNode) -> MathNode = { x, y in .sup(.fenced(.parentheses, .seq(x, .symbol(.minus), y)), .num(2)) }
        // The constant in front is the engine's (1/2, 1/N, -1/m, ...), not worked out again here.
        let scale = context.trace.lossFactors.scale
        switch spec.loss {
        case .halfSSE, .sse, .mse: return Notation.scaled(scale, sumOf(squared))
        case .crossEntropy:
            return Notation.scaled(scale, sumOf { x, y in .seq(y, .function("log"), x) })
        case .binaryCrossEntropy:
            return Notation.scaled(scale, sumOf { x, y in
                .fenced(.brackets, .seq(y, .function("log"), x, .symbol(.plus),
                                        .fenced(.parentheses, .seq(.num(1), .symbol(.minus), y)), .function("log"),
                                        .fenced(.parentheses, .seq(.num(1), .symbol(.minus), x))))
            })
        }
    }
}

