/// A token that ends a sequence: what closes a group, a cell, a row, an environment, a
/// `\left`, or an optional argument. Which of them a sequence stops at depends on where it is;
/// the others are stray there.
enum TeXStop: Hashable {
    case closeBrace
    case closeBracket
    case ampersand
    case lineBreak
    case end
    case right

    /// Where each construct stops: a group ends at its `}` but also gives way to an `\end` or a
    /// `\right` that belongs outside it, so a missing `}` costs only the group.
    static let group: Set<TeXStop> = [.closeBrace, .end, .right]
    static let left: Set<TeXStop> = [.right, .closeBrace, .end]
    static let cell: Set<TeXStop> = [.ampersand, .lineBreak, .end, .closeBrace, .right]
    static let bracket: Set<TeXStop> = [.closeBracket, .closeBrace, .end, .right]
    static let top: Set<TeXStop> = []
}
