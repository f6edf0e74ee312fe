import ArgumentParser
import BPEngine
import BPSpec

/// `bpreport run SPEC --format json`: the machine-readable trace on standard output.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a spec and print its trace (every forward, backward and update matrix)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
    }

    @Argument(help: "The network spec (.yaml, .yml or .json).")
    var spec: String

    @Option(help: "The trace format.")
    var format: Format = .json

    @OptionGroup var engine: EngineOptions

    func run() throws {
        do {
            let network = try SpecReader(limits: engine.limits).read(contentsOf: spec)
            // Streamed step by step (nothing kept), through a temporary file: memory stays flat
            // however many steps run, and a run that fails prints nothing.
            let output = try SpooledOutput()
            switch format {
            case .json: try TraceJSONWriter.stream(network, limits: engine.limits, to: output.write)
            }
            try output.copyToStandardOutput()
        } catch let error as SpecError {
            // Bad input (the spec, or a run it makes fail): exit status 2, as check does.
            StandardStreams.writeError("bpreport: error: \(error)\n")
            throw ExitCode(2)
        } catch let error as EngineError {
            StandardStreams.writeError("bpreport: error: \(spec): \(error)\n")
            throw ExitCode(2)
        }
    }
}
