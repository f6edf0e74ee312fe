import BPDocument
import BPReportBuilder
import BPEngine
import BPSpec
import BPTestSupport
import Testing

/// The document's shape: the sections the lecture has, in its order, with the engine's numbers.
@Suite struct ReportBuilderTests {
    /// The report of `yaml`; without the gradient check that ends it unless asked, so that a
    /// test can read the lecture's own last words.
    private func document(_ yaml: String, checksGradients: Bool = false) throws -> Document {
        let spec = try SpecReader().read(text: yaml)
        var options = ReportOptions()
        options.checksGradients = checksGradients
        return ReportBuilder(options: options).document(for: try AnyTrace.run(spec), fallbackTitle: "fallback")
    }

    /// The plain text of every heading, in order.
    private func headings(_ blocks: [Block]) -> [String] {
        texts(blocks) { if case let .heading(_, inlines, _) = $0 { return inlines } else { return nil } }
    }

    /// The plain text of every paragraph, in order.
    private func paragraphs(_ blocks: [Block]) -> [String] {
        texts(blocks) { if case let .paragraph(inlines) = $0 { return inlines } else { return nil } }
    }

    private func texts(_ blocks: [Block], of inlines: @escaping (Block) -> [Inline]?) -> [String] {
        var found: [String] = []
        DocumentWalker(block: { block in
            if let text = inlines(block) { found.append(plainText(text)) }
            return .descend
        }).walk(blocks)
        return found
    }

    /// Every display formula, in order.
    private func displayMath(_ blocks: [Block]) -> [MathNode] {
        var found: [MathNode] = []
        DocumentWalker(block: { block in
            if case let .displayMath(node) = block { found.append(node) }
            return .descend
        }).walk(blocks)
        return found
    }

    private func plainText(_ inlines: [Inline]) -> String {
        inlines.map { if case let .text(t) = $0 { return t } else { return "" } }.joined()
    }

    static let oneStep = "title: Two layers\n" + TestSpecs.contractNetwork

    @Test func oneStepHasTheLecturesSectionsInOrder() throws {
        let doc = try document(Self.oneStep)
        #expect(doc.title == "Two layers")
        #expect(headings(doc.blocks) == ["[Forward]", "[Backward]", "[Weight update]"])
        #expect(paragraphs(doc.blocks).contains("Find the result of the weight update."))
        // By default the solution ends with its gradient check.
        #expect(headings(try document(Self.oneStep, checksGradients: true).blocks) == ["[Forward]", "[Backward]", "[Weight update]", "Gradient check"])
    }

    @Test func theLossIsShownWithItsNumbersAndAfterTheUpdate() throws {
        let doc = try document(Self.oneStep)
        // After the forward pass: 1/2 [(15 - 2)^2 + (-4 - 3)^2] = 109.
        // On one line, or broken onto aligned lines when it would not fit the handout's blanks.
        func terms(_ node: MathNode) -> [MathNode] {
            switch node {
            case let .row(parts): return parts.flatMap(terms)
            case let .aligned(rows): return rows.flatMap { $0.flatMap(terms) }
            default: return [node]
            }
        }
        let loss = displayMath(doc.blocks).first { node in
            let parts = terms(node)
            return parts.first == .id("L") && parts.last == .quantity(QuantityKey(step: 1, layer: nil, quantity: .loss), .number("109"))
        }
        #expect(loss != nil)
        // After the update, by hand: z^2 = (0.03, 7.01, 2.8), z^3 = (-0.1344, 6.6416), so
        // L = 1/2 (2.1344^2 + 3.6416^2) = 8.90845696.
        #expect(paragraphs(doc.blocks).last == "After the update the loss is .")
        var after: MathNode?
        DocumentWalker(math: { node in
            if case let .quantity(key, shown) = node, key == QuantityKey(step: 2, layer: nil, quantity: .loss) { after = shown }
            return .descend
        }).walk(doc)
        #expect(after == .number("8.90845696"))
    }

    @Test func updatedWeightsAreTheEnginesDecimals() throws {
        // W^3 - 0.01 dL/dW^3 with dL/dW^3 = (13, -7)^T (0, 8, 1): by hand,
        // (1, 2 - 1.04, -3 - 0.13; 2, -1 + 0.56, 3 + 0.07).
        let expected = MathNode.matrix([
            [.number("1"), .number("0.96"), .number("-3.13")],
            [.number("2"), .number("-0.44"), .number("3.07")],
        ])
        var shown: MathNode?
        DocumentWalker(math: { node in
            if case let .quantity(key, value) = node, key == QuantityKey(step: 1, layer: 3, quantity: .updatedWeights) { shown = value }
            return .descend
        }).walk(try document(Self.oneStep))
        #expect(shown == expected)
    }

    @Test func koreanProseFollowsTheLectureNotes() throws {
        let doc = try document(Self.oneStep.replacingOccurrences(of: "title: Two layers", with: "lang: ko"))
        #expect(doc.title == "fallback")
        #expect(paragraphs(doc.blocks).contains("Weight update를 한 결과를 구해보자."))
        #expect(headings(doc.blocks) == ["[Forward]", "[Backward]", "[Weight update]"])
    }

    @Test func severalStepsGetHeadingsAndALossTable() throws {
        let doc = try document(Self.oneStep + "\nsteps: 3\nshow_steps: all\n")
        #expect(headings(doc.blocks) == [
            "Step 1", "[Forward]", "[Backward]", "[Weight update]",
            "Step 2", "[Forward]", "[Backward]", "[Weight update]",
            "Step 3", "[Forward]", "[Backward]", "[Weight update]",
            "Loss per step",
        ])
        // Step 1's loss is 1/2 (13^2 + 7^2) = 109, the first row under the table's header.
        let table = displayMath(doc.blocks).last
        guard case let .array(_, rows, header, _)? = table else {
            Issue.record("the last display should be the loss table")
            return
        }
        #expect(header)
        #expect(rows.count == 5)
        #expect(rows[1] == [.number("1"), .quantity(QuantityKey(step: 1, layer: nil, quantity: .loss), .number("109"))])
        // The last row is the loss the third update leads to: a four-step run's fourth loss, by
        // the Python reference (the contract's network, steps: 4) a fraction of 166 digits whose
        // denominator is 2^36 5^104, 0.0130182594...: 104 decimal places, so its first 4
        // significant digits, cut off.
        let fourth = MathNode.row([.number("0.01301"), .symbol(.ellipsis)])
        #expect(rows[4] == [.text("after 3"), .quantity(QuantityKey(step: 4, layer: nil, quantity: .loss), fourth)])
    }

    @Test func longRunsWorkTheFirstAndLastStepByDefault() throws {
        let spec = try SpecReader().read(text: Self.oneStep + "\nsteps: 4\narithmetic: float\n")
        let builder = ReportBuilder()
        let doc = builder.document(for: try AnyTrace.run(spec, policy: builder.recordingPolicy(for: spec)))
        let names = headings(doc.blocks)
        #expect(names.filter { $0 == "[Forward]" }.count == 2)
        #expect(names.filter { $0.hasPrefix("Step ") } == ["Step 1", "Step 4"])
        #expect(paragraphs(doc.blocks).contains("Steps 2 to 3 are not worked out here; their losses are in the table below."))
        // The last step is worked, so its update shows the final parameters: no summary.
        #expect(!names.contains("Parameters after the last step"))
    }

    @Test func showStepsChoosesTheWorkedSteps() throws {
        let spec = try SpecReader().read(text: Self.oneStep + "\nsteps: 4\narithmetic: float\nshow_steps: [2]\n")
        let builder = ReportBuilder()
        // The policy keeps step 2 alone (and every loss).
        let trace = try AnyTrace.run(spec, policy: builder.recordingPolicy(for: spec))
        guard case let .float(float) = trace else { Issue.record("expected a float run"); return }
        #expect(float.steps.map(\.step) == [2])
        #expect(float.losses.count == 4)
        let doc = builder.document(for: trace)
        let names = headings(doc.blocks)
        #expect(names.filter { $0.hasPrefix("Step ") } == ["Step 2"])
        let said = paragraphs(doc.blocks)
        #expect(said.contains("Step 1 is not worked out here; its loss is in the table below."))
        #expect(said.contains("Steps 3 to 4 are not worked out here; their losses are in the table below."))
        #expect(names.contains("Parameters after the last step"))
        // The options win over the spec: all four steps.
        let all = ReportBuilder(options: ReportOptions(showSteps: .all))
        let everything = all.document(for: try AnyTrace.run(spec, policy: all.recordingPolicy(for: spec)))
        #expect(headings(everything.blocks).filter { $0.hasPrefix("Step ") } == ["Step 1", "Step 2", "Step 3", "Step 4"])
    }

    @Test func forwardOnlyRunsSayNoUpdateIsMade() throws {
        let spec = Self.oneStep.replacingOccurrences(of: "learning_rate: 0.01", with: "steps: 0")
        let doc = try document(spec)
        let words = "No update is made: the problem asks only for the gradients."
        #expect(paragraphs(doc.blocks).last == words)
        // The loss is still worked out: 109 before any update.
        var loss: MathNode?
        DocumentWalker(math: { node in
            if case let .quantity(key, shown) = node, key.quantity == .loss { loss = shown }
            return .descend
        }).walk(doc)
        #expect(loss == .number("109"))
    }
}
