import BPDocument
import BPEngine
import BPNumerics
import BPSpec

/// One weight (or bias), step by step: the chain rule written for a single entry, every factor
/// with its value, ending at the entry of the matrix gradient the sections above computed, as
/// courses teach it before the matrix form.
struct ExplainSection<Value: Scalar> {
    let context: ReportContext<Value>
    let step: StepRecord<Value>

    func blocks(headingLevel: Int) -> [Block] {
        let targets = context.spec.explain
        guard !targets.isEmpty else { return [] }
        var blocks: [Block] = [.heading(level: headingLevel, [.text(context.words.explainHeading)])]
        for target in targets {
            blocks.append(.paragraph([.math(entry(target)), .text(context.words.connects(from: from(target), to: to(target)))]))
            blocks.append(.displayMath(derivation(target)))
        }
        return blocks
    }

    /// `w^l_{ij}` or `b^l_i`.
    private func entry(_ target: ExplainTarget) -> MathNode {
        let name = MathNode.id(target.parameter == .weight ? "w" : "b")
        return .subsuperscripted(name, sub: index(target.row, target.column), sup: .num(target.layer))
    }

    private func index(_ row: Int, _ column: Int?) -> MathNode {
        guard let column else { return .num(row) }
        // `12` reads as one index while both are digits; past nine, a comma.
        return row < 10 && column < 10 ? .number("\(row)\(column)") : .seq(.num(row), .symbol(.comma), .num(column))
    }

    /// Where the weight starts (a unit of the layer below) and the unit it feeds.
    private func from(_ target: ExplainTarget) -> String? {
        guard let column = target.column else { return nil }
        return unitName(layer: target.layer - 1, unit: column)
    }

    private func to(_ target: ExplainTarget) -> String { unitName(layer: target.layer, unit: target.row) }

    private func unitName(layer: Int, unit: Int) -> String {
        let spec = context.spec
        let names = layer == spec.numbering ? spec.inputUnits : spec.layers[layer - spec.numbering - 1].units
        return names.map { $0[unit - 1] } ?? context.words.unit(unit, ofLayer: layer)
    }

    /// `∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w = (formula) = (numbers) = value`.
    private func derivation(_ target: ExplainTarget) -> MathNode {
        let layer = target.layer, i = target.row - 1
        let batch = context.spec.batchSize
        let backward = step.backward.first { $0.layer == layer }!
        let gradient = step.gradients.first { $0.layer == layer }!
        let previous: (Int) -> MathNode = { s in
            guard let column = target.column else { return .num(1) }
            if layer - 1 == context.inputLayer { return Notation.operand(context.style.given(context.spec.input[column - 1, s])) }
            let a = step.forward.first { $0.layer == layer - 1 }!.a
            return Notation.operand(context.entry(a[column - 1, s], step.step, layer - 1, .a, row: column, column: s + 1))
        }
        // Indices of a: unit, and the sample over a batch.
        func sampled(_ name: String, _ layerNumber: Int, _ unit: Int) -> MathNode {
            .subsuperscripted(.id(name), sub: batch == 1 ? .num(unit) : .seq(.num(unit), .symbol(.comma), .id("s")), sup: .num(layerNumber))
        }
        let a = sampled("a", layer, target.row), z = sampled("z", layer, target.row)
        let parameter = entry(target)
        let zOverParameter = MathNode.fraction(.seq(.symbol(.partial), z), .seq(.symbol(.partial), parameter))
        let dot = MathNode.symbol(.cdot)
        let sigmaPrime = Notation.derivative(context.sigma(layer), z)
        let inputFactor: MathNode = target.column.map { sampled("a", layer - 1, $0) } ?? .num(1)

        // The chain and its factors as formulas, then per sample as numbers.
        var chain: MathNode
        var formula: MathNode
        var numbers: (Int) -> MathNode
        switch backward.working {
        case let .combinedOutput(difference, divisor):
            let dLdz = MathNode.fraction(.seq(.symbol(.partial), Notation.loss), .seq(.symbol(.partial), z))
            chain = .seq(dLdz, dot, zOverParameter)
            formula = .seq(.fraction(.num(1), .num(divisor)), .fenced(.parentheses, .seq(a, .symbol(.minus), targetEntry(i))), dot, inputFactor)
            numbers = { s in .seq(.fraction(.num(1), .num(divisor)), Notation.operand(keyed(difference, .difference, s)), dot, previous(s)) }
        case let .output(lossGradient, derivative):
            chain = .seq(Notation.partial(of: a), dot, .fraction(.seq(.symbol(.partial), a), .seq(.symbol(.partial), z)), dot, zOverParameter)
            let scale = context.trace.lossFactors.gradientScale ?? IntegerRatio(1)
            formula = .seq(Notation.scaled(scale, .fenced(.parentheses, .seq(a, .symbol(.minus), targetEntry(i)))), dot, sigmaPrime, dot, inputFactor)
            numbers = { s in .seq(Notation.operand(keyed(lossGradient, .lossGradient, s)), dot, Notation.operand(keyed(derivative, .derivative, s)), dot, previous(s)) }
        case let .hidden(propagated, derivative, _):
            chain = .seq(Notation.partial(of: a), dot, .fraction(.seq(.symbol(.partial), a), .seq(.symbol(.partial), z)), dot, zOverParameter)
            let k = MathNode.id("k")
            let sum = MathNode.seq(.sub(.symbol(.sum), k), .subsuperscripted(.id("w"), sub: .seq(k, .num(target.row)), sup: .num(layer + 1)),
                                   .subsuperscripted(.symbol(.delta), sub: batch == 1 ? k : .seq(k, .symbol(.comma), .id("s")), sup: .num(layer + 1)))
            formula = .seq(.fenced(.parentheses, sum), dot, sigmaPrime, dot, inputFactor)
            numbers = { s in .seq(Notation.operand(keyed(propagated, .propagated, s)), dot, Notation.operand(keyed(derivative, .derivative, s)), dot, previous(s)) }
        }
        let result = target.parameter == .weight
            ? context.entry(gradient.weights[i, target.column! - 1], step.step, layer, .weightGradient, row: target.row, column: target.column!)
            : context.entry(gradient.bias[i, 0], step.step, layer, .biasGradient, row: target.row, column: 1)
        let lhs = Notation.partial(of: parameter)
        guard batch > 1 else {
            return Notation.chain([lhs, chain, formula, numbers(0), result])
        }
        // Over a batch the sum runs over the samples s.
        let sum = MathNode.subsuperscripted(.symbol(.sum), sub: .seq(.id("s"), .symbol(.equals), .num(1)), sup: .num(batch))
        var terms: [MathNode] = []
        for s in 0..<batch {
            if s > 0 { terms.append(.symbol(.plus)) }
            terms.append(numbers(s))
        }
        return Notation.chain([lhs, .seq(sum, chain), .seq(sum, formula), .row(terms), result])

        func keyed(_ matrix: Matrix<Value>, _ quantity: Quantity, _ s: Int) -> MathNode {
            context.entry(matrix[i, s], step.step, layer, quantity, row: i + 1, column: s + 1)
        }

        func targetEntry(_ unit: Int) -> MathNode {
            .sub(Notation.target, batch == 1 ? .num(unit + 1) : .seq(.num(unit + 1), .symbol(.comma), .id("s")))
        }
    }
}
