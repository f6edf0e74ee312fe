import BPReport
import BPTestSupport
import Testing

/// The line diff behind `render --check --diff`: `diff -u`'s format, and a shortest edit
/// script (checked against the longest common subsequence on random texts).
@Suite struct LineDiffTests {
    @Test func aChangedLineIsAHunkWithThreeLinesOfContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n").replacingOccurrences(of: "line 10\n", with: "")
        #expect(LineDiff(old: old, new: new).unified(oldLabel: "a", newLabel: "b") == """
            --- a
            +++ b
            @@ -2,9 +2,8 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8
             line 9
            -line 10

            """)
        #expect(LineDiff(old: old, new: old).unified(oldLabel: "a", newLabel: "b").isEmpty)
        #expect(LineDiff(old: "", new: "x\n").unified(oldLabel: "a", newLabel: "b") == "--- a\n+++ b\n@@ -0,0 +1,1 @@\n+x\n")
    }

    @Test func farApartChangesAreHunksOfTheirOwnAndALongDiffIsCut() {
        let old = (1...40).map { "\($0)" }.joined(separator: "\n")
        let new = old.replacingOccurrences(of: "\n3\n", with: "\nthree\n").replacingOccurrences(of: "\n30\n", with: "\nthirty\n")
        let diff = LineDiff(old: old, new: new).unified(oldLabel: "a", newLabel: "b")
        #expect(diff.components(separatedBy: "\n@@ ").count == 3)
        #expect(diff.contains("@@ -1,6 +1,6 @@\n") && diff.contains("@@ -27,7 +27,7 @@\n"))
        let cut = LineDiff(old: old, new: new).unified(oldLabel: "a", newLabel: "b", maxLines: 5)
        #expect(cut.hasSuffix("[12 more lines of diff not shown]\n"), "\(cut)")
    }

    @Test func theScriptIsShortestAndRebuildsBothTexts() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let a = (0..<random.int(0, 12)).map { _ in ["x", "y", "z", "w"][random.below(4)] }
            let b = (0..<random.int(0, 12)).map { _ in ["x", "y", "z", "w"][random.below(4)] }
            let edits = LineDiff(old: a.joined(separator: "\n"), new: b.joined(separator: "\n")).edits
            var rebuiltA: [String] = [], rebuiltB: [String] = []
            for edit in edits {
                switch edit {
                case let .keep(line): rebuiltA.append(line); rebuiltB.append(line)
                case let .delete(line): rebuiltA.append(line)
                case let .insert(line): rebuiltB.append(line)
                }
            }
            #expect(rebuiltA == a && rebuiltB == b)
            let kept = edits.filter { if case .keep = $0 { return true } else { return false } }.count
            #expect(kept == lcs(a, b), "\(a) \(b)")
        }
    }

    private func lcs(_ a: [String], _ b: [String]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }
}
