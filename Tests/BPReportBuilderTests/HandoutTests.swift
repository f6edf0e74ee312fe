import BPDocument
import BPEngine
import BPReportBuilder
import BPSpec
import BPTestSupport
import Foundation
import Testing

/// Handouts: the solution's page with every computed value a blank of its shape, but the
/// hints the spec shows.
@Suite struct HandoutTests {
    static let reports = ["problem1", "problem2", "problem3", "mazur", "softmax-batch", "xor-bce", "exact-steps"]

    private func documents(_ spec: NetworkSpec) throws -> (solution: Document, handout: Document) {
        var options = ReportOptions()
        let solution = ReportBuilder(options: options).document(for: try AnyTrace.run(spec))
        options.handout = true
        return (solution, ReportBuilder(options: options).document(for: try AnyTrace.run(spec)))
    }

    /// Every keyed value: its key, and whether it shows a number.
    private func keyed(_ document: Document) -> [(QuantityKey, MathNode)] {
        var found: [(QuantityKey, MathNode)] = []
        DocumentWalker(math: { node in
            if case let .quantity(key, shown) = node { found.append((key, shown)) }
            return .descend
        }).walk(document)
        return found
    }

    private func numbers(in node: MathNode) -> Int {
        var count = 0
        DocumentWalker(math: { if case .number = $0 { count += 1 }; return .descend }).walk(node)
        return count
    }

    @Test(arguments: reports)
    func everyComputedValueIsABlankOfItsShape(report: String) throws {
        let spec = try SpecReader().read(contentsOf: TestPaths.report(report).path)
        let (solution, handout) = try documents(spec)
        let shown = keyed(solution), blanked = keyed(handout)
        #expect(shown.count == blanked.count && shown.count > 10)
        for ((key, value), (blankKey, blank)) in zip(shown, blanked) {
            #expect(key == blankKey)
            #expect(numbers(in: value) > 0, "\(key): the solution shows no number")
            #expect(numbers(in: blank) == 0, "\(key): the handout shows a number")
            // A matrix becomes a matrix of boxes of its size (a factor's matrix too); a scalar a line.
            var grid: MathNode = value
            if case let .row(parts) = value, parts.count == 3, case .matrix = parts[2] { grid = parts[2] }
            if case let .matrix(rows, _) = grid {
                guard case let .matrix(boxes, _) = blank else {
                    Issue.record("\(key): a matrix became \(blank)")
                    continue
                }
                #expect(boxes.count == rows.count && zip(boxes, rows).allSatisfy { $0.count == $1.count })
                #expect(boxes.joined().allSatisfy { $0 == .blank(.box) || $0 == .symbol(.cdots) || $0 == .symbol(.vdots) || $0 == .symbol(.ddots) })
            } else {
                #expect(blank == .blank(.line), "\(key)")
            }
        }
        // The givens stay: the given section's formulas are the solution's. (An exact
        // solution's note on long values has nothing to say in a handout, which shows none.)
        func givens(_ document: Document) -> [Block] {
            guard case let .section(_, blocks)? = document.blocks.first(where: {
                if case let .section(attributes, _) = $0 { return attributes.role == "given" } else { return false }
            }) else { return [] }
            return blocks.filter { if case .displayMath = $0 { return true } else { return false } }
        }
        #expect(!givens(solution).isEmpty && givens(solution) == givens(handout))
    }

    @Test func showKeepsTheNamedHintsVisible() throws {
        var spec = try SpecReader().read(text: String(contentsOf: TestPaths.report("problem1"), encoding: .utf8)
            + "show: [forward, delta2]\n")
        let handout = try documents(spec).handout
        for (key, node) in keyed(handout) {
            let visible = key.quantity == .z || key.quantity == .a || (key.quantity == .delta && key.layer == 2)
            #expect((numbers(in: node) > 0) == visible, "\(key)")
        }
        spec.show = []
        #expect(keyed(try documents(spec).handout).allSatisfy { numbers(in: $0.1) == 0 })
    }

    @Test func showNamesOnlySectionsAndLayersThatExist() {
        let base = (try? String(contentsOf: TestPaths.report("problem1"), encoding: .utf8)) ?? ""
        for (hint, message) in [("weights", "'weights' is neither a section"), ("z9", "'z9' names layer 9, but the weight layers are 1 to 2")] {
            do {
                _ = try SpecReader().read(text: base + "show: [\(hint)]\n")
                Issue.record("show: [\(hint)] was accepted")
            } catch {
                #expect(error.key == "show[0]" && error.message.contains(message), "\(error)")
            }
        }
    }
}
