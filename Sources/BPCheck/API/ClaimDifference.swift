import BPEngine
import BPSpec

/// A claimed entry that differs from the engine's value.
public struct ClaimDifference: Sendable, Equatable {
    /// A mistake of its own, or right working on a wrong earlier value.
    public enum Kind: String, Sendable, Equatable {
        /// `new`: wrong even for the claimed values it was worked from; `carried`: right for them, wrong only through an earlier slip.
        case new, carried
    }

    /// The claim as the key wrote it, with its place.
    public var claim: Claim
    /// The engine's value, as the trace writes it (`p/q` in exact runs).
    public var correct: String
    /// New or carried.
    public var kind: Kind

    /// A list of differences (of several checks, say) as one JSON array, one a line.
    public static func json(_ differences: [ClaimDifference]) -> String {
        "[" + differences.map { "\n  " + $0.json }.joined(separator: ",") + (differences.isEmpty ? "]" : "\n]") + "\n"
    }

    /// `{"step": 1, "section": "updated", "layer": 3, "key": "weights", "row": 2, "col": 2,
    /// "claimed": "-0.94", "correct": "-11/25", "kind": "new"}`; a loss has no layer, key, row
    /// or column.
    public var json: String {
        var fields = ["\"step\": \(claim.step)", "\"section\": \"\(claim.section.rawValue)\""]
        if let layer = claim.layer { fields.append("\"layer\": \(layer)") }
        if let key = claim.key { fields.append("\"key\": \"\(key)\"") }
        if let row = claim.row { fields.append("\"row\": \(row)") }
        if let column = claim.column { fields.append("\"col\": \(column)") }
        fields += ["\"claimed\": \(quote(claim.value.text))", "\"correct\": \(quote(correct))", "\"kind\": \"\(kind.rawValue)\""]
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private func quote(_ text: String) -> String { JSONString.quote(text) }
}
