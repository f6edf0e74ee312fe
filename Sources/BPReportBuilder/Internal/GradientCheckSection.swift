import BPDocument
import BPEngine
import BPNumerics
import BPSpec

/// The gradient check: a step's backprop gradients beside finite differences of the loss,
/// layer by layer, with a plain pass or fail, so a reader can trust the key's numbers.
struct GradientCheckSection<Value: Scalar> {
    let context: ReportContext<Value>

    /// The check of the first step the trace kept. The run already kept within the user's
    /// limits; the check's float engine runs one step of the same network, so it has none.
    static var check: GradientCheck {
        GradientCheck(limits: Limits(maxEntries: .max, maxSpecValues: .max, maxSteps: .max, maxDigits: .max))
    }

    func blocks(headingLevel: Int) -> [Block] {
        let words = context.words
        var blocks: [Block] = [.heading(level: headingLevel, [.text(words.gradientCheckHeading)])]
        let result: GradientCheckResult
        do {
            result = try Self.check.check(context.trace)
        } catch {
            // The report stands without it; the reason is said where the check would be.
            return blocks + [.paragraph([.text(words.gradientCheckFailedToRun("\(error)"))])]
        }
        blocks.append(.paragraph([
            .text(words.gradientCheckLead(step: result.step)), .math(difference), .text(words.gradientCheckStepSize),
            .math(stepSize), .text(words.gradientCheckTolerance), .math(tolerance(result.tolerance)), .text(words.gradientCheckEnd),
        ]))
        var rows: [[[Inline]]] = []
        for layer in result.layers {
            var checked = "\(layer.checkedEntries)"
            if layer.isSampled { checked += " " + words.ofEntries(layer.totalEntries) }
            if layer.kinkEntries > 0 { checked += " " + words.atKinks(layer.kinkEntries) }
            // Where every entry agrees within the loss's rounding, the largest plain relative
            // difference says how closely.
            let plain = layer.largestRelativeError > 0 ? nil : layer.largestPlainDifference
            let (shown, worst) = plain ?? (layer.largestRelativeError, layer.largest)
            rows.append([
                [.math(.num(layer.layer))],
                [.text(checked)],
                error(shown, withinRounding: layer.largestRelativeError == 0),
                [.math(entry(layer.layer, worst.entry))],
                [.strong([.text(layer.passed ? "✓ " + words.passed : "✗ " + words.failed)])],
            ])
        }
        blocks.append(.table(Table(attributes: Attributes(classes: ["gradient-check"]),
                                   alignments: [.center, .right, .right, .center, .left],
                                   header: words.gradientCheckColumns.map { [.text($0)] }, rows: rows)))
        let failed = result.failedLayers
        blocks.append(.paragraph([.strong([.text(failed.isEmpty ? words.gradientsAgree : words.gradientsDisagree(layers: failed))])]))
        return [.section(role: "gradient-check", blocks)]
    }

    /// (L(θ + h) − L(θ − h)) / 2h.
    private var difference: MathNode {
        let theta = MathNode.symbol(.theta)
        func loss(_ sign: MathSymbol) -> MathNode { Notation.apply(.id("L"), .seq(theta, .symbol(sign), .id("h"))) }
        return .fraction(.seq(loss(.plus), .symbol(.minus), loss(.minus)), .row([.num(2), .id("h")]))
    }

    /// h = 10⁻⁶ · max(1, |θ|).
    private var stepSize: MathNode {
        let theta = MathNode.symbol(.theta)
        return .seq(.id("h"), .symbol(.equals), .sup(.num(10), .row([.symbol(.minus), .num(6)])), .symbol(.cdot),
                    Notation.apply(.function("max"), .seq(.num(1), .symbol(.comma), .fenced(.bars, theta))))
    }

    private func tolerance(_ value: Double) -> MathNode { scientific(value) }

    /// A relative error, and "(within rounding)" when the loss's rounding explains all of it.
    private func error(_ value: Double, withinRounding: Bool) -> [Inline] {
        withinRounding ? [.math(scientific(value)), .text(" " + context.words.withinRounding)] : [.math(scientific(value))]
    }

    /// `3.1 × 10⁻⁹`, or `10⁻⁶` for a power of ten.
    private func scientific(_ value: Double) -> MathNode {
        guard value.isFinite, value > 0 else { return .number(value.isFinite ? "0" : "∞") }
        var exponent = 0
        var mantissa = value
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        while mantissa < 1 { mantissa *= 10; exponent -= 1 }
        var rounded = (mantissa * 10).rounded() / 10
        if rounded >= 10 { rounded /= 10; exponent += 1 }
        let power = MathNode.sup(.num(10), exponent < 0 ? .row([.symbol(.minus), .num(-exponent)]) : .num(exponent))
        if exponent == 0 { return .number(String(rounded)) }
        return rounded == 1 ? power : .seq(.number(String(rounded)), .symbol(.times), power)
    }

    /// ∂L/∂W^l_{ij} or ∂L/∂b^l_i.
    private func entry(_ layer: Int, _ entry: GradientEntry) -> MathNode {
        let name = entry.parameter == .weights ? "W" : "b"
        let index: MathNode = entry.parameter == .weights ? .row([.num(entry.row), .num(entry.column)]) : .num(entry.row)
        return Notation.partial(of: .subsuperscripted(.id(name), sub: index, sup: .num(layer)))
    }
}
