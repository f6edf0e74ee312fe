import ArgumentParser
import BPEngine
import BPSpec

/// `bpreport run SPEC... [--format json|text]`: the machine-readable trace (or a summary a
/// person reads) on standard output.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run specs and print their traces (every forward, backward and update matrix), or a summary.",
        discussion: """
        --format json prints a spec's trace as one JSON object (several specs: a JSON list of them); \
        --format text the loss of every step and the parameters the run ends with. - reads a spec \
        from standard input. Nothing is printed unless every spec runs. Exit status: 0 ok, 2 bad \
        input (a spec that cannot be read, a run that stops), 64 bad options.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @Argument(help: "Network specs (.yaml, .yml or .json), or - for one on standard input.",
              completion: .file(extensions: ["yaml", "yml", "json"]))
    var specs: [String]

    @Option(help: "The trace as JSON, or a text summary.")
    var format: Format = .json

    @OptionGroup var engine: EngineOptions

    func run() throws {
        // Streamed step by step (nothing kept), through a temporary file: memory stays flat
        // however many steps run, and a run that fails prints nothing.
        let output = try SpooledOutput()
        let list = format == .json && specs.count > 1
        if list { output.write("[\n") }
        for (index, path) in specs.enumerated() {
            let label = StandardInput.label(of: path)
            try CommandFailure.badInput(label) {
                let network = try StandardInput.spec(at: path, limits: engine.limits)
                switch format {
                case .json:
                    if index > 0 { output.write(",\n") }
                    try TraceJSONWriter.stream(network, limits: engine.limits, to: output.write)
                case .text:
                    output.write(try TraceSummary.text(network, label: label, limits: engine.limits))
                }
            }
        }
        if list { output.write("]\n") }
        try output.copyToStandardOutput()
    }
}
