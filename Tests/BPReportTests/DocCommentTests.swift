import BPTestSupport
import Foundation
import Testing

/// Every public declaration of the library's documented modules has a doc comment: a `///`
/// line above it (attributes may stand between), an enum case of a public enum included. The
/// `==`, `<` and `description` of a conformance may share the comment on their extension.
@Suite struct DocCommentTests {
    /// The library's modules: every public declaration of each is documented.
    static let modules = ["BPDocument", "BPFigures", "BPMarkdown", "BPTeXReader", "BPReportBuilder", "BPWriters", "BPReport", "BPCheck", "BPSpec", "BPNumerics", "BPEngine"]

    @Test(arguments: modules) func everyPublicDeclarationHasADocComment(module: String) throws {
        let folder = TestPaths.packageRoot().appendingPathComponent("Sources/\(module)")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }.sorted()
        var missing: [String] = []
        for file in files {
            let lines = try TestPaths.text(of: folder.appendingPathComponent(file)).components(separatedBy: "\n")
            for index in Self.undocumented(lines) { missing.append("\(module)/\(file):\(index + 1): \(lines[index].trimmed)") }
        }
        #expect(missing.isEmpty, "undocumented:\n\(missing.joined(separator: "\n"))")
        #expect(!files.isEmpty)
    }

    /// The indices of the lines that declare something public without a doc comment.
    static func undocumented(_ lines: [String]) -> [Int] {
        var enums: [(indent: Int, isPublic: Bool)] = []
        var out: [Int] = []
        for (index, line) in lines.enumerated() {
            let text = line.trimmed, indent = line.prefix { $0 == " " }.count
            var words = text.split(separator: " ").map(String.init)
            while let first = words.first, first.hasPrefix("@") { words.removeFirst() }
            if let at = words.firstIndex(of: "enum"), words[..<at].allSatisfy({ ["public", "private", "fileprivate", "internal", "indirect"].contains($0) }) {
                enums.removeAll { $0.indent >= indent }
                enums.append((indent, words[..<at].contains("public")))
            }
            let isPublic = (words.first == "public" || words.first == "open") && words.count > 1 && !["=", "("].contains(words[1].prefix(1))
            // An enum case, not a `case` of a switch (which ends in a colon or binds with let).
            let isCase = words.first == "case" && words.count > 1 && !["let", "var"].contains(words[1])
                && words[1].first.map { $0.isLetter } == true && !text.hasSuffix(":")
                && enums.last(where: { $0.indent < indent })?.isPublic == true
            guard isPublic || isCase else { continue }
            var above = index - 1
            while above >= 0 && lines[above].trimmed.hasPrefix("@") { above -= 1 }
            if above >= 0 && (lines[above].trimmed.hasPrefix("///") || lines[above].trimmed.hasSuffix("*/")) { continue }
            if isConformanceMember(text) && extensionAbove(index, in: lines).map({ $0 > 0 && lines[$0 - 1].trimmed.hasPrefix("///") }) == true { continue }
            out.append(index)
        }
        return out
    }

    private static func isConformanceMember(_ text: String) -> Bool {
        ["static func ==", "static func <", "var description:", "var debugDescription:"].contains { text.contains($0) }
    }

    /// The line of the top-level `extension` the line at `index` is in, if it is in one.
    private static func extensionAbove(_ index: Int, in lines: [String]) -> Int? {
        for above in stride(from: index - 1, through: 0, by: -1) {
            let line = lines[above]
            if line.hasPrefix("extension ") || line.hasPrefix("public extension ") { return above }
            if let first = line.first, first != " ", first != "}" { return nil }
        }
        return nil
    }

    @Test func theCheckFindsWhatItShould() {
        let lines = [
            "/// Documented.", "public struct A {", "    public var x: Int", "    /// Documented.", "    @inlinable", "    public init() {}", "}",
            "public enum E {", "    /// A.", "    case a", "    case b(Int)", "    func f() { switch self { case .a: break", "    case let .b(n): _ = n } }", "}",
            "/// Equatable.", "extension A: Equatable {", "    public static func == (l: A, r: A) -> Bool { true }", "}",
        ]
        #expect(Self.undocumented(lines) == [2, 7, 10])
    }
}

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}

/// The spec format in the docs is the project's shared contract, word for word: when the
/// contract (`../shared/spec-format.md`, beside the repository) is there, the copy equals it.
@Suite struct SpecFormatCopyTests {
    @Test func theDocsCopyOfTheContractIsTheContract() throws {
        let root = TestPaths.packageRoot()
        let copy = try TestPaths.text(of: root.appendingPathComponent("Sources/BPReport/BPReport.docc/SpecFormat.md"))
        #expect(copy.hasPrefix("# The network spec and the JSON trace: the contract\n"))
        let shared = root.deletingLastPathComponent().appendingPathComponent("shared/spec-format.md")
        guard FileManager.default.fileExists(atPath: shared.path) else { return }
        #expect(copy == (try TestPaths.text(of: shared)), "copy ../shared/spec-format.md to Sources/BPReport/BPReport.docc/SpecFormat.md")
    }
}
