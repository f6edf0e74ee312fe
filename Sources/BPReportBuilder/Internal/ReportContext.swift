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

    /// The key of a value the step computed.
    func key(_ step: Int, _ layer: Int?, _ quantity: Quantity, transposed: Bool = false) -> QuantityKey {
        QuantityKey(step: step, layer: layer, quantity: quantity, transposed: transposed)
    }

    /// The key of W^l or b^l as a step starts: `nil` in the first step, where they are the
    /// spec's own numbers.
    func parameterKey(_ step: Int, _ layer: Int, _ quantity: Quantity, transposed: Bool = false) -> QuantityKey? {
        step == 1 ? nil : key(step, layer, quantity, transposed: transposed)
    }

    /// `name = matrix`, the matrix marked with `key` when it was computed.
    func equation(_ name: MathNode, _ m: Matrix<Value>, _ key: QuantityKey? = nil) -> MathNode {
        .seq(name, .symbol(.equals), matrix(m, key))
    }

    /// The learning rate as a number node, when the run has one.
    var learningRate: MathNode? { trace.learningRate.map(number) }
}
