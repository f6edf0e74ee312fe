/// bpreport's command line: the subcommands, and what a list of words asks for. The parser,
/// `--help` and the completion scripts read the same declarations (``CommandDescription``).
///
/// Written for bpreport rather than taken from swift-argument-parser, whose reflection over the
/// command types cost 13.5 of the 16.3 million instructions of `bpreport --version`.
enum CommandLineInterface {
    static let name = "bpreport"

    static let abstract = "Turn a neural-network spec into the worked backpropagation solution."

    static let discussion = """
        Exit status: 0 ok; 1 a check failed; 2 bad input (a spec, notebook, key or template that \
        cannot be read or is invalid, a limit crossed, a run that stops); 64 bad options; \
        69 a program --to pdf needs is missing; 70 an internal error; 74 an output that could not be written.
        """

    /// In the order `--help` lists them; the first is run when no subcommand is named.
    static var subcommands: [any Subcommand.Type] { [RenderCommand.self, RunCommand.self, CheckCommand.self, TemplatesCommand.self] }

    static var defaultSubcommand: any Subcommand.Type { subcommands[0] }

    /// What the words ask for.
    enum Invocation {
        case version
        /// The help of a subcommand, or of bpreport itself (nil).
        case help((any Subcommand.Type)?)
        case completionScript(Shell)
        case run(any Subcommand.Type, [String])
    }

    /// The request in `words` (the arguments after the program's name).
    static func invocation(_ words: [String]) throws(UsageError) -> Invocation {
        if words.first == "help" {
            guard let name = words.dropFirst().first else { return .help(nil) }
            guard let command = subcommand(named: name) else { throw UsageError("Unknown subcommand '\(name)'; bpreport has \(subcommandList)") }
            return .help(command)
        }
        if let first = words.first, first == completionFlag || first.hasPrefix(completionFlag + "=") {
            let name = first == completionFlag ? words.dropFirst().first : String(first.dropFirst(completionFlag.count + 1))
            guard let name, let shell = Shell(rawValue: name) else {
                throw UsageError("\(completionFlag) takes \(ParsedArguments.alternatives(Shell.allCases.map(\.rawValue)))\(name.map { ", not '\($0)'" } ?? "")")
            }
            return .completionScript(shell)
        }
        // Before any subcommand is looked at: `--version` builds none of their declarations.
        if words.prefix(while: { $0 != "--" }).contains("--version") { return .version }
        let command = words.first.flatMap(subcommand(named:))
        let rest = command == nil ? words[...] : words.dropFirst()
        let options = rest.prefix { $0 != "--" }
        if options.contains("--help") || options.contains("-h") {
            // `bpreport --help` is bpreport's own help; `bpreport spec.yaml --help` render's.
            let root = command == nil && (words.first == "--help" || words.first == "-h")
            return .help(root ? nil : command ?? defaultSubcommand)
        }
        return .run(command ?? defaultSubcommand, Array(rest))
    }

    static let completionFlag = "--generate-completion-script"

    static func subcommand(named name: String) -> (any Subcommand.Type)? {
        subcommands.first { $0.description.name == name }
    }

    /// `render, run, check or templates`.
    static var subcommandList: String { ParsedArguments.alternatives(subcommands.map { $0.description.name }) }
}
