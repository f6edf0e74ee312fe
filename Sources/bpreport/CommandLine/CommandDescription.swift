/// A subcommand as the command line sees it: its name, its words for `--help`, its arguments.
struct CommandDescription: Sendable {
    let name: String
    /// One line, for the list of subcommands and the top of `--help`.
    let abstract: String
    let discussion: String
    let arguments: [ArgumentDeclaration]

    /// The declaration of `--name`, or of `-c`.
    func option(named word: String) -> ArgumentDeclaration? {
        if word.hasPrefix("--") {
            let name = word.dropFirst(2)
            return arguments.first { !$0.isPositional && $0.name == name }
        }
        guard word.count == 2, word.hasPrefix("-"), let letter = word.last else { return nil }
        return arguments.first { $0.short == letter }
    }

    var positionals: [ArgumentDeclaration] { arguments.filter(\.isPositional) }
    var options: [ArgumentDeclaration] { arguments.filter { !$0.isPositional } }
}

/// A subcommand: its declared arguments, a value built from what was parsed, and its work.
protocol Subcommand {
    static var description: CommandDescription { get }
    /// The subcommand with the values parsed; a value of the wrong kind is a usage error.
    init(_ arguments: ParsedArguments) throws(UsageError)
    /// Refuses options that do not go together, before anything runs.
    func validate() throws(UsageError)
    func run() throws
}

extension Subcommand {
    func validate() throws(UsageError) {}
}
