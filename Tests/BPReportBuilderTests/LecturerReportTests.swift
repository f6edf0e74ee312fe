@testable import BPReportBuilder
import BPDocument
import BPEngine
import BPSpec
import BPTestSupport
import Testing

/// The report as a lecturer hands it out: givens as written, notation, and nothing cut off.
@Suite struct LecturerReportTests {
    private func document(_ yaml: String, options: ReportOptions = .default) throws -> Document {
        let spec = try SpecReader().read(text: yaml)
        let builder = ReportBuilder(options: options)
        return builder.document(for: try AnyTrace.run(spec, policy: builder.recordingPolicy(for: spec)), fallbackTitle: "t")
    }

    private func allMath(_ document: Document) -> [MathNode] {
        var nodes: [MathNode] = []
        DocumentWalker(math: { node in
            nodes.append(node)
            return .descend
        }).walk(document)
        return nodes
    }

    static let floatGivens = """
    arithmetic: float
    input: [0.123456, "1/3"]
    target: [0.99995]
    layers:
      - {weights: [[0.987654321, -2]], bias: [0.99995], activation: sigmoid}
    loss: half_sse
    learning_rate: 0.5
    """

    @Test func aFloatRunShowsItsGivensAsWritten() throws {
        let nodes = allMath(try document(Self.floatGivens))
        // a^1 = (0.123456, 1/3), never 0.1235 and 0.3333.
        #expect(nodes.contains(.matrix([[.number("0.123456")], [.fraction(.number("1"), .number("3"))]])))
        #expect(nodes.contains(.matrix([[.number("0.987654321"), .number("-2")]])))
        // A 1 x 1 given is a scalar: b^2 = 0.99995 and t = 0.99995, never 1.
        #expect(nodes.contains(.seq(.sup(.id("b"), .num(2)), .symbol(.equals), .number("0.99995"))))
        #expect(!nodes.contains(.number("0.1235")) && !nodes.contains(.number("0.3333")))
    }

    @Test func aNegativeLearningRateIsParenthesised() throws {
        let yaml = Self.floatGivens.replacingOccurrences(of: "learning_rate: 0.5", with: "learning_rate: -0.01")
        let nodes = allMath(try document(yaml))
        let subtracted = nodes.contains { node in
            guard case let .row(parts) = node else { return false }
            return zip(parts, parts.dropFirst()).contains { $0 == .symbol(.minus) && $1 == .fenced(.parentheses, .number("-0.01")) }
        }
        #expect(subtracted)
    }

    @Test func aBatchKeepsTheUnitAndTheSampleApartInTheLoss() throws {
        let yaml = """
        input: [[0, 1]]
        target: [[0, 1]]
        layers:
          - {weights: [[2]], bias: [-1], activation: sigmoid}
        loss: binary_cross_entropy
        learning_rate: 1
        """
        let nodes = allMath(try document(yaml))
        // One unit over two samples: a^2_{1,2}, not a^2_2.
        let second = MathNode.subsuperscripted(.id("a"), sub: .seq(.num(1), .symbol(.comma), .num(2)), sup: .num(2))
        #expect(nodes.contains(second))
        #expect(!nodes.contains(.subsuperscripted(.id("a"), sub: .num(2), sup: .num(2))))
    }

    @Test func crossEntropyOverABatchSumsOverTheSamples() throws {
        // Three classes over three samples: nine terms, written as sums over s and i.
        let yaml = """
        arithmetic: float
        input: [[1, 0, -1]]
        target: [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
        layers:
          - {weights: [[1], [0], [-1]], bias: [0, 0, 0], activation: softmax}
        loss: cross_entropy
        learning_rate: 1
        """
        let nodes = allMath(try document(yaml))
        #expect(nodes.contains(.subsuperscripted(.symbol(.sum), sub: .seq(.id("s"), .symbol(.equals), .num(1)), sup: .num(3))))
        #expect(nodes.contains(.sub(.symbol(.sum), .id("i"))))
    }

    @Test func sigmaPrimeKeepsTheLayerWhereverSigmaHasIt() throws {
        let yaml = """
        arithmetic: float
        input: [1]
        target: [0.5]
        layers:
          - {weights: [[1]], bias: [0], activation: tanh}
          - {weights: [[1]], bias: [0], activation: sigmoid}
        loss: half_sse
        learning_rate: 1
        """
        let primes = allMath(try document(yaml)).compactMap { node -> MathNode? in
            if case let .superscripted(base, .symbol(.prime)) = node { return base }
            return nil
        }
        #expect(!primes.isEmpty)
        #expect(primes.allSatisfy { base in
            if case let .subscripted(symbol, _) = base { return symbol == .symbol(.sigma) }
            return false
        })
    }

    /// The width of a keyed value's blank is worked out without making the blank: it must be
    /// the width of the blank the handout writes, for every keyed value of a report and for an
    /// elided matrix (whose dots stay in the blank).
    @Test func aBlanksWidthIsTheWidthOfTheHandoutsBlank() throws {
        var values: [MathNode] = []
        DocumentWalker(math: { node in
            if case let .quantity(_, inner) = node { values.append(inner) }
            return .descend
        }).walk(try document(Self.floatGivens + "\nsteps: 2\n"))
        let elided = MathNode.matrix([[.num(1), .symbol(.cdots), .num(3)], [.symbol(.vdots), .symbol(.ddots), .symbol(.vdots)]], fence: .brackets)
        values += [elided, .row([.num(2), .symbol(.times), elided]), .row([.num(2), .symbol(.times), .num(3)]), .num(7)]
        #expect(values.count > 20)
        for value in values {
            #expect(MathWidth.blankWidth(value) == MathWidth.of(Handout.blank(value)))
        }
        // By hand: three columns of boxes (3.2 em each, dots 0.5) with 0.9 em between and 1.5 of fence.
        #expect(abs(MathWidth.blankWidth(elided) - (3.2 + 0.5 + 3.2 + 2 * 0.9 + 1.5)) < 1e-12)
        #expect(MathWidth.blankWidth(.num(7)) == 4.7)
    }

    @Test func longChainsBreakOntoAlignedLinesThatFit() throws {
        let width = 20.0
        let options = ReportOptions(formulaWidth: width)
        let doc = try document(Self.floatGivens + "\nsteps: 2\n", options: options)
        var aligned = 0
        DocumentWalker(block: { block in
            guard case let .displayMath(node) = block else { return .descend }
            if case let .aligned(rows) = node {
                aligned += 1
                for row in rows {
                    // Each line opens with its relation (or an indent before an operator) and
                    // fits, unless it is a single term that cannot be broken.
                    guard case let .row(items) = row[1] else { continue }
                    let opens = items.first.map { first -> Bool in
                        if case let .symbol(symbol) = first { return symbol.symbolClass == .relation }
                        return first == .space(.quad)
                    } ?? false
                    #expect(opens)
                    let terms = items.filter { if case .symbol = $0 { return false } else { return true } }
                    if terms.count > 2 { #expect(MathWidth.of(row[0]) + MathWidth.of(row[1]) <= width + 0.001) }
                }
            }
            return .skipChildren
        }).walk(doc)
        #expect(aligned > 3)
    }
}

@Suite struct NoBiasReportTests {
    @Test func aLayerWithoutABiasShowsNoBTerms() throws {
        let builder = ReportBuilder()
        let doc = builder.document(for: try AnyTrace.run(try SpecReader().read(text: TestSpecs.noBias)))
        var bs = 0
        DocumentWalker(math: { node in
            if case .identifier("b") = node { bs += 1 }
            return .descend
        }).walk(doc)
        #expect(bs == 0)
        var keys: [Quantity] = []
        DocumentWalker(math: { node in
            if case let .quantity(key, _) = node { keys.append(key.quantity) }
            return .descend
        }).walk(doc)
        #expect(!keys.contains(.biasGradient) && !keys.contains(.updatedBias))
        #expect(keys.contains(.updatedWeights))
    }
}

@Suite struct NotesAndUnitsTests {
    @Test func notesComeFirstAsMarkdownAndUnitsAreNamed() throws {
        let yaml = """
        notes: |
          A *small* net; see `W2`.
        input_units: [x1]
        input: [1]
        target: [1]
        layers:
          - {weights: [[2]], bias: [0], activation: identity, units: [y1]}
        loss: half_sse
        learning_rate: 0.1
        """
        let doc = ReportBuilder().document(for: try AnyTrace.run(try SpecReader().read(text: yaml)))
        guard case let .section(attributes, notes) = doc.blocks.first else {
            Issue.record("the notes should open the report")
            return
        }
        #expect(attributes.role == "notes")
        #expect(notes == [.paragraph([.text("A "), .emphasis([.text("small")]), .text(" net; see "), .code("W2"), .text(".")])])
        var names: [String] = []
        DocumentWalker(block: { block in
            if case let .paragraph(inlines) = block, case .text(let lead)? = inlines.first, lead.hasPrefix("The units are named") {
                names = inlines.compactMap { if case let .text(t) = $0 { return t } else { return nil } }
            }
            return .descend
        }).walk(doc)
        #expect(names == ["The units are named ", "x1 (", ")", "; ", "y1 (", ")", "."])
    }
}
