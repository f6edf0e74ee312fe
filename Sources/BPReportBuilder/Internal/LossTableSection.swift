import BPDocument
import BPEngine
import BPNumerics

/// The loss before each step's update, for runs of several steps; long runs keep their first
/// and last ten rows.
struct LossTableSection<Value: Scalar> {
    let context: ReportContext<Value>

    static var edgeRows: Int { 10 }

    func blocks(headingLevel: Int) -> [Block] {
        let steps = context.trace.steps
        var rows: [[MathNode]] = [[.text(context.words.stepColumn), Notation.loss]]
        let edge = Self.edgeRows
        for (index, step) in steps.enumerated() {
            if steps.count > 2 * edge + 1 && index >= edge && index < steps.count - edge {
                if index == edge { rows.append([.symbol(.vdots), .symbol(.vdots)]) }
                continue
            }
            rows.append([.num(step.step), .quantity(context.key(step.step, nil, .loss), context.number(step.loss))])
        }
        return [
            .heading(level: headingLevel, [.text(context.words.lossPerStep)]),
            .displayMath(.array(alignments: [.center, .right], rows: rows, header: true, columnRules: true)),
        ]
    }
}
