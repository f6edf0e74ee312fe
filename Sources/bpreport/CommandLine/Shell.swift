/// The shells `--generate-completion-script` writes for.
enum Shell: String, CaseIterable {
    case bash, zsh, fish

    /// The script, from the same declarations as the parser's.
    var completionScript: String {
        switch self {
        case .bash: return BashCompletion.script()
        case .zsh: return ZshCompletion.script()
        case .fish: return FishCompletion.script()
        }
    }

    /// The subcommands' descriptions, in `--help`'s order.
    static var commands: [CommandDescription] { CommandLineInterface.subcommands.map { $0.description } }
}
