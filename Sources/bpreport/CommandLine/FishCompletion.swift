/// The fish completion script: one `complete` line per option of each subcommand.
enum FishCompletion {
    static func script() -> String {
        let names = Shell.commands.map(\.name)
        let render = CommandLineInterface.defaultSubcommand.description
        var out = """
        # fish completion for bpreport (bpreport --generate-completion-script fish)

        # The subcommand being completed: the one named first, or render.
        function __bpreport_subcommand
            set -l words (commandline -opc)
            if set -q words[2]; and contains -- $words[2] \(names.joined(separator: " "))
                echo $words[2]
            else
                echo \(render.name)
            end
        end

        # Folders, and the files ending in one of the extensions given (none: folders only).
        function __bpreport_files
            set -l token (commandline -ct)
            for item in $token*
                if test -d $item
                    echo $item/
                    continue
                end
                for extension in $argv
                    if string match -q -- "*.$extension" $item
                        echo $item
                        break
                    end
                end
            end
        end

        function __bpreport_at_start
            test (count (commandline -opc)) -eq 1
        end

        complete -c bpreport -f
        complete -c bpreport -n __bpreport_at_start -l version -d 'Show the version.'
        complete -c bpreport -n __bpreport_at_start -l \(CommandLineInterface.completionFlag.dropFirst(2)) -x -a '\(Shell.allCases.map(\.rawValue).joined(separator: " "))' -d 'Print the completion script for the shell.'

        """
        for command in Shell.commands {
            out += "complete -c bpreport -n __bpreport_at_start -a \(command.name) -d \(quoted(command.abstract))\n"
        }
        for command in Shell.commands {
            let condition = "-n 'test (__bpreport_subcommand) = \(command.name)'"
            for option in command.options {
                var line = "complete -c bpreport \(condition)" + (option.short.map { " -s \($0)" } ?? "") + " -l \(option.name)"
                if option.takesValue { line += " -x" + arguments(option.completion) }
                out += line + " -d \(quoted(option.help))\n"
            }
            out += "complete -c bpreport \(condition) -s h -l help -d 'Show help information.'\n"
            if let positional = command.positionals.first {
                out += "complete -c bpreport \(condition)" + arguments(positional.completion) + "\n"
            }
        }
        return out
    }

    private static func arguments(_ completion: ArgumentDeclaration.Completion) -> String {
        switch completion {
        case .none: return ""
        case let .files(extensions): return " -a '(__bpreport_files \(extensions.joined(separator: " ")))'"
        case .directories: return " -a '(__bpreport_files)'"
        case let .values(values): return " -a \(quoted(values.joined(separator: " ")))"
        }
    }

    private static func quoted(_ text: String) -> String {
        "'" + text.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "'"
    }
}
