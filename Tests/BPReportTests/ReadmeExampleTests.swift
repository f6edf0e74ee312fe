import BPReport
import BPTestSupport
import Foundation
import Testing

/// The README's library example: the README shows exactly the code of `ReadmeExample.swift`,
/// and that code, run here, gives the committed reports and the errors worked out by hand.
@Suite struct ReadmeExampleTests {
    private var root: URL { TestPaths.packageRoot() }
    private var problem1: String { get throws { try TestPaths.text(of: TestPaths.report("problem1")) } }

    /// The ```` ```swift ```` block after "A complete example" under the README's `## The library`.
    private func readmeBlock() throws -> String {
        let readme = try TestPaths.text(of: root.appendingPathComponent("README.md"))
        let section = try #require(readme.range(of: "\n## The library\n"))
        let example = try #require(readme[section.upperBound...].range(of: "\nA complete example"))
        let after = readme[example.upperBound...]
        let open = try #require(after.range(of: "```swift\n"))
        let close = try #require(after[open.upperBound...].range(of: "\n```\n"))
        return String(after[open.upperBound..<close.lowerBound])
    }

    /// The lines of `ReadmeExample.swift` between its markers.
    private func exampleSource() throws -> String {
        let text = try TestPaths.text(of: root.appendingPathComponent("Tests/BPReportTests/ReadmeExample.swift"))
        let begin = try #require(text.range(of: "// README example: begin\n"))
        let end = try #require(text.range(of: "\n// README example: end"))
        return String(text[begin.upperBound..<end.lowerBound])
    }

    @Test func theReadmeShowsExactlyTheCodeThatRunsHere() throws {
        #expect(try readmeBlock() == exampleSource())
    }

    @Test func aSpecsTextBecomesTheCommittedReports() throws {
        let folder = try TestPaths.temporaryDirectory("readme-example")
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeReport(of: try problem1, into: folder)
        let written = try TestPaths.files(under: folder)
        #expect(written.keys.sorted() == ["problem1.html", "problem1.md", "problem1.network.svg"])
        for (name, data) in written {
            let committed = try Data(contentsOf: root.appendingPathComponent("reports/\(name)"))
            #expect(data == committed, "\(name) differs from reports/\(name)")
        }
    }

    @Test func bytesAreReadAsUTF8AfterAByteOrderMark() throws {
        let withMark = Data([0xEF, 0xBB, 0xBF]) + Data(try problem1.utf8)
        #expect(pageNames(ofUpload: withMark) == "upload.md, upload.network.svg, upload.html")
    }

    @Test func bytesThatAreNotUTF8AreRefusedAtTheFirstBadByte() throws {
        // "title: café" in Latin-1: "title: caf" is bytes 0 to 9, and é is 0xE9 alone at 10
        // (in UTF-8, 0xE9 would begin a three-byte character; the newline after it cannot
        // continue one).
        let latin1 = Data("title: caf".utf8) + Data([0xE9, 0x0A])
        #expect(pageNames(ofUpload: latin1) == "upload.yaml: not UTF-8 text: invalid byte 0xE9 at offset 10")
        // problem1.yaml begins "# 문제 1"; 문 is EB AC B8 at bytes 2 to 4. Cut after its
        // second byte, the character is left unfinished at offset 2.
        var bytes = [UInt8](try problem1.utf8)
        #expect(Array(bytes[0..<5]) == [0x23, 0x20, 0xEB, 0xAC, 0xB8])
        bytes.remove(at: 4)
        #expect(pageNames(ofUpload: Data(bytes)) == "upload.yaml: not UTF-8 text: invalid byte 0xEB at offset 2")
    }

    @Test func theHandoutDocumentRetitledIsWrittenAsOneNotebook() throws {
        let text = try homeworkNotebook(from: try problem1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["nbformat"] as? Int == 4)
        #expect(json["nbformat_minor"] as? Int == 5)
        let cells = try #require(json["cells"] as? [[String: Any]])
        let first = try #require(cells.first?["source"] as? [String])
        #expect(first.first == "# Homework 3\n")
        // The drawing travels inside the notebook, named as the document names it.
        #expect(cells.contains { ($0["attachments"] as? [String: Any])?.keys.contains("network.svg") == true })
        // A handout: the worked values are blanks, and problem 1's loss, 109, appears nowhere.
        let markdown = cells.flatMap { $0["source"] as? [String] ?? [] }.joined()
        #expect(markdown.contains("\\boxed{\\phantom"))
        #expect(!markdown.contains("109"))
    }
}
