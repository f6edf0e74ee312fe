/// Which steps of a run a report works out in full (`show_steps: [1, 2, last]`, `all`): the
/// others appear only in the loss table, the plot and the final parameters.
public struct StepSelection: Sendable, Hashable {
    /// One item of the list.
    public enum Item: Sendable, Hashable {
        /// The first step.
        case first
        /// The last step.
        case last
        /// A step by its number as the report shows it.
        case number(Int)
    }

    /// Every step, or only ``items``.
    public var isAll: Bool
    /// The steps listed, in the order written, when not ``isAll``.
    public var items: [Item]

    /// The steps `items` name.
    public init(items: [Item]) {
        self.isAll = false
        self.items = items
    }

    private init(all: Bool) {
        self.isAll = all
        self.items = []
    }

    /// The first step and the last (the default).
    public static let firstAndLast = StepSelection(items: [.first, .last])
    /// Every step.
    public static let all = StepSelection(all: true)

    /// The selection a list of words spells (`1`, `first`, `last`, or `all` alone), or the
    /// word that is none of them.
    public static func parse(_ words: [String]) -> Result<StepSelection, StepSelectionError> {
        if words == ["all"] { return .success(.all) }
        var items: [Item] = []
        for word in words {
            switch word {
            case "first": items.append(.first)
            case "last": items.append(.last)
            default:
                guard let number = Int(word), number >= 1 else { return .failure(StepSelectionError(word: word)) }
                items.append(.number(number))
            }
        }
        return items.isEmpty ? .failure(StepSelectionError(word: "")) : .success(StepSelection(items: items))
    }

    /// The steps chosen of a run numbered `first...last`, in order, each once. Numbers outside
    /// the run choose nothing (a later cell's steps are numbered on from an earlier one's).
    public func steps(first: Int, last: Int) -> [Int] {
        guard last >= first else { return [] }
        if isAll { return Array(first...last) }
        var chosen = Set<Int>()
        for item in items {
            switch item {
            case .first: chosen.insert(first)
            case .last: chosen.insert(last)
            case let .number(n) where (first...last).contains(n): chosen.insert(n)
            case .number: break
            }
        }
        return chosen.sorted()
    }
}

/// A word of a step list that is not a step.
public struct StepSelectionError: Error, Sendable, Equatable {
    /// The word as written.
    public var word: String

    /// What a step list may hold, for messages.
    public static let expected = "a list of step numbers, first and last (such as [1, 2, last]), or all"
}
