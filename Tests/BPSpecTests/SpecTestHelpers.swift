import BPNumerics
import BPSpec
import Testing

/// The contract's example, one key a line (line numbers matter to the error tests):
///
///     1 input: [1, 1]
///     2 target: [2, 3]
///     3 layers:
///     4   - weights: [[1, -2], [2, 4], [-3, 1]]
///     5     bias: [1, 2, 3]
///     6     activation: identity
///     7   - weights: [[1, 2, -3], [2, -1, 3]]
///     8     bias: [2, 1]
///     9     activation: identity
///    10 loss: half_sse
///    11 learning_rate: 0.01
let baseLines = [
    "input: [1, 1]",
    "target: [2, 3]",
    "layers:",
    "  - weights: [[1, -2], [2, 4], [-3, 1]]",
    "    bias: [1, 2, 3]",
    "    activation: identity",
    "  - weights: [[1, 2, -3], [2, -1, 3]]",
    "    bias: [2, 1]",
    "    activation: identity",
    "loss: half_sse",
    "learning_rate: 0.01",
]

/// The base spec with some lines (1-based) replaced, and more lines appended.
func baseSpec(replacing replacements: [Int: String] = [:], appending extra: [String] = []) -> String {
    var lines = baseLines
    for (line, text) in replacements { lines[line - 1] = text }
    return (lines + extra).joined(separator: "\n") + "\n"
}

func read(_ text: String, limits: Limits = .default, file: String? = nil) throws -> NetworkSpec {
    try SpecReader(limits: limits).read(text: text, file: file)
}

/// Reads `text`, expecting a ``SpecError``, and returns it (nil, with an issue recorded, if it read).
func specError(_ text: String, limits: Limits = .default, file: String? = nil,
               sourceLocation: Testing.SourceLocation = #_sourceLocation) -> SpecError? {
    do {
        let spec = try read(text, limits: limits, file: file)
        Issue.record("expected a SpecError, but the spec read: \(spec)", sourceLocation: sourceLocation)
        return nil
    } catch let error as SpecError {
        return error
    } catch {
        Issue.record("expected a SpecError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Checks an error's place, key and message fragments.
func expectError(_ error: SpecError?, line: Int?, column: Int? = nil, key: String?, contains fragments: [String],
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    guard let error else { return }
    #expect(error.line == line, "line of \(error)", sourceLocation: sourceLocation)
    if let column {
        #expect(error.column == column, "column of \(error)", sourceLocation: sourceLocation)
    }
    #expect(error.key == key, "key of \(error)", sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(error.message.contains(fragment), "'\(fragment)' not in: \(error.message)", sourceLocation: sourceLocation)
    }
}

func values(_ matrix: Matrix<SpecValue>) -> [[Rational]] {
    matrix.rowList.map { $0.map(\.exact) }
}

func q(_ p: Int, _ r: Int = 1) -> Rational { Rational(p) / Rational(r) }

func rows(_ rows: [[Int]]) -> [[Rational]] { rows.map { $0.map { Rational($0) } } }
