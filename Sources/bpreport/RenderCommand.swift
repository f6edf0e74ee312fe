import ArgumentParser
import BPDocument
import BPReportBuilder
import BPEngine
import BPSpec
import BPWriters
import Foundation

/// `bpreport render SPEC... [--output DIR] [--check]`: the worked solutions as Markdown and HTML.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render specs (or every spec in a folder) to Markdown and HTML reports.",
        discussion: """
        Each SPEC.yaml becomes SPEC.md and SPEC.html beside it, or in --output. Nothing is \
        written unless every spec renders. --check writes nothing and exits 1 when a committed \
        report differs from what this version renders.
        """
    )

    @Argument(help: "Spec files (.yaml, .yml, .json) or folders holding them.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Write the reports into this folder instead of beside each spec.")
    var output: String?

    @Flag(help: "Compare with the reports on disk instead of writing them.")
    var check = false

    @OptionGroup var report: ReportFormatOptions
    @OptionGroup var engine: EngineOptions

    func run() throws {
        let specs = try SpecDiscovery.specFiles(in: paths)
        let pageWriter: PageWriter
        do {
            pageWriter = try PageWriter(templates: try report.pageTemplates(), options: report.htmlOptions)
        } catch let error as TemplateError {
            throw CommandFailure(error.description)
        }
        let builder = ReportBuilder(options: report.reportOptions)
        var outputs: [(path: String, text: String)] = []
        var failures: [String] = []
        for spec in specs {
            do {
                let network = try SpecReader(limits: engine.limits).read(contentsOf: spec)
                let trace = try AnyTrace.run(network, limits: engine.limits, policy: builder.recordingPolicy)
                let name = ((spec as NSString).lastPathComponent as NSString).deletingPathExtension
                let document = builder.document(for: trace, fallbackTitle: name)
                let base = ((output ?? (spec as NSString).deletingLastPathComponent) as NSString).appendingPathComponent(name)
                if report.formats.contains(.md) { outputs.append((base + ".md", MarkdownWriter.write(document))) }
                if report.formats.contains(.html) { outputs.append((base + ".html", pageWriter.write(document))) }
            } catch let error as SpecError {
                failures.append(error.description)
            } catch let error as EngineError {
                failures.append("\(spec): \(error)")
            }
        }
        let clashes = Dictionary(grouping: outputs.map(\.path), by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        for path in clashes { failures.append("\(path): two specs would write this file; give them different names") }
        guard failures.isEmpty else {
            throw CommandFailure(failures.joined(separator: "\n") + "\nNothing was written.")
        }
        if check {
            try ReportFiles.check(outputs)
        } else {
            try ReportFiles.write(outputs, creating: output)
        }
    }
}
