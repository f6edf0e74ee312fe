/// The bash completion script: subcommands, option names, the values an option lists, and
/// files by extension (with folders to go into) where a path is expected.
enum BashCompletion {
    static func script() -> String {
        let names = Shell.commands.map(\.name)
        let rootOptions = ["--version", "--help", "-h", CommandLineInterface.completionFlag]
        var out = """
        # bash completion for bpreport (bpreport --generate-completion-script bash)

        # Folders, and the files ending in one of the extensions in $1 (space-separated; none: folders only).
        _bpreport_files() {
            local cur="$2" item extension
            while IFS= read -r item; do
                [[ -n "$item" ]] && COMPREPLY+=("$item")
            done < <(compgen -d -- "$cur")
            while IFS= read -r item; do
                [[ -z "$item" || -d "$item" ]] && continue
                for extension in $1; do
                    if [[ "$item" == *."$extension" ]]; then COMPREPLY+=("$item"); break; fi
                done
            done < <(compgen -f -- "$cur")
        }


        """
        for command in Shell.commands {
            out += function(command)
        }
        let render = CommandLineInterface.defaultSubcommand.description
        out += """
        _bpreport() {
            local cur="${COMP_WORDS[COMP_CWORD]}" prev=""
            (( COMP_CWORD > 0 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"
            COMPREPLY=()
            compopt -o filenames 2>/dev/null
            if (( COMP_CWORD == 1 )); then
                if [[ "$cur" == -* ]]; then
                    COMPREPLY=($(compgen -W "\((rootOptions + optionWords(render)).joined(separator: " "))" -- "$cur"))
                else
                    COMPREPLY=($(compgen -W "\((names + ["help"]).joined(separator: " "))" -- "$cur"))
                    \(positionalCompletion(render))
                fi
                return 0
            fi
            case "${COMP_WORDS[1]}" in
                \(names.joined(separator: "|"))) _bpreport_${COMP_WORDS[1]} "$cur" "$prev" ;;
                help) (( COMP_CWORD == 2 )) && COMPREPLY=($(compgen -W "\(names.joined(separator: " "))" -- "$cur")) ;;
                \(CommandLineInterface.completionFlag)) (( COMP_CWORD == 2 )) && COMPREPLY=($(compgen -W "\(Shell.allCases.map(\.rawValue).joined(separator: " "))" -- "$cur")) ;;
                *) _bpreport_\(render.name) "$cur" "$prev" ;;
            esac
            return 0
        }

        complete -F _bpreport bpreport

        """
        return out
    }

    /// `_bpreport_render cur prev`: the value of the option before, an option name, or a path.
    private static func function(_ command: CommandDescription) -> String {
        var cases: [String] = []
        for option in command.options where option.takesValue {
            let pattern = ([option.short.map { "-\($0)" }].compactMap { $0 } + [option.longFlag]).joined(separator: "|")
            cases.append("        \(pattern)) \(completion(option.completion)); return ;;")
        }
        return """
        _bpreport_\(command.name)() {
            local cur="$1" prev="$2"
            case "$prev" in
        \(cases.joined(separator: "\n"))
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "\(optionWords(command).joined(separator: " "))" -- "$cur"))
            else
                \(positionalCompletion(command))
            fi
        }


        """
    }

    private static func optionWords(_ command: CommandDescription) -> [String] {
        command.options.flatMap { [$0.short.map { "-\($0)" }, $0.longFlag].compactMap { $0 } } + ["-h", "--help"]
    }

    private static func positionalCompletion(_ command: CommandDescription) -> String {
        completion(command.positionals.first?.completion ?? .none)
    }

    private static func completion(_ completion: ArgumentDeclaration.Completion) -> String {
        switch completion {
        case .none: return ":"
        case let .files(extensions): return "_bpreport_files \"\(extensions.joined(separator: " "))\" \"$cur\""
        case .directories: return "_bpreport_files \"\" \"$cur\""
        case let .values(values): return "COMPREPLY+=($(compgen -W \"\(values.joined(separator: " "))\" -- \"$cur\"))"
        }
    }
}
