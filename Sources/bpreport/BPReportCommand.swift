import ArgumentParser
import BPWriters
import Foundation

/// `bpreport`: worked backpropagation solutions from network specs.
@main
struct BPReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bpreport",
        abstract: "Turn a neural-network spec into the worked backpropagation solution.",
        discussion: """
        Exit status: 0 ok; 1 a check failed; 2 bad input (a spec, notebook, key or template that \
        cannot be read or is invalid, a limit crossed, a run that stops); 64 bad options; \
        70 an internal error; 74 an output that could not be written.
        """,
        version: Version.text,
        subcommands: [RenderCommand.self, RunCommand.self, CheckCommand.self, TemplatesCommand.self],
        defaultSubcommand: RenderCommand.self
    )

    /// Parses and runs the subcommand, and maps every error to its exit status: the parser's
    /// own (usage, help, version) as swift-argument-parser words them, a ``CommandFailure`` as
    /// `bpreport: error: ...`, and anything else as an internal error.
    static func main() {
        // Most commands write a page: its template is parsed on the other core meanwhile. Not
        // when the parser answers by itself (its --version, help and completions take a few
        // milliseconds, and the parse would only compete with them for a core).
        if !CommandLine.arguments.dropFirst().contains(where: parserAnswers) { PageWriter.prepareBuiltInTemplate() }
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            if let failure = error as? CommandFailure {
                if !failure.description.isEmpty { StandardStreams.writeError("bpreport: error: \(failure.description)\n") }
                terminate(failure.status)
            }
            // The parser's own errors, also thrown from `run()` (the help command's `--help`).
            if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { exit(withError: error) }
            StandardStreams.writeError("bpreport: internal error: \(error) (please report this)\n")
            terminate(.internalError)
        }
        terminate(.ok)
    }
}

/// Whether `argument` asks swift-argument-parser for an answer of its own (the version, help,
/// a completion script, the help dump), which ends the process before any page is written.
private func parserAnswers(_ argument: String) -> Bool {
    ["--version", "--help", "-h", "help", "--generate-completion-script", "--experimental-dump-help"].contains(argument)
        || argument.hasPrefix("--generate-completion-script=")
}

/// Ends the process with `status` (the C library's exit, which the parser's `exit(withError:)`
/// hides inside the command type).
func terminate(_ status: ExitStatus) -> Never {
    exit(status.rawValue)
}
