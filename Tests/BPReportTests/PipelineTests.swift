import BPEngine
import BPReport
import BPSpec
import BPTestSupport
import BPWriters
import Foundation
import Testing

/// The pipeline as a library call: text in, named files out, every failure collected.
@Suite struct PipelineTests {
    private func source(_ name: String) throws -> Source {
        let path = TestPaths.report(name).path
        return Source(name: name, label: "reports/\(name).yaml", text: try String(contentsOfFile: path, encoding: .utf8))
    }

    /// Written one format after another, or side by side (as the command does on several
    /// cores): the same files, in the same order.
    @Test(arguments: [false, true])
    func theSeedReportsComeOutAsCommittedWithoutTouchingFiles(concurrently: Bool) throws {
        var options = RenderOptions()
        options.writesFormatsConcurrently = concurrently
        let pipeline = try Pipeline(options: options)
        for name in ["problem1", "problem2", "problem3"] {
            let files = try pipeline.render(try source(name))
            // Each page followed by its drawings (written beside it, for the Markdown).
            #expect(files.map(\.name) == ["\(name).md", "\(name).network.svg", "\(name).html"])
            for file in files {
                let committed = try String(contentsOfFile: TestPaths.packageRoot().appendingPathComponent("reports/\(file.name)").path,
                                           encoding: .utf8)
                #expect(file.contents == committed, "\(file.name) differs from the committed report")
            }
        }
    }

    /// The LaTeX of a Korean seed problem, its handout, and Mazur's English example, kept as
    /// readable files (`BPREPORT_RECORD=1` re-records them after a change that is meant).
    @Test(arguments: [("problem1", RenderMode.solution), ("problem1", .handout), ("mazur", .solution)])
    func theLaTeXOfReportsMatchesItsSnapshot(name: String, mode: RenderMode) throws {
        let pipeline = try Pipeline(options: RenderOptions(formats: [.tex], modes: [mode]))
        let files = try pipeline.render(try source(name))
        #expect(files.map(\.name) == ["\(name).tex"])
        let url = TestPaths.packageRoot().appendingPathComponent("Tests/BPReportTests/Snapshots/\(name)\(mode == .handout ? ".handout" : "").tex")
        #expect(Snapshot.mismatch(files[0].contents, file: url) == nil)
    }

    @Test func onlyTheFormatsAskedForAreWritten() throws {
        let pipeline = try Pipeline(options: RenderOptions(formats: [.markdown]))
        #expect(try pipeline.render(try source("problem1")).map(\.name) == ["problem1.md", "problem1.network.svg"])
    }

    /// A file larger than the output limit fails the source before anything is returned.
    @Test func outputsPastTheLimitAreRefused() throws {
        var options = RenderOptions(formats: [.markdown])
        let text = try source("problem1")
        let sizes = try Pipeline(options: options).render(text).map(\.contents.utf8.count)
        options.limits.maxOutputBytes = sizes.max()! - 1
        #expect(throws: RenderFailure.outputTooLarge(file: sizes[0] > sizes[1] ? "problem1.md" : "problem1.network.svg",
                                                     bytes: sizes.max()!, limit: sizes.max()! - 1)) {
            try Pipeline(options: options).render(text)
        }
        options.limits.maxOutputBytes = sizes.max()!
        #expect(try Pipeline(options: options).render(text).count == 2)
    }

    @Test func everyFailureIsCollectedWithItsStage() throws {
        let blowUp = """
        arithmetic: float
        input: [1]
        target: [1]
        layers:
          - {weights: [[1e300]], bias: [0], activation: square}
          - {weights: [[1e300]], bias: [0], activation: identity}
        loss: sse
        learning_rate: 1
        """
        let sources = [
            Source(name: "bad", label: "bad.yaml", text: "input: [1, 2\n"),
            try source("problem1"),
            Source(name: "huge", label: "huge.yaml", text: blowUp),
        ]
        let results = try Pipeline().render(sources)
        #expect(results.count == 3)
        guard case let .failure(.spec(specError)) = results[0] else {
            Issue.record("a YAML error should fail at the spec stage")
            return
        }
        #expect(specError.file == "bad.yaml" && specError.line != nil)
        guard case .success = results[1] else {
            Issue.record("a good spec renders whatever the others do")
            return
        }
        guard case let .failure(.engine(label, engineError)) = results[2] else {
            Issue.record("an overflow should fail at the engine stage")
            return
        }
        #expect(label == "huge.yaml")
        #expect(RenderFailure.engine(label: label, engineError).description.hasPrefix("huge.yaml: step 1, layer 2: "))
    }

    @Test func aBrokenTemplateIsRefusedWithItsLineAndColumn() {
        var templates = PageTemplates.builtIn
        templates.page = "<html>\n{{#katex}}\n</html>\n"
        #expect(throws: TemplateError.self) { try Pipeline(options: RenderOptions(templates: templates)) }
        do {
            _ = try Pipeline(options: RenderOptions(templates: templates))
        } catch {
            // Where the section opens, not where the text ends.
            #expect(error.description.hasSuffix("page.html.mustache:2:1: not a valid Mustache template: the section {{#katex}} is never closed with {{/katex}}"))
            #expect(!error.description.contains("MustacheParserContext"))
        }
    }

    @Test func theWritersTableCoversEveryFormat() {
        // Every format but PDF has a writer of its own; PDF is compiled from the LaTeX writer's output.
        for format in OutputFormat.allCases where format != .pdf {
            #expect(Writers.table[format] != nil)
            #expect(format.written == format)
        }
        #expect(Writers.table[.pdf] == nil && OutputFormat.pdf.written == .tex)
    }
}
