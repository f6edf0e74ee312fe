import BPDocument
import BPDocument
import BPSpec

/// The fixed prose of a report, in each language. Korean follows the lecture notes' wording.
struct Phrasebook {
    let language: Language

    private func pick(_ en: String, _ ko: String) -> String { language == .ko ? ko : en }

    var forward: String { "[Forward]" }
    var backward: String { "[Backward]" }
    var weightUpdate: String { "[Weight update]" }
    var lossPerStep: String { pick("Loss per step", "Step별 Loss") }
    var finalParameters: String { pick("Parameters after the last step", "마지막 step 후의 parameter") }
    /// The lecture notes say "Step" in both languages.
    func step(_ n: Int) -> String { "Step \(n)" }
    /// The loss table's first column.
    var stepColumn: String { pick("step", "step") }

    /// A value by cases, as the activation formulas need: `yes if condition, no otherwise`.
    func cases(_ yes: MathNode, if condition: MathNode, otherwise no: MathNode) -> MathNode {
        switch language {
        case .ko:
            return .seq(yes, .text(" ("), condition, .text(" 일 때)"), .symbol(.comma), .space(.quad), no, .text(" (그 외)"))
        default:
            return .seq(yes, .text(" if "), condition, .symbol(.comma), .space(.quad), no, .text(" otherwise"))
        }
    }

    /// Around "a^0 ... t" in the opening sentence.
    var inputLead: String { pick("The input ", "input : ") }
    var targetLead: String { pick(" and the target ", " 와 target : ") }
    var inputTargetTail: String { pick(" are", " 가") }
    var parametersLead: String { pick("with the parameters", "이고") }
    /// For a notebook cell that continues cell `id`.
    func parametersFrom(_ id: String) -> String {
        pick("with the parameters that cell \(id) trained:", "\(id)에서 학습한 parameter로 시작하고")
    }
    var activationLead: String { pick("Activation:", "activation :") }
    /// Before and after the composed network; `nil` where the language puts nothing.
    var networkLead: String? { language == .ko ? nil : "The network computes" }
    var networkTail: String? { language == .ko ? "일때" : nil }
    var lossLead: String? { language == .ko ? nil : "The loss is" }
    var learningRateLead: String { pick("with learning rate ", "에 대하여 ") }

    func task(steps: Int) -> String {
        switch steps {
        case 0: return pick("Find the gradients (no update is made).", "Backpropagation으로 gradient를 구해보자.")
        case 1: return pick("Find the result of the weight update.", "Weight update를 한 결과를 구해보자.")
        default: return pick("Find the result of \(steps) weight updates.", "Weight update를 \(steps)번 한 결과를 구해보자.")
        }
    }

    var parametersAtStart: String { pick("The parameters at the start of this step:", "이 step을 시작할 때의 parameter:") }
    var batchSumNote: String { pick("summed over the batch", "batch에 대한 합") }
    func elidedSteps(from first: Int, to last: Int) -> String {
        if first == last {
            return pick("Step \(first) is not worked out here; its loss is in the table below.",
                        "Step \(first)의 풀이는 생략하고 loss만 아래 표에 적는다.")
        }
        return pick("Steps \(first) to \(last) are not worked out here; their losses are in the table below.",
                    "Step \(first)–\(last)의 풀이는 생략하고 loss만 아래 표에 적는다.")
    }

    // The gradient check.
    var gradientCheckHeading: String { pick("Gradient check", "Gradient 검증") }
    func gradientCheckLead(step: Int) -> String {
        pick("Each gradient entry of step \(step) is compared with the central difference of the loss, computed in floating point, ",
             "Step \(step)의 gradient 각 성분을 floating point로 계산한 loss의 중심 차분 ")
    }
    var gradientCheckStepSize: String { pick(", with ", ", ") }
    var gradientCheckTolerance: String {
        pick("; it passes when its relative error, beyond what the loss's rounding explains, is at most ",
             "와 비교한다. Loss의 반올림 오차로 설명되는 부분을 뺀 상대 오차가 다음 이하이면 통과: ")
    }
    var gradientCheckEnd: String { pick(".", "") }
    var gradientCheckColumns: [String] {
        language == .ko ? ["layer", "비교한 성분", "최대 상대 오차", "위치", "결과"]
            : ["layer", "entries compared", "largest relative error", "where", "result"]
    }
    func ofEntries(_ total: Int) -> String { pick("of \(total), evenly spaced", "(전체 \(total)개 중 고르게)") }
    func atKinks(_ count: Int) -> String { pick("(\(count) at a kink, one-sided)", "(\(count)개는 꺾인 점, 한쪽 차분)") }
    var withinRounding: String { pick("(within rounding)", "(반올림 오차 이내)") }
    var passed: String { pick("passes", "통과") }
    var failed: String { pick("fails", "실패") }
    var gradientsAgree: String {
        pick("Every layer's gradient agrees with the finite differences.", "모든 layer의 gradient가 차분과 일치한다.")
    }
    func gradientsDisagree(layers: [Int]) -> String {
        let list = layers.map(String.init).joined(separator: ", ")
        return pick("The gradient of layer\(layers.count == 1 ? "" : "s") \(list) disagrees with the finite differences.",
                    "Layer \(list)의 gradient가 차분과 일치하지 않는다.")
    }
    func gradientCheckFailedToRun(_ reason: String) -> String {
        pick("The gradients could not be checked: \(reason).", "Gradient를 검증할 수 없었다: \(reason).")
    }

    // Figures.
    var inputColumn: String { pick("input", "입력") }
    func layerColumn(_ layer: Int) -> String { pick("layer \(layer)", "layer \(layer)") }
    func unitCount(_ count: Int) -> String { pick("\(count) units", "unit \(count)개") }
    /// The network in words, for a screen reader and the Markdown's alternative text.
    func networkDescription(widths: [Int]) -> String {
        let layers = widths.map(String.init).joined(separator: "-")
        let count = widths.count - 1
        return pick("Diagram of the \(layers) network: \(widths[0]) input\(widths[0] == 1 ? "" : "s") and \(count) layer\(count == 1 ? "" : "s") of units, each edge a weight",
                    "\(layers) network 그림: 입력 \(widths[0])개와 layer \(widths.count - 1)개, 선 하나가 weight 하나")
    }
    var networkCaption: String {
        pick("The network: a column of units per layer, each edge labelled with its weight (blue: positive; orange, dashed: negative; thicker: larger), each bias under its unit.",
             "Network: layer마다 unit 한 줄, 선마다 weight (파랑: 양수, 주황 점선: 음수, 굵을수록 큼), unit 아래에 bias.")
    }
    /// The caption of a network with a layer too large to label: drawn in part, unlabelled.
    var largeNetworkCaption: String {
        pick("The network: a column of units per layer, a large layer drawn by its first and last units; each edge's colour gives its weight's sign (blue: positive; orange, dashed: negative) and its thickness the size; the weights and biases are too many to label.",
             "Network: layer마다 unit 한 줄 (큰 layer는 처음과 끝 unit만), 선의 색은 weight의 부호 (파랑: 양수, 주황 점선: 음수), 굵기는 크기. Weight와 bias는 너무 많아 적지 않는다.")
    }
    var trainedNetworkCaption: String {
        pick("The network after the last update.", "마지막 update 후의 network.")
    }
    /// What a handout says where it takes out a drawing of computed values, by the drawing's
    /// class, so that the sentence introducing it does not dangle.
    var handoutPlaceholders: [String: String] {
        ["loss-plot": pick("(The plot of the loss is in the solution.)", "(loss 그래프는 풀이에 있다.)"),
         "network": pick("(The drawing of the trained network is in the solution.)", "(학습된 network의 그림은 풀이에 있다.)")]
    }
    var stepAxis: String { "step" }
    var lossAxis: String { "loss L" }
    var lossPlotCaption: String {
        pick("The loss before each step, and after the last update.", "각 step 전의 loss와 마지막 update 후의 loss.")
    }
    func lossPlotDescription(first: Int, last: Int) -> String {
        pick("Plot of the loss against the step, from step \(first) to \(last)", "Step \(first)–\(last)의 loss 그래프")
    }
    var noUpdate: String {
        pick("No update is made: the problem asks only for the gradients.", "Gradient만 구하고 weight update는 하지 않는다.")
    }
    var lossAfterUpdate: String { pick("After the update the loss is ", "Update 후의 loss는 ") }
    var sentenceEnd: String { pick(".", "이다.") }
    /// The loss table's last row: the loss the last update leads to.
    func afterStep(_ n: Int) -> String { pick("after \(n)", "\(n) 후") }

    var explainHeading: String { pick("One weight at a time", "Weight 하나씩 (chain rule)") }
    /// After `w^l_ij` in the explanation's lead: what the parameter connects.
    func connects(from: String?, to: String) -> String {
        guard let from else { return pick(", the bias of \(to):", ": \(to)의 bias") }
        return pick(", the weight from \(from) to \(to):", ": \(from)에서 \(to)로 가는 weight")
    }
    /// A unit with no name of its own.
    func unit(_ unit: Int, ofLayer layer: Int) -> String { pick("unit \(unit) of layer \(layer)", "layer \(layer)의 \(unit)번째 unit") }
    /// The sentence naming the units, before the list.
    var unitsLead: String { pick("The units are named", "Unit 이름:") }

    /// The note near the top of a float run.
    func roundedFloats(digits: Int) -> String {
        pick("Computed values are rounded to \(digits) significant digits; the givens are as the problem states them.",
             "계산한 값은 유효숫자 \(digits)자리로 반올림했다. 주어진 값은 문제에 적힌 그대로이다.")
    }

    /// The note near the top of an exact run some of whose values are too long to write.
    func truncatedExact(digits: Int) -> String {
        pick("Exact values too long to write are shown by their first \(digits) significant digits, followed by …",
             "너무 긴 값은 앞의 유효숫자 \(digits)자리 뒤에 …를 붙여 적었다.")
    }
}
