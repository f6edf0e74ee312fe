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

    /// `name = matrix`.
    func equation(_ name: MathNode, _ m: Matrix<Value>) -> MathNode { .seq(name, .symbol(.equals), matrix(m)) }

    /// The learning rate as a number node, when the run has one.
    var learningRate: MathNode? { trace.learningRate.map(number) }
}
