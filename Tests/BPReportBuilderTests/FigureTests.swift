import BPDocument
import BPEngine
import BPNumerics
@testable import BPReportBuilder
import BPSpec
import BPTestSupport
import Testing

/// The drawings a report makes: which, where, and with the right numbers on them.
@Suite struct FigureTests {
    private func run(_ yaml: String, options: ReportOptions = .default) throws -> (Trace<Rational>, Document) {
        let spec = try SpecReader().read(text: yaml)
        let builder = ReportBuilder(options: options)
        guard case let .exact(trace) = try AnyTrace.run(spec, policy: builder.recordingPolicy(for: spec)) else {
            throw SpecError(message: "expected an exact run")
        }
        return (trace, builder.document(for: trace))
    }

    /// Figures by class, in page order, with the role of the section that holds them.
    private func figures(_ blocks: [Block], in role: String? = nil) -> [(classes: [String], section: String?, figure: Figure)] {
        var found: [(classes: [String], section: String?, figure: Figure)] = []
        for block in blocks {
            switch block {
            case let .figure(figure): found.append((figure.attributes.classes, role, figure))
            case let .section(attributes, inner): found += figures(inner, in: attributes.role ?? role)
            default: break
            }
        }
        return found
    }

    /// The weight labels of a drawing, in edge order (from each unit of a layer to each of the next).
    private func labels(_ figure: Figure) -> [String] {
        guard case let .drawing(_, drawing) = figure.content else { return [] }
        return texts(drawing.items, in: "weights")
    }

    /// The texts of `items`, in order, those of groups included; only in the group `group` when given.
    private func texts(_ items: [Drawing.Item], in group: String? = nil) -> [String] {
        items.flatMap { item -> [String] in
            switch item {
            case let .group(inner): return texts(inner.items, in: group == inner.className ? nil : group)
            case let .text(text): return group == nil ? [text.text] : []
            default: return []
            }
        }
    }

    /// The circles of `items`, those of groups included.
    private func circles(_ items: [Drawing.Item]) -> [Drawing.Circle] {
        items.flatMap { item -> [Drawing.Circle] in
            switch item {
            case let .group(inner): return circles(inner.items)
            case let .circle(circle): return [circle]
            default: return []
            }
        }
    }

    @Test func oneStepDrawsTheGivenNetworkWithItsWeightsAsWritten() throws {
        let (_, document) = try run(TestSpecs.contractNetwork)
        let found = figures(document.blocks)
        #expect(found.map(\.classes) == [["network"]])
        #expect(found.first?.section == "given")
        // W² = [[1, −2], [2, 4], [−3, 1]] read by edge: from a¹₁ to a²₁, a²₂, a²₃, then from a¹₂;
        // then W³ = [[1, 2, −3], [2, −1, 3]] likewise.
        #expect(labels(found[0].figure) == ["1", "2", "−3", "−2", "4", "1", "1", "2", "2", "−1", "−3", "3"])
        guard case let .drawing(name, drawing) = found[0].figure.content else { return }
        #expect(name == "network.svg")
        let written = texts(drawing.items)
        for unit in ["a¹₁", "a¹₂", "a²₁", "a²₂", "a²₃", "a³₁", "a³₂"] { #expect(written.contains(unit), "\(unit)") }
        for bias in ["b = 1", "b = 2", "b = 3"] { #expect(written.contains(bias)) }
    }

    /// After one step, by hand: δ³ = (13, −7), a² = (0, 8, 1), so W³ − 0.01 δ³ (a²)ᵀ =
    /// [[1, 0.96, −3.13], [2, −0.44, 3.07]], and b³ − 0.01 δ³ = (1.87, 1.07).
    @Test func theTrainedNetworkCarriesTheUpdatedWeights() throws {
        let (trace, _) = try run(TestSpecs.contractNetwork)
        let context = ReportContext(trace: trace, style: NumberStyle(), words: Phrasebook(language: .en))
        let figure = NetworkFigure(context: context).block(trace.finalParameters, given: false, name: "n.svg", caption: "")
        guard case let .figure(trained) = figure else { Issue.record("not a figure"); return }
        #expect(Array(labels(trained).suffix(6)) == ["1", "2", "0.96", "−0.44", "−3.13", "3.07"])
        guard case let .drawing(_, drawing) = trained.content else { return }
        #expect(texts(drawing.items).contains("b = 1.87") && texts(drawing.items).contains("b = 1.07"))
        #expect(trained.attributes.role == "computed")
    }

    @Test func severalStepsAddTheLossPlotAndTheTrainedNetwork() throws {
        let (trace, document) = try run(TestSpecs.contractNetwork + "\nsteps: 3\n")
        let found = figures(document.blocks)
        #expect(found.map(\.classes) == [["network"], ["loss-plot"], ["network"]])
        #expect(found.map(\.section) == ["given", "losses", "losses"])
        // The plot has a dot per loss: three before the steps and one after the last.
        guard case let .drawing(name, drawing) = found[1].figure.content else { return }
        #expect(name == "loss.svg")
        #expect(circles(drawing.items).count == trace.losses.count + 1)
        #expect(circles(drawing.items).first?.tooltip == "Step 1: 109")
    }

    /// A handout keeps the given network but not the drawings of computed values, unless the
    /// spec shows what they draw.
    @Test func handoutsDropTheDrawingsOfComputedValues() throws {
        var options = ReportOptions()
        options.handout = true
        let (_, handout) = try run(TestSpecs.contractNetwork + "\nsteps: 3\n", options: options)
        #expect(figures(handout.blocks).map(\.classes) == [["network"]])
        let (_, shown) = try run(TestSpecs.contractNetwork + "\nsteps: 3\nshow: [loss]\n", options: options)
        #expect(figures(shown.blocks).map(\.classes) == [["network"], ["loss-plot"]])
        // Where a drawing went, a sentence says where it is, so the text before it does not
        // dangle; in the page's language; none for a drawing the spec shows.
        func placeholders(_ blocks: [Block]) -> [String] {
            final class Said { var texts: [String] = [] }
            let said = Said()
            DocumentWalker(block: { block in
                if case let .paragraph(inlines) = block, inlines.count == 1, case let .emphasis(inner) = inlines[0],
                   inner.count == 1, case let .text(text) = inner[0], text.hasPrefix("(") { said.texts.append(text) }
                return .descend
            }).walk(blocks)
            return said.texts
        }
        #expect(placeholders(handout.blocks) == ["(The plot of the loss is in the solution.)", "(The drawing of the trained network is in the solution.)"])
        #expect(placeholders(shown.blocks) == ["(The drawing of the trained network is in the solution.)"])
        let (_, korean) = try run("lang: ko\n" + TestSpecs.contractNetwork + "\nsteps: 3\n", options: options)
        #expect(placeholders(korean.blocks) == ["(loss 그래프는 풀이에 있다.)", "(학습된 network의 그림은 풀이에 있다.)"])
        let (_, solution) = try run(TestSpecs.contractNetwork + "\nsteps: 3\n")
        #expect(placeholders(solution.blocks).isEmpty)
    }

    /// Names the spec gives its units label their circles.
    @Test func unitNamesLabelTheCircles() throws {
        let named = TestSpecs.contractNetwork.replacingOccurrences(of: "input: [1, 1]", with: "input: [1, 1]\ninput_units: [x1, x2]")
            .replacingOccurrences(of: "activation: identity}\n  - {weights: [[1, 2, -3]", with: "activation: identity, units: [h1, h2, h3]}\n  - {weights: [[1, 2, -3]")
        let (_, document) = try run(named)
        guard case let .drawing(_, drawing)? = figures(document.blocks).first?.figure.content else { Issue.record("no figure"); return }
        for unit in ["x1", "x2", "h1", "h2", "h3", "a³₁"] { #expect(texts(drawing.items).contains(unit), "\(unit)") }
        #expect(!texts(drawing.items).contains("a¹₁"))
    }

    @Test func figureLabelsAreShort() {
        #expect(FigureLabel.text(Rational(-11) / Rational(25)) == "−0.44")
        #expect(FigureLabel.text(Rational(1) / Rational(3)) == "1/3")
        #expect(FigureLabel.text(Rational(-2) / Rational(3)) == "−2/3")
        #expect(FigureLabel.text(Rational(1) / Rational(7000)) == "0.000143")
        #expect(FigureLabel.text(Rational(-12345)) == "−12345")
        #expect(FigureLabel.text(Rational(1234567)) == "1.23e+06")
        #expect(FigureLabel.text(0.123456) == "0.123")
        // A value rounding moved keeps its zeros: 1.9994 is 2.00, -0.99996 is -1.00; 2 stays 2.
        #expect(FigureLabel.text(1.9994) == "2.00" && FigureLabel.text(-0.99996) == "−1.00" && FigureLabel.text(2.0) == "2")
        #expect(FigureLabel.unit(layer: 12, index: 3) == "a¹²₃")
    }
}

/// The gradient check at the end of a solution.
@Suite struct GradientCheckSectionTests {
    private func section(_ document: Document) -> [Block]? {
        for case let .section(attributes, blocks) in document.blocks where attributes.role == "gradient-check" { return blocks }
        return nil
    }

    private func text(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case let .text(text): return text
            case let .strong(inner), let .emphasis(inner): return text(inner)
            case let .math(node): return node == .num(2) ? "2" : node == .num(3) ? "3" : "$"
            default: return ""
            }
        }.joined()
    }

    private func summary(_ blocks: [Block]) -> (rows: [[String]], verdict: String) {
        var rows: [[String]] = [], verdict = ""
        for block in blocks {
            if case let .table(table) = block { rows = table.rows.map { $0.map(text) } }
            if case let .paragraph(inlines) = block, case .strong = inlines.first { verdict = text(inlines) }
        }
        return (rows, verdict)
    }

    @Test func aSolutionEndsWithAPassingCheckAndAHandoutHasNone() throws {
        let spec = try SpecReader().read(text: TestSpecs.contractNetwork)
        let trace = try AnyTrace.run(spec)
        let blocks = try #require(section(ReportBuilder().document(for: trace)))
        let (rows, verdict) = summary(blocks)
        #expect(rows.map { $0[0] } == ["2", "3"])
        // Layer 2 has W (3 x 2) and b (3): 9 entries; layer 3 has 6 + 2 = 8.
        #expect(rows.map { $0[1] } == ["9", "8"])
        #expect(rows.allSatisfy { $0[4] == "✓ passes" })
        #expect(verdict == "Every layer's gradient agrees with the finite differences.")
        var handout = ReportOptions()
        handout.handout = true
        #expect(section(ReportBuilder(options: handout).document(for: trace)) == nil)
        var off = ReportOptions()
        off.checksGradients = false
        #expect(section(ReportBuilder(options: off).document(for: trace)) == nil)
    }

    /// A trace whose layer-3 weight gradient was scaled by 1.01 (a test hook: the records have
    /// public initialisers) fails there, and only there.
    @Test func aBrokenGradientFailsItsLayerByName() throws {
        let spec = try SpecReader().read(text: TestSpecs.contractNetwork)
        guard case let .exact(trace) = try AnyTrace.run(spec) else { Issue.record("expected exact"); return }
        let step = trace.steps[0]
        let broken = step.gradients.map { record in
            record.layer == 3 ? GradientRecord(layer: 3, weights: record.weights.scaled(by: Rational(101) / Rational(100)), bias: record.bias) : record
        }
        let brokenStep = StepRecord(step: step.step, parameters: step.parameters, forward: step.forward, loss: step.loss,
                                    backward: step.backward, gradients: broken, updated: step.updated)
        let brokenTrace = Trace(spec: trace.spec, input: trace.input, target: trace.target, learningRate: trace.learningRate,
                                stepCount: trace.stepCount, steps: [brokenStep], losses: trace.losses,
                                initialParameters: trace.initialParameters, finalParameters: trace.finalParameters,
                                lossFactors: trace.lossFactors, finalLoss: trace.finalLoss)
        let blocks = try #require(section(ReportBuilder().document(for: brokenTrace)))
        let (rows, verdict) = summary(blocks)
        #expect(rows.map { $0[4] } == ["✓ passes", "✗ fails"])
        #expect(verdict == "The gradient of layer 3 disagrees with the finite differences.")
    }
}
