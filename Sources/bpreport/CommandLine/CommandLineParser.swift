import BPSpec

/// Reads a subcommand's words into ``ParsedArguments`` by its declarations: `--name value`,
/// `--name=value`, `-o value`, flags, positional words (`-` among them), and `--` before words
/// that are never options.
enum CommandLineParser {
    static func parse(_ words: [String], for command: CommandDescription) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var positionalWords: [String] = []
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                positionalWords.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            let (name, attached) = split(word)
            guard let declaration = command.option(named: name) else { throw unknownOption(name, in: command) }
            guard declaration.takesValue else {
                if attached != nil { throw UsageError("\(declaration.longFlag) takes no value") }
                parsed.append("", for: declaration)
                continue
            }
            if let attached {
                parsed.append(attached, for: declaration)
            } else if index < words.count, !looksLikeOption(words[index], in: command) {
                parsed.append(words[index], for: declaration)
                index += 1
            } else {
                throw UsageError("Missing value for '\(declaration.synopsis)'")
            }
        }
        try assign(positionalWords, to: command.positionals, in: &parsed)
        return parsed
    }

    /// `--to=md` as (`--to`, `md`); `--to` as (`--to`, nil).
    private static func split(_ word: String) -> (name: String, value: String?) {
        guard word.hasPrefix("--"), let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }

    /// A word after an option that is itself an option, so the option has no value: `--x` or a
    /// declared `-q`. `-` and `-1` are values.
    private static func looksLikeOption(_ word: String, in command: CommandDescription) -> Bool {
        word.hasPrefix("--") || (word.count == 2 && word.hasPrefix("-") && command.option(named: word) != nil)
    }

    /// Positional words in order: each single argument takes one, a list the rest.
    private static func assign(_ words: [String], to declarations: [ArgumentDeclaration], in parsed: inout ParsedArguments) throws(UsageError) {
        var remaining = words[...]
        for declaration in declarations {
            guard case let .positional(_, isList, isOptional) = declaration.kind else { continue }
            if remaining.isEmpty {
                if isOptional { continue }
                throw UsageError("Missing expected argument '\(declaration.synopsis)'")
            }
            let taken = isList ? remaining.count : 1
            for word in remaining.prefix(taken) { parsed.append(word, for: declaration) }
            remaining = remaining.dropFirst(taken)
        }
        if let extra = remaining.first { throw UsageError("Unexpected argument '\(extra)'") }
    }

    private static func unknownOption(_ word: String, in command: CommandDescription) -> UsageError {
        let names = command.options.map(\.longFlag)
        let nearest = names.map { ($0, EditDistance.between(word, $0)) }.min { $0.1 < $1.1 }
        let hint = nearest.flatMap { $0.1 <= max(2, word.count / 4) ? " (did you mean '\($0.0)'?)" : nil } ?? ""
        return UsageError("Unknown option '\(word)'\(hint)")
    }
}
