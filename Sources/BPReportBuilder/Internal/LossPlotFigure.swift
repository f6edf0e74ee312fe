import BPDocument
import BPEngine
import BPFigures
import BPNumerics

/// The loss against the step, for runs of several steps: every step's loss, and the loss
/// after the last update as the last point.
struct LossPlotFigure<Value: Scalar> {
    let context: ReportContext<Value>

    func block(name: String) -> Block {
        .figure(Figure(attributes: Attributes(classes: ["loss-plot"], role: "computed"),
                       content: .drawing(name: name, plot.drawing()), caption: [.text(context.words.lossPlotCaption)]))
    }

    var plot: LinePlot {
        let trace = context.trace
        var points = trace.losses.enumerated().map { index, loss in
            LinePlot.Point(x: trace.firstStep + index, y: loss.doubleValue,
                           label: context.words.step(trace.firstStep + index) + ": " + FigureLabel.text(loss))
        }
        // The loss after the last update is the loss before a step that was never run.
        if let final = trace.finalLoss {
            points.append(LinePlot.Point(x: trace.lastStep + 1, y: final.doubleValue,
                                          label: context.words.afterStep(trace.lastStep) + ": " + FigureLabel.text(final)))
        }
        let words = context.words
        return LinePlot(points: points, xLabel: words.stepAxis, yLabel: words.lossAxis,
                        description: words.lossPlotDescription(first: points.first?.x ?? 1, last: points.last?.x ?? 1))
    }
}
