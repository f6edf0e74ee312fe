import BPDocument
import BPEngine
import BPNumerics
import BPSpec

/// What every section of one report needs: the trace, the number style and the words.
struct ReportContext<Value: Scalar> {
    let trace: Trace<Value>
    let style: NumberStyle
    let words: Phrasebook

    var spec: NetworkSpec { trace.spec }
    var inputLayer: Int { spec.numbering }
    var outputLayer: Int { spec.outputLayerNumber }
    var layerNumbers: [Int] { spec.layers.indices.map(spec.layerNumber(ofIndex:)) }

    /// Whether the layers use different activations, so each sigma needs its layer number.
    var activationsDiffer: Bool {
        spec.layers.contains { $0.activation != spec.layers[0].activation }
    }

    func sigma(_ layer: Int) -> MathNode { Notation.sigma(activationsDiffer ? layer : nil) }

    func activation(ofLayer layer: Int) -> Activation { spec.layers[layer - spec.numbering - 1].activation }

    func matrix(_ m: Matrix<Value>) -> MathNode { style.matrix(m) }
    func number(_ v: Value) -> MathNode { style.node(v) }

    /// A computed matrix, marked with what it is; `key` is `nil` for a given one.
    func matrix(_ m: Matrix<Value>, _ key: QuantityKey?) -> MathNode {
        key.map { .quantity($0, style.matrix(m)) } ?? style.matrix(m)
    }

    /// One computed entry, keyed (1-based row and column), as a worked line substitutes it.
    func entry(_ value: Value, _ step: Int, _ layer: Int?, _ quantity: Quantity, row: Int, column: Int) -> MathNode {
        .quantity(QuantityKey(step: step, layer: layer, quantity: quantity, entry: QuantityEntry(row: row, column: column)), number(value))
    }

    /// A matrix of the substitution that computes the value `result` names, with its part in
    /// it. Elided matrices are linked too: elision keeps the same rows of any matrix with as
    /// many rows (and the same columns), so shown positions still correspond.
    func link(_ result: QuantityKey, _ role: MathLink.Role, _ node: MathNode) -> MathNode {
        .linked(MathLink(group: result.description, role: role), node)
    }

    /// The key of a value the step computed.
    func key(_ step: Int, _ layer: Int?, _ quantity: Quantity, transposed: Bool = false) -> QuantityKey {
        QuantityKey(step: step, layer: layer, quantity: quantity, transposed: transposed)
    }

    /// Whether layer number `layer` has a bias (`bias: none` has not).
    func hasBias(_ layer: Int) -> Bool { spec.layers[layer - spec.numbering - 1].hasBias }

    /// `W^l` and, when the layer has a bias, `b^l`, as items of a list.
    func parameterList(_ layer: Int, weights: MathNode, bias: @autoclosure () -> MathNode) -> MathNode {
        var items = [equation(Notation.weights(layer), weights)]
        if hasBias(layer) { items.append(equation(Notation.bias(layer), bias())) }
        return Notation.list(items)
    }

    /// Whether a formula fits the text column, by its estimated width (each computed value
    /// counted as the wider of itself and its handout blank: see ``MathWidth``).
    func fits(_ node: MathNode) -> Bool {
        MathWidth.of(node) <= style.options.formulaWidth
    }

    /// Whether step `step` starts from the spec's own parameters (which are then givens).
    func startsFromGivens(_ step: Int) -> Bool { step == trace.firstStep && trace.startsFromSpec }

    /// W^l (or its transpose) as step `step` starts: as the spec writes it in the first step,
    /// else the computed `values` (already transposed when `transposed`), keyed.
    func weights(step: Int, layer: Int, _ values: Matrix<Value>, transposed: Bool = false) -> MathNode {
        guard !startsFromGivens(step) else {
            let given = spec.layers[layer - spec.numbering - 1].weights
            return style.given(transposed ? given.transposed : given)
        }
        return matrix(values, key(step, layer, .weights, transposed: transposed))
    }

    /// b^l as step `step` starts: as the spec writes it in the first step, else computed.
    func bias(step: Int, layer: Int, _ values: Matrix<Value>) -> MathNode {
        guard !startsFromGivens(step) else { return style.given(spec.layers[layer - spec.numbering - 1].bias) }
        return matrix(values, key(step, layer, .bias))
    }

    /// The input batch as the spec writes it (transposed for a gradient).
    func input(transposed: Bool = false) -> MathNode { style.given(transposed ? spec.input.transposed : spec.input) }

    /// The target as the spec writes it.
    var target: MathNode { style.given(spec.target) }

    /// `name = value`.
    func equation(_ name: MathNode, _ value: MathNode) -> MathNode { .seq(name, .symbol(.equals), value) }

    /// The learning rate as the spec writes it, when the run has one.
    var learningRate: MathNode? { spec.learningRate.map(style.given) }

    /// The learning rate as a factor after a minus sign: in parentheses when it is negative,
    /// so a report never reads `W − −0.01 …`.
    var subtractedRate: MathNode? {
        guard let rate = spec.learningRate else { return nil }
        return rate.exact.signum < 0 ? .fenced(.parentheses, style.given(rate)) : style.given(rate)
    }
}
