import BPDocument
import BPEngine
import BPReportBuilder
import BPSpec
import BPTestSupport
import Testing

/// The links of worked substitutions: each marks the right matrix with the right part, and
/// the shown shapes agree (a left factor's rows are the result's, a right factor's columns are
/// the result's, an entrywise operand has the result's shape), elided or not.
@Suite struct MathLinkTests {
    /// A linked matrix: its group, role, and what it shows (the key it carries, or `given`).
    struct Part: Hashable, CustomStringConvertible {
        let group: String
        let role: MathLink.Role
        let shows: String
        var description: String { "\(group) \(role.rawValue) \(shows)" }
    }

    private func parts(_ document: Document) -> [Part] {
        var found: [Part] = []
        DocumentWalker(math: { node in
            guard case let .linked(link, content) = node else { return .descend }
            found.append(Part(group: link.group, role: link.role, shows: Self.key(in: content) ?? "given"))
            return .skipChildren
        }).walk(document)
        return found
    }

    /// The key of the first keyed value inside `node`.
    private static func key(in node: MathNode) -> String? {
        var key: String?
        DocumentWalker(math: { node in
            if key == nil, case let .quantity(found, _) = node { key = found.description }
            return key == nil ? .descend : .skipChildren
        }).walk(node)
        return key
    }

    /// The contract's network (layers 2 and 3, one sample): by hand, delta3 = (13, -7) from
    /// (a3 - t) ⊙ σ'(z3); delta2 = ((W3)^T delta3) ⊙ σ'(z2): rows of the given (W3)^T, the
    /// column of delta3; dW3 = delta3 (a2)^T, dW2 = delta2 (a1)^T with the given input; each
    /// W - lr dW entrywise, W given in the first step.
    @Test func theContractNetworksSubstitutionsAreLinkedToTheirOperands() throws {
        let spec = try SpecReader().read(text: TestSpecs.contractNetwork, file: "contract.yaml")
        let document = ReportBuilder(options: ReportOptions()).document(for: try AnyTrace.run(spec))
        let expected = [
            "s1.l3.delta entries s1.l3.dLda", "s1.l3.delta entries s1.l3.dsigma", "s1.l3.delta result s1.l3.delta",
            "s1.l2.delta rows given", "s1.l2.delta columns s1.l3.delta", "s1.l2.delta entries s1.l2.dsigma", "s1.l2.delta result s1.l2.delta",
            "s1.l3.dW rows s1.l3.delta", "s1.l3.dW columns s1.l2.a.T", "s1.l3.dW result s1.l3.dW",
            "s1.l3.W+ entries given", "s1.l3.W+ entries s1.l3.dW", "s1.l3.W+ result s1.l3.W+",
            "s1.l2.dW rows s1.l2.delta", "s1.l2.dW columns given", "s1.l2.dW result s1.l2.dW",
            "s1.l2.W+ entries given", "s1.l2.W+ entries s1.l2.dW", "s1.l2.W+ result s1.l2.W+",
        ]
        #expect(parts(document).map(\.description) == expected)
    }

    /// Row, column and entry positions correspond in every report and in a batch, with large
    /// matrices elided (`maxMatrixSize` 2 elides every matrix of 3 or more rows or columns).
    @Test(arguments: ["problem1", "problem2", "problem3", "mazur", "softmax-batch", "xor-bce", "exact-steps"], [8, 2])
    func shownShapesAgreeWithTheRoles(report: String, maxMatrixSize: Int) throws {
        let spec = try SpecReader().read(contentsOf: TestPaths.report(report).path)
        var options = ReportOptions()
        options.maxMatrixSize = maxMatrixSize
        let document = ReportBuilder(options: options).document(for: try AnyTrace.run(spec))
        var shapes: [String: [(MathLink.Role, rows: Int, columns: Int)]] = [:]
        DocumentWalker(math: { node in
            guard case let .linked(link, content) = node else { return .descend }
            let shape = Self.shape(content)
            shapes[link.group, default: []].append((link.role, shape.rows, shape.columns))
            return .skipChildren
        }).walk(document)
        #expect(shapes.count >= 4, "\(report): \(shapes.count) linked substitutions")
        for (group, members) in shapes {
            let results = members.filter { $0.0 == .result }
            #expect(results.count == 1 && members.count >= 2, "\(report) \(group): \(members.count) parts, \(results.count) results")
            guard let result = results.first else { continue }
            for member in members {
                switch member.0 {
                case .result: break
                case .rows: #expect(member.rows == result.rows, "\(report) \(group): a left factor's rows")
                case .columns: #expect(member.columns == result.columns, "\(report) \(group): a right factor's columns")
                case .entries: #expect(member.rows == result.rows && member.columns == result.columns, "\(report) \(group): an entrywise operand's shape")
                }
            }
        }
    }

    /// Rows and columns as shown (elision dots count as one): a matrix anywhere in the node, or
    /// 1 x 1 for a scalar.
    private static func shape(_ node: MathNode) -> (rows: Int, columns: Int) {
        var shape = (rows: 1, columns: 1)
        DocumentWalker(math: { node in
            guard case let .matrix(rows, _) = node else { return .descend }
            shape = (rows.count, rows.first?.count ?? 0)
            return .skipChildren
        }).walk(node)
        return shape
    }
}
