/// The zsh completion script (`_arguments` for each subcommand).
enum ZshCompletion {
    static func script() -> String {
        let render = CommandLineInterface.defaultSubcommand.description
        let names = Shell.commands.map(\.name)
        var out = "#compdef bpreport\n# zsh completion for bpreport (bpreport --generate-completion-script zsh)\n\n"
        for command in Shell.commands {
            let specs = command.options.map(spec) + ["'(- *)'{-h,--help}'[Show help information.]'"] + command.positionals.map(spec)
            out += "_bpreport_\(command.name)() {\n    _arguments -s \\\n        " + specs.joined(separator: " \\\n        ") + "\n}\n\n"
        }
        let described = Shell.commands.map { quoted("\($0.name):\($0.abstract)") }.joined(separator: " ")
        out += """
        _bpreport() {
            local -a subcommands
            subcommands=(\(described))
            if (( CURRENT == 2 )) && [[ ${words[CURRENT]} != -* ]]; then
                _describe -t subcommands 'subcommand' subcommands
                \(action(render.positionals.first?.completion ?? .none))
                return
            fi
            case ${words[2]} in
                \(names.joined(separator: "|")))
                    local command=${words[2]}
                    # Quoted: the word being completed may be empty, and must stay a word.
                    words=("${words[1]}" "${(@)words[3,-1]}")
                    (( CURRENT-- ))
                    _bpreport_$command ;;
                help) (( CURRENT == 3 )) && _describe -t subcommands 'subcommand' subcommands ;;
                \(CommandLineInterface.completionFlag)) (( CURRENT == 3 )) && _values 'shell' \(Shell.allCases.map(\.rawValue).joined(separator: " ")) ;;
                *) _bpreport_\(render.name) ;;
            esac
        }

        _bpreport "$@"

        """
        return out
    }

    /// `'(-o --output)'{-o,--output}'[help]:folder:_files -/'`, `'*:paths:_files -g ...'`.
    private static func spec(_ declaration: ArgumentDeclaration) -> String {
        let help = "[" + escaped(declaration.help) + "]"
        switch declaration.kind {
        case .flag, .option:
            var value = ""
            if case let .option(valueName, _) = declaration.kind {
                value = ":" + escaped(valueName).replacing(":", with: "\\:") + ":" + action(declaration.completion)
            }
            let repeats: Bool
            if case let .option(_, isRepeated) = declaration.kind { repeats = isRepeated } else { repeats = false }
            if let short = declaration.short {
                return "'(-\(short) \(declaration.longFlag))'{-\(short),\(declaration.longFlag)}" + quoted(help + value)
            }
            return quoted((repeats ? "*" : "") + declaration.longFlag + help + value)
        case let .positional(valueName, isList, isOptional):
            let prefix = isList ? "*" : isOptional ? ":" : ""
            return quoted(prefix + ":" + escaped(valueName) + ":" + action(declaration.completion))
        }
    }

    private static func action(_ completion: ArgumentDeclaration.Completion) -> String {
        switch completion {
        case .none: return " "
        case let .files(extensions): return "_files -g \"*.(\(extensions.joined(separator: "|")))\""
        case .directories: return "_files -/"
        case let .values(values): return "(\(values.joined(separator: " ")))"
        }
    }

    /// Brackets and colons of a help text escaped for `_arguments`.
    private static func escaped(_ text: String) -> String {
        text.replacing("\\", with: "\\\\").replacing("[", with: "\\[").replacing("]", with: "\\]")
    }

    /// In single quotes, for the shell.
    private static func quoted(_ text: String) -> String {
        "'" + text.replacing("'", with: "'\\''") + "'"
    }
}
