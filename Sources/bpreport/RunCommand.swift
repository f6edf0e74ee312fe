import BPEngine
import BPSpec

/// `bpreport run SPEC... [--format json|text]`: the machine-readable trace (or a summary a
/// person reads) on standard output.
struct RunCommand: Subcommand {
    enum Format: String, CaseIterable {
        case json, text
    }

    static let specsArgument = ArgumentDeclaration.positional("specs", list: true, completion: .files(extensions: ["yaml", "yml", "json"]),
        help: "Network specs (.yaml, .yml or .json), or - for one on standard input.")
    static let formatOption = ArgumentDeclaration.choice("format", Format.self, default: .json, help: "The trace as JSON, or a text summary.")

    static let description = CommandDescription(
        name: "run",
        abstract: "Run specs and print their traces (every forward, backward and update matrix), or a summary.",
        discussion: """
        --format json prints a spec's trace as one JSON object (several specs: a JSON list of them); \
        --format text the loss of every step and the parameters the run ends with. - reads a spec \
        from standard input. Nothing is printed unless every spec runs. Exit status: 0 ok, 2 bad \
        input (a spec that cannot be read, a run that stops), 64 bad options.
        """,
        arguments: [specsArgument, formatOption] + EngineOptions.declarations
    )

    var specs: [String]
    var format: Format
    var engine: EngineOptions

    init(_ arguments: ParsedArguments) throws(UsageError) {
        specs = arguments.values(Self.specsArgument)
        format = try arguments.choice(Self.formatOption, Format.self) ?? .json
        engine = try EngineOptions(arguments)
    }

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
