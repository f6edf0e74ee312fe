import BPWriters
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `bpreport`: worked backpropagation solutions from network specs.
@main
enum BPReportCommand {
    /// Reads the words, runs what they ask for, and maps every error to its exit status: a
    /// usage error as `Error: ...` with the usage (64), a ``CommandFailure`` as
    /// `bpreport: error: ...`, and anything else as an internal error (70).
    static func main() {
        let words = Array(CommandLine.arguments.dropFirst())
        let invocation: CommandLineInterface.Invocation
        do {
            invocation = try CommandLineInterface.invocation(words)
        } catch {
            failUsage(error, usage: "\(CommandLineInterface.name) <subcommand>", help: "\(CommandLineInterface.name) --help")
        }
        switch invocation {
        case .version:
            StandardStreams.writeOutput(Version.text + "\n")
        case let .help(command):
            StandardStreams.writeOutput(command.map { HelpText.text($0.description) } ?? HelpText.root())
        case let .completionScript(shell):
            StandardStreams.writeOutput(shell.completionScript)
        case let .run(type, arguments):
            let command: any Subcommand
            do {
                command = try prepared(type, arguments)
            } catch {
                failUsage(error, usage: HelpText.usage(type.description), help: "\(CommandLineInterface.name) \(type.description.name) --help")
            }
            run(command)
        }
        terminate(.ok)
    }

    /// The subcommand with its values, checked.
    private static func prepared(_ type: any Subcommand.Type, _ arguments: [String]) throws(UsageError) -> any Subcommand {
        let command = try type.init(try CommandLineParser.parse(arguments, for: type.description))
        try command.validate()
        return command
    }

    private static func run(_ command: any Subcommand) {
        do {
            try command.run()
        } catch {
            if let failure = error as? CommandFailure {
                if !failure.description.isEmpty { StandardStreams.writeError("bpreport: error: \(failure.description)\n") }
                terminate(failure.status)
            }
            StandardStreams.writeError("bpreport: internal error: \(error) (please report this)\n")
            terminate(.internalError)
        }
    }

    /// `Error: ...`, the usage, where to read more; exit 64.
    private static func failUsage(_ error: any Error, usage: String, help: String) -> Never {
        StandardStreams.writeError("Error: \(error)\nUsage: \(usage)\n  See '\(help)' for more information.\n")
        terminate(.usage)
    }
}

/// Ends the process with `status`.
func terminate(_ status: ExitStatus) -> Never {
    exit(status.rawValue)
}
