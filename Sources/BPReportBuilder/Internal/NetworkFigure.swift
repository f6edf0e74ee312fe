import BPDocument
import BPEngine
import BPFigures
import BPNumerics
import BPSpec

/// The network drawn: a column per layer, units named as the spec names them or `a^l_j`, and
/// every edge with its weight (labelled while the layers are small), each bias under its unit.
struct NetworkFigure<Value: Scalar> {
    let context: ReportContext<Value>

    /// The network with `parameters`; `given` labels the weights as the spec wrote them.
    func block(_ parameters: [LayerParameters<Value>], given: Bool, name: String, caption: String) -> Block {
        .figure(Figure(attributes: Attributes(classes: ["network"], role: given ? nil : "computed"),
                       content: .drawing(name: name, diagram(parameters, given: given).drawing()),
                       caption: [.text(caption)]))
    }

    /// Whether every layer is small enough for each edge to carry its weight.
    var isLabelled: Bool {
        ([context.spec.input.rows] + context.spec.layers.map(\.width)).allSatisfy { $0 <= NetworkDiagram.maxLabelledUnits }
    }

    /// What the drawing shows, as its caption says it.
    var caption: String { isLabelled ? context.words.networkCaption : context.words.largeNetworkCaption }

    func diagram(_ parameters: [LayerParameters<Value>], given: Bool) -> NetworkDiagram {
        let spec = context.spec
        let words = context.words
        let widths = [spec.input.rows] + spec.layers.map(\.width)
        let labelled = isLabelled
        var columns: [NetworkDiagram.Column] = []
        for (position, count) in widths.enumerated() {
            let layer = context.inputLayer + position
            let names = position == 0 ? spec.inputUnits : spec.layers[position - 1].units
            let units = NetworkDiagram.drawnUnits(of: count).map { index in
                NetworkDiagram.Unit(index: index, label: names.map { $0[index] } ?? FigureLabel.unit(layer: layer, index: index + 1),
                                    bias: position == 0 ? nil : bias(parameters[position - 1], layerIndex: position - 1, unit: index, given: given))
            }
            columns.append(NetworkDiagram.Column(
                heading: position == 0 ? words.inputColumn : words.layerColumn(layer),
                detail: position == 0 ? nil : spec.layers[position - 1].activation.name,
                count: count, units: units,
                summary: count > NetworkDiagram.maxLabelledUnits ? words.unitCount(count) : nil))
        }
        var edges: [[NetworkDiagram.Edge]] = []
        for (index, layer) in parameters.enumerated() {
            let from = NetworkDiagram.drawnUnits(of: widths[index]), to = NetworkDiagram.drawnUnits(of: widths[index + 1])
            var gap: [NetworkDiagram.Edge] = []
            for i in from {
                for j in to {
                    let value = layer.weights[j, i]
                    let label: String? = labelled
                        ? (given ? FigureLabel.text(given: spec.layers[index].weights[j, i]) : FigureLabel.text(value)) : nil
                    gap.append(NetworkDiagram.Edge(from: i, to: j, value: value.doubleValue, label: label))
                }
            }
            edges.append(gap)
        }
        return NetworkDiagram(columns: columns, edges: edges, description: words.networkDescription(widths: widths))
    }

    /// `b = 0.5` under a unit, or nothing for a layer without a bias or a large one.
    private func bias(_ layer: LayerParameters<Value>, layerIndex: Int, unit: Int, given: Bool) -> String? {
        let spec = context.spec.layers[layerIndex]
        guard spec.hasBias, spec.width <= NetworkDiagram.maxLabelledUnits else { return nil }
        return "b = " + (given ? FigureLabel.text(given: spec.bias[unit, 0]) : FigureLabel.text(layer.bias[unit, 0]))
    }
}
