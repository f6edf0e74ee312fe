/// One value a key claims (a student's answer, a lecturer's worked solution): which quantity of
/// which step and layer, the entry, and the number as written, with where it was written.
public struct Claim: Sendable, Equatable {
    /// The trace section the quantity lives in, as the JSON trace names it.
    public enum Section: String, Sendable, Equatable, CaseIterable {
        /// z and a; the loss; the deltas; dL/dW and dL/db; the parameters after the update.
        case forward, loss, backward, gradients, updated

        /// The keys the section may claim; none for the loss, which is one number.
        public var keys: [String] {
            // A switch rather than ``Claim/keys``: a dictionary keyed by an enum costs a fresh
            // process a conformance search when its type is first made.
            switch self {
            case .forward: return ["z", "a"]
            case .loss: return []
            case .backward: return ["delta"]
            case .gradients, .updated: return ["weights", "bias"]
            }
        }
    }

    /// 1-based step.
    public var step: Int
    /// Which part of the step the quantity belongs to.
    public var section: Section
    /// The layer number under the spec's numbering; `nil` for the loss.
    public var layer: Int?
    /// `z`, `a`, `delta`, `weights` or `bias`; `nil` for the loss.
    public var key: String?
    /// 1-based row of the entry; `nil` for the loss.
    public var row: Int?
    /// 1-based column of the entry; `nil` for the loss.
    public var column: Int?
    /// The number as the key wrote it.
    public var value: SpecValue
    /// The line it was written on, 1-based.
    public var line: Int?
    /// The column in the key's file, 1-based (``column`` is the entry's).
    public var columnInFile: Int?

    /// A claim of `value` for the entry (`row`, `column`) of `key` in `layer` at `step`, written at `line`, `columnInFile`.
    public init(step: Int, section: Section, layer: Int?, key: String?, row: Int?, column: Int?, value: SpecValue,
                line: Int? = nil, columnInFile: Int? = nil) {
        self.step = step
        self.section = section
        self.layer = layer
        self.key = key
        self.row = row
        self.column = column
        self.value = value
        self.line = line
        self.columnInFile = columnInFile
    }

    /// The matrix a claim is an entry of: its step, section, layer and key (layer 0 and key ""
    /// for the loss).
    public struct Quantity: Hashable, Sendable {
        /// 1-based step.
        public let step: Int
        /// The part of the step.
        public let section: Section
        /// The layer number; 0 for the loss.
        public let layer: Int
        /// `z`, `a`, `delta`, `weights` or `bias`; empty for the loss.
        public let key: String

        /// The quantity of `key` in `layer` at `step`.
        public init(step: Int, section: Section, layer: Int, key: String) {
            self.step = step
            self.section = section
            self.layer = layer
            self.key = key
        }
    }

    /// The matrix this claim is an entry of.
    public var quantity: Quantity {
        Quantity(step: step, section: section, layer: layer ?? 0, key: key ?? "")
    }

    /// The keys each section may claim.
    public static let keys: [Section: [String]] = Dictionary(
        uniqueKeysWithValues: Section.allCases.filter { !$0.keys.isEmpty }.map { ($0, $0.keys) })
}
