/// The lines that changed between two texts, as a unified diff (`diff -u`'s format), by
/// Myers' O((N+M)D) algorithm on the lines between their common head and tail. No `diff`
/// process: `render --check --diff` shows what a render would change on any machine.
public struct LineDiff: Sendable {
    /// One line of the edit script: kept, or only in the old or the new text.
    public enum Edit: Equatable, Sendable {
        /// In both texts.
        case keep(String)
        /// Only in the old text.
        case delete(String)
        /// Only in the new text.
        case insert(String)
    }

    /// The edit script from the old text to the new, line by line.
    public let edits: [Edit]

    /// Beyond this many differing lines an exact shortest script costs more than it shows:
    /// the middle is given as all removed and all added (still a correct diff).
    public static let maxDistance = 2_000

    /// The shortest edit script from `old` to `new` (within ``maxDistance``).
    public init(old: String, new: String) {
        let a = Self.lines(old), b = Self.lines(new)
        var head = 0
        while head < a.count && head < b.count && a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head && tail < b.count - head && a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let middleA = Array(a[head..<(a.count - tail)]), middleB = Array(b[head..<(b.count - tail)])
        let middle = Self.shortestEdits(middleA, middleB)
            ?? middleA.map { Edit.delete($0) } + middleB.map { Edit.insert($0) }
        edits = a[..<head].map { .keep($0) } + middle + a[(a.count - tail)...].map { .keep($0) }
    }

    /// A text's lines, without their line ends (a last line without one is still a line).
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Myers' greedy algorithm, keeping each round's furthest points (2d + 1 of them) to walk
    /// back the path; `nil` past ``maxDistance``.
    private static func shortestEdits(_ a: [String], _ b: [String]) -> [Edit]? {
        let n = a.count, m = b.count
        if n == 0 || m == 0 { return a.map { .delete($0) } + b.map { .insert($0) } }
        var rounds: [[Int]] = []
        // The furthest x on diagonal k after round d (k from -d to d).
        func furthest(_ d: Int, _ k: Int) -> Int { d < 0 ? 0 : rounds[d][k + d] }
        func comesDown(_ d: Int, _ k: Int) -> Bool { k == -d || (k != d && furthest(d - 1, k - 1) < furthest(d - 1, k + 1)) }
        search: for d in 0...min(n + m, maxDistance) {
            var round = [Int](repeating: 0, count: 2 * d + 1)
            for k in stride(from: -d, through: d, by: 2) {
                var x = d == 0 ? 0 : (comesDown(d, k) ? furthest(d - 1, k + 1) : furthest(d - 1, k - 1) + 1)
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                round[k + d] = x
                if x >= n && y >= m {
                    rounds.append(round)
                    break search
                }
            }
            rounds.append(round)
            if d == min(n + m, maxDistance) { return nil }
        }
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: rounds.count - 1, to: 0, by: -1) {
            let k = x - y
            let previousK = comesDown(d, k) ? k + 1 : k - 1
            let previousX = furthest(d - 1, previousK), previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1; y -= 1
                edits.append(.keep(a[x]))
            }
            if x == previousX { edits.append(.insert(b[previousY])) } else { edits.append(.delete(a[previousX])) }
            x = previousX; y = previousY
        }
        while x > 0 && y > 0 {
            x -= 1; y -= 1
            edits.append(.keep(a[x]))
        }
        return edits.reversed()
    }

    /// `--- old` and `+++ new` headers, then hunks (`@@ -l,s +l,s @@`) with `context` lines
    /// around each change; empty when nothing changed. Past `maxLines` lines of hunks the rest
    /// is counted, not shown.
    public func unified(oldLabel: String, newLabel: String, context: Int = 3, maxLines: Int = .max) -> String {
        // The indices of changed edits, grouped where their context would touch.
        let changed = edits.indices.filter { if case .keep = edits[$0] { return false } else { return true } }
        guard !changed.isEmpty else { return "" }
        var groups: [ClosedRange<Int>] = []
        for index in changed {
            if let last = groups.last, index - last.upperBound <= 2 * context + 1 {
                groups[groups.count - 1] = last.lowerBound...index
            } else {
                groups.append(index...index)
            }
        }
        // Line numbers (1-based) of each edit in the old and the new text.
        var oldLine = [Int](), newLine = [Int]()
        var o = 1, w = 1
        for edit in edits {
            oldLine.append(o); newLine.append(w)
            switch edit {
            case .keep: o += 1; w += 1
            case .delete: o += 1
            case .insert: w += 1
            }
        }
        var body: [String] = []
        for group in groups {
            let range = max(0, group.lowerBound - context)...min(edits.count - 1, group.upperBound + context)
            let slice = edits[range]
            let oldCount = slice.filter { if case .insert = $0 { return false } else { return true } }.count
            let newCount = slice.filter { if case .delete = $0 { return false } else { return true } }.count
            // diff -u numbers an empty side by the line before it.
            let oldStart = oldCount == 0 ? oldLine[range.lowerBound] - 1 : oldLine[range.lowerBound]
            let newStart = newCount == 0 ? newLine[range.lowerBound] - 1 : newLine[range.lowerBound]
            body.append("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@")
            for edit in slice {
                switch edit {
                case let .keep(line): body.append(" " + line)
                case let .delete(line): body.append("-" + line)
                case let .insert(line): body.append("+" + line)
                }
            }
        }
        var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
        out += body.prefix(maxLines).map { $0 + "\n" }.joined()
        if body.count > maxLines { out += "[\(body.count - maxLines) more lines of diff not shown]\n" }
        return out
    }
}
