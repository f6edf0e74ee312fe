import BPDocument
import BPEngine
import BPNumerics

/// The loss before each step's update, for runs of several steps; long runs keep their first
/// and last ten rows.
struct LossTableSection<Value: Scalar> {
    let context: ReportContext<Value>

    static var edgeRows: Int { 10 }
    /// Runs up to this many steps list every loss.
    static var maxRows: Int { 20 }

    func blocks(headingLevel: Int) -> [Block] {
        let losses = context.trace.losses
        var rows: [[MathNode]] = [[.text(context.words.stepColumn), Notation.loss]]
        let edge = Self.edgeRows
        for (index, loss) in losses.enumerated() {
            if losses.count > Self.maxRows && index >= edge && index < losses.count - edge {
                if index == edge { rows.append([.symbol(.vdots), .symbol(.vdots)]) }
                continue
            }
            let step = context.trace.firstStep + index
            rows.append([.num(step), .quantity(context.key(step, nil, .loss), context.number(loss))])
        }
        if let final = context.trace.finalLoss {
            let after = context.trace.lastStep
            rows.append([.text(context.words.afterStep(after)), .quantity(context.key(after + 1, nil, .loss), context.number(final))])
        }
        return [
            .heading(level: headingLevel, [.text(context.words.lossPerStep)]),
            .displayMath(.array(alignments: [.center, .right], rows: rows, header: true, columnRules: true)),
        ]
    }
}
