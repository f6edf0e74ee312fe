import BPTestSupport
import Foundation
import Testing

/// `--to ipynb` on every page of `reports/`, solution and handout: each notebook passes nbformat's own schema check,
/// is byte for byte what nbformat writes when it saves that notebook (so Jupyter's save changes
/// nothing), and says exactly what the Markdown page says, cell after cell. Needs python3 with
/// nbformat (CI installs python3-nbformat; elsewhere `pip install nbformat`).
@Suite struct NotebookOutputTests {
    /// Whether python3 can import nbformat here; in CI it must (the test then fails by name).
    static let nbformatInstalled: Bool = {
        guard let python = Tools.find("python3") else { return false }
        return (try? ProcessRunner.run(python, ["-c", "import nbformat"]).status) == 0
    }()

    static let check = """
    import glob, json, sys
    import nbformat
    for path in sorted(glob.glob(sys.argv[1] + "/*/*.ipynb")):
        text = open(path, encoding="utf-8").read()
        notebook = nbformat.reads(text, as_version=4)
        nbformat.validate(notebook)
        assert notebook.nbformat == 4 and notebook.nbformat_minor == 5, path
        assert nbformat.writes(notebook) + "\\n" == text, path + ": not as nbformat writes it"
        print(path.rsplit("/", 2)[1] + "/" + path.rsplit("/", 1)[1], len(notebook.cells))
    """

    @Test(.enabled(if: nbformatInstalled || CI.isSet))
    func everyReportIsAValidNotebookThatSaysWhatItsMarkdownSays() throws {
        let root = TestPaths.packageRoot()
        let output = try TestPaths.temporaryDirectory("bpreport-ipynb")
        defer { try? FileManager.default.removeItem(at: output) }
        let render = try ProcessRunner.run(try ProcessRunner.bpreportExecutable(),
                                           ["render", "reports", "--to", "ipynb,md", "--mode", "handout,solution", "--output", output.path], in: root)
        try #require(render.status == 0, "\(render.standardError)")

        let python = try Tools.locate("python3")
        let validated = try ProcessRunner.run(python, ["-c", Self.check, output.path])
        try #require(validated.status == 0, "nbformat refused a notebook (python3-nbformat installed?): \(validated.standardError)")
        let counts = validated.standardOutput.split(separator: "\n").map { $0.split(separator: " ") }
        // Every spec and the notebook of reports/, each with cells.
        let specs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("reports").path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".nb.md") }
        #expect(counts.count == 2 * specs.count && specs.count >= 8)
        #expect(counts.allSatisfy { $0.count == 2 && (Int($0[1]) ?? 0) >= 3 })

        // The cells, joined as Markdown joins blocks, are the Markdown page (whose drawings are
        // files beside it, where the notebook's are attachments).
        for mode in ["handout", "solution"] {
            let folder = output.appendingPathComponent(mode)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".ipynb") {
                let notebook = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as? [String: Any]
                let cells = try #require(notebook?["cells"] as? [[String: Any]])
                let joined = cells.map { (($0["source"] as? [String]) ?? []).joined() }.joined(separator: "\n\n")
                    .replacingOccurrences(of: "](attachment:", with: "](") + "\n"
                let markdown = try TestPaths.text(of: folder.appendingPathComponent(name.replacingOccurrences(of: ".ipynb", with: ".md")))
                #expect(joined == markdown, "\(name)")
                // Each drawing the page links is in the notebook, as the SVG written beside the page.
                for cell in cells {
                    for (file, bundle) in (cell["attachments"] as? [String: [String: [String]]]) ?? [:] {
                        let svg = try TestPaths.text(of: folder.appendingPathComponent(file))
                        #expect(bundle["image/svg+xml"].flatMap { Data(base64Encoded: $0.joined()) } == Data(svg.utf8), "\(name): \(file)")
                    }
                }
            }
        }
    }
}
