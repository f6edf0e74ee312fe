/// `--help` and the usage line of errors, from the declarations, wrapped at 80 columns.
enum HelpText {
    static let width = 80
    /// Where each argument's help starts.
    static let helpColumn = 26

    /// `bpreport render <paths> ... [<options>]`.
    static func usage(_ command: CommandDescription) -> String {
        var words = [CommandLineInterface.name, command.name]
        for positional in command.positionals {
            guard case let .positional(_, _, isOptional) = positional.kind else { continue }
            words.append(isOptional ? "[\(positional.synopsis)]" : positional.synopsis)
        }
        if !command.options.isEmpty { words.append("[<options>]") }
        return words.joined(separator: " ")
    }

    /// The text of `bpreport SUBCOMMAND --help`.
    static func text(_ command: CommandDescription) -> String {
        var out = wrap("OVERVIEW: \(command.abstract)", indent: 0) + "\n" + wrap(command.discussion, indent: 0) + "\n"
        out += "USAGE: \(usage(command))\n"
        let positionals = command.positionals
        if !positionals.isEmpty {
            out += "\nARGUMENTS:\n" + positionals.map(entry).joined()
        }
        var sections: [String] = []
        for option in command.options where !sections.contains(option.section) { sections.append(option.section) }
        for section in sections {
            out += "\n\(section):\n" + command.options.filter { $0.section == section }.map(entry).joined()
            if section == "OPTIONS" { out += helpEntry }
        }
        if !sections.contains("OPTIONS") { out += "\nOPTIONS:\n" + helpEntry }
        return out
    }

    /// The text of `bpreport --help`.
    static func root() -> String {
        var out = wrap("OVERVIEW: \(CommandLineInterface.abstract)", indent: 0) + "\n" + wrap(CommandLineInterface.discussion, indent: 0) + "\n"
        out += "USAGE: \(CommandLineInterface.name) <subcommand>\n\nOPTIONS:\n"
        out += line("--version", "Show the version.")
        out += line("\(CommandLineInterface.completionFlag) <\(Shell.allCases.map(\.rawValue).joined(separator: "|"))>",
                    "Print the completion script for the shell (the README says where to put it).")
        out += helpEntry
        out += "\nSUBCOMMANDS:\n"
        for (index, command) in CommandLineInterface.subcommands.enumerated() {
            out += line(command.description.name + (index == 0 ? " (default)" : ""), command.description.abstract)
        }
        return out + "\n  See '\(CommandLineInterface.name) help <subcommand>' for detailed help.\n"
    }

    private static var helpEntry: String { line("-h, --help", "Show help information.") }

    private static func entry(_ declaration: ArgumentDeclaration) -> String {
        line(declaration.synopsis, declaration.help + (declaration.defaultValue.map { " (default: \($0))" } ?? ""))
    }

    /// `  name   help`, the help wrapped in its column (below the name when the name is long).
    private static func line(_ name: String, _ help: String) -> String {
        let lead = "  " + name
        let body = wrap(help, indent: helpColumn)
        if lead.count + 2 <= helpColumn {
            return lead + String(repeating: " ", count: helpColumn - lead.count) + body.dropFirst(helpColumn)
        }
        return lead + "\n" + body
    }

    /// `text` in lines of at most ``width`` columns (a longer word alone on its line), each
    /// indented by `indent`, ending in a newline.
    static func wrap(_ text: String, indent: Int) -> String {
        let margin = String(repeating: " ", count: indent)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !current.isEmpty && indent + current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { margin + $0 + "\n" }.joined()
    }
}
