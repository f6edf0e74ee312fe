import ArgumentParser
import BPReport
import BPSpec
import Foundation

/// `bpreport render SPEC... [--output DIR] [--check]`: the worked solutions as Markdown and HTML.
///
/// The command only finds files and writes them; the library's ``Pipeline`` does the rest.
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
        let pipeline: Pipeline
        do {
            pipeline = try Pipeline(options: try report.renderOptions(limits: engine.limits))
        } catch {
            throw CommandFailure(error.description)
        }
        var outputs: [(path: String, text: String)] = []
        var failures: [String] = []
        for spec in specs {
            let name = ((spec as NSString).lastPathComponent as NSString).deletingPathExtension
            let folder = output ?? (spec as NSString).deletingLastPathComponent
            do {
                let source = Source(name: name, label: spec, text: try SpecReader.text(contentsOf: spec))
                for file in try pipeline.render(source) {
                    outputs.append(((folder as NSString).appendingPathComponent(file.name), file.contents))
                }
            } catch let error as SpecError {
                failures.append(error.description)
            } catch let error as RenderFailure {
                failures.append(error.description)
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
