import BPDocument
import BPMarkdown
import BPEngine
import BPNumerics
import BPSpec

/// Makes the worked-solution ``Document`` from a trace: the givens, then per step [Forward],
/// [Backward] and [Weight update], and a loss table for runs of several steps.
public struct ReportBuilder: Sendable {
    /// How numbers are written, which steps are worked, and whether it is a handout.
    public let options: ReportOptions

    /// A builder that writes every report as `options` say.
    public init(options: ReportOptions = .default) {
        self.options = options
    }

    /// The report of `trace`; `fallbackTitle` (a file name, say) heads it when the spec has no title.
    public func document(for trace: AnyTrace, fallbackTitle: String? = nil) -> Document {
        switch trace {
        case let .exact(trace): return document(for: trace, fallbackTitle: fallbackTitle)
        case let .float(trace): return document(for: trace, fallbackTitle: fallbackTitle)
        }
    }

    /// The report of a trace of either arithmetic, as for an `AnyTrace` above.
    public func document<Value: Scalar>(for trace: Trace<Value>, fallbackTitle: String? = nil) -> Document {
        let words = Phrasebook(language: trace.spec.language)
        let context = ReportContext(trace: trace, style: NumberStyle(options: options), words: words)
        var blocks: [Block] = []
        // The lecturer's own words first, under the title.
        if let notes = trace.spec.notes { blocks.append(.section(role: "notes", MarkdownReader.read(notes))) }
        // The givens, then the network drawn with its given weights.
        let network = NetworkFigure(context: context)
        blocks.append(.section(role: "given", GivenSection(context: context).blocks()
            + [network.block(trace.initialParameters, given: trace.startsFromSpec, name: "network.svg", caption: network.caption)]))
        // The trace keeps only the worked steps (see `recordingPolicy(for:)`); the loss table,
        // the plot and the summary come from its losses and final parameters.
        let severalSteps = trace.stepCount > 1
        let chosen = Set(showSteps(trace.spec).steps(first: trace.firstStep, last: trace.lastStep))
        var nextStep = trace.firstStep
        for step in trace.steps where chosen.contains(step.step) {
            // The steps between the last one worked and this one, in a sentence.
            if step.step > nextStep { blocks.append(.paragraph([.text(words.elidedSteps(from: nextStep, to: step.step - 1))])) }
            nextStep = step.step + 1
            let level = severalSteps ? 3 : 2
            var stepBlocks: [Block] = []
            if severalSteps {
                stepBlocks.append(.heading(level: 2, [.text(words.step(step.step))]))
                if step.step > 1 {
                    stepBlocks.append(.paragraph([.text(words.parametersAtStart)]))
                    stepBlocks += parameterBlocks(step.parameters, context: context,
                                                  weights: .weights, bias: .bias, step: step.step)
                }
            }
            stepBlocks.append(.section(role: "forward", ForwardSection(context: context, step: step).blocks(headingLevel: level)))
            stepBlocks.append(.section(role: "backward", BackwardSection(context: context, step: step).blocks(headingLevel: level)))
            stepBlocks.append(.section(role: "update", WeightUpdateSection(context: context, step: step).blocks(headingLevel: level)))
            // After the matrix sections of the first step: the chosen entries, one scalar at a time.
            if step.step == trace.firstStep && !trace.spec.explain.isEmpty {
                stepBlocks.append(.section(role: "explain", ExplainSection(context: context, step: step).blocks(headingLevel: level)))
            }
            blocks.append(.section(role: "step", stepBlocks))
        }
        if nextStep <= trace.lastStep {
            var tail: [Block] = [.paragraph([.text(words.elidedSteps(from: nextStep, to: trace.lastStep))])]
            if trace.spec.steps > 0 {
                tail.append(.heading(level: 2, [.text(words.finalParameters)]))
                tail += parameterBlocks(trace.finalParameters, context: context, weights: .updatedWeights, bias: .updatedBias,
                                        step: trace.lastStep)
            }
            blocks.append(.section(role: "summary", tail))
        }
        if severalSteps {
            var losses = LossTableSection(context: context).blocks(headingLevel: 2)
            losses.append(LossPlotFigure(context: context).block(name: "loss.svg"))
            // The trained network after a run of several steps, to set beside the first.
            if trace.spec.steps > 0 {
                losses.append(network.block(trace.finalParameters, given: false, name: "network-trained.svg", caption: words.trainedNetworkCaption))
            }
            blocks.append(.section(role: "losses", losses))
        }
        // The key's gradients checked against finite differences (a solution's last word).
        if options.checksGradients && !options.handout {
            blocks += GradientCheckSection(context: context).blocks(headingLevel: 2)
        }
        // Nothing runs off the page: long chains go onto aligned lines, each computed value
        // measured as the wider of itself and its handout blank. Broken before the blanks go
        // in, so a handout breaks exactly where its solution does and the pages line up.
        blocks = LineBreaker(width: options.formulaWidth).apply(blocks)
        // A handout: the same page, every computed value a blank but what the spec shows.
        if options.handout { blocks = Handout(shown: trace.spec.show, placeholders: words.handoutPlaceholders).apply(blocks) }
        if let note = roundingNote(trace, blocks: blocks, words: words) {
            // Near the top, once: to how many digits the values are shown.
            if let index = blocks.firstIndex(where: { if case let .section(attributes, _) = $0 { return attributes.role == "given" } else { return false } }),
               case let .section(attributes, given) = blocks[index] {
                blocks[index] = .section(attributes, [.paragraph([.text(note)])] + given)
            }
        }
        return Document(title: trace.spec.title ?? fallbackTitle, language: trace.spec.language.rawValue, blocks: blocks)
    }

    /// The network of `trace` drawn alone, with the parameters its run starts from (a
    /// notebook cell's `show=diagram`).
    public func diagram(for trace: AnyTrace) -> [Block] {
        switch trace {
        case let .exact(trace): return diagram(for: trace)
        case let .float(trace): return diagram(for: trace)
        }
    }

    private func diagram<Value: Scalar>(for trace: Trace<Value>) -> [Block] {
        let words = Phrasebook(language: trace.spec.language)
        let context = ReportContext(trace: trace, style: NumberStyle(options: options), words: words)
        var blocks: [Block] = []
        if let title = trace.spec.title { blocks.append(.heading(level: 2, [.text(title)])) }
        let network = NetworkFigure(context: context)
        blocks.append(network.block(trace.initialParameters, given: trace.startsFromSpec, name: "network.svg", caption: network.caption))
        // A handout draws no computed weights (a network trained by an earlier cell).
        return options.handout ? Handout(shown: trace.spec.show, placeholders: words.handoutPlaceholders).apply(blocks) : blocks
    }

    /// What the report says about rounding: always for a float run, and for an exact run only
    /// when some value was too long to write in full.
    private func roundingNote<Value: Scalar>(_ trace: Trace<Value>, blocks: [Block], words: Phrasebook) -> String? {
        guard Value.isExact else { return words.roundedFloats(digits: options.significantDigits) }
        var truncated = false
        DocumentWalker(math: { node in
            if case .symbol(.ellipsis) = node { truncated = true }
            return truncated ? .skipChildren : .descend
        }).walk(blocks)
        return truncated ? words.truncatedExact(digits: options.significantDigits) : nil
    }

    /// The steps worked out in full for `spec`: the options' choice, else the spec's
    /// `show_steps:`, else the first and the last.
    public func showSteps(_ spec: NetworkSpec) -> StepSelection {
        options.showSteps ?? spec.showSteps ?? .firstAndLast
    }

    /// The steps a trace of `spec` must keep for this builder's report: the worked ones.
    /// Every step's loss is kept whatever the policy, for the loss table and plot.
    public func recordingPolicy(for spec: NetworkSpec) -> RecordingPolicy {
        let selection = showSteps(spec)
        if selection.isAll { return .all }
        var numbers = Set<Int>()
        for case let .number(n) in selection.items { numbers.insert(n) }
        return .steps(numbers, first: selection.items.contains(.first), last: selection.items.contains(.last))
    }

    /// W^l and b^l of every layer, computed values marked as `weights` and `bias` of `step`.
    private func parameterBlocks<Value: Scalar>(_ layers: [LayerParameters<Value>], context: ReportContext<Value>,
                                                weights: Quantity, bias: Quantity, step: Int) -> [Block] {
        layers.map { layer in
            .displayMath(context.parameterList(
                layer.layer, weights: context.matrix(layer.weights, context.key(step, layer.layer, weights)),
                bias: context.matrix(layer.bias, context.key(step, layer.layer, bias))))
        }
    }
}
