import BPFigures
import BPWriters

// The figures' tests read the drawings as the pages show them: as SVG.
extension NetworkDiagram {
    /// The diagram as the SVG a page embeds.
    func svg() -> String { SVGWriter.write(drawing()) }
}

extension LinePlot {
    /// The plot as the SVG a page embeds.
    func svg() -> String { SVGWriter.write(drawing()) }
}
