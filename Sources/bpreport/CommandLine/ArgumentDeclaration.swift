/// One flag, option or positional argument of a subcommand: the one place it is declared, read
/// alike by the parser, by `--help` and by the completion scripts.
struct ArgumentDeclaration: Sendable {
    enum Kind: Sendable, Equatable {
        /// `--check`: given or not.
        case flag
        /// `--to md`: takes a value; when `repeats`, every occurrence is kept, otherwise the last wins.
        case option(valueName: String, repeats: Bool)
        /// A word that is not an option; `isList` takes any number of them.
        case positional(valueName: String, isList: Bool, isOptional: Bool)
    }

    /// What a shell may complete the value with.
    enum Completion: Sendable, Equatable {
        case none
        /// Files with these extensions, and folders to go into.
        case files(extensions: [String])
        case directories
        case values([String])
    }

    let kind: Kind
    /// The long name without its dashes (`max-entries`), or a positional argument's name.
    let name: String
    let short: Character?
    let help: String
    /// Shown in `--help` as `(default: ...)`.
    let defaultValue: String?
    let completion: Completion
    /// The heading `--help` lists it under.
    var section = "OPTIONS"

    static func flag(_ name: String, short: Character? = nil, help: String) -> ArgumentDeclaration {
        ArgumentDeclaration(kind: .flag, name: name, short: short, help: help, defaultValue: nil, completion: .none)
    }

    static func option(_ name: String, short: Character? = nil, valueName: String? = nil, repeats: Bool = false,
                       default defaultValue: String? = nil, completion: Completion = .none, help: String) -> ArgumentDeclaration {
        ArgumentDeclaration(kind: .option(valueName: valueName ?? name, repeats: repeats), name: name, short: short, help: help,
                            defaultValue: defaultValue, completion: completion)
    }

    /// An option whose value is one of `type`'s cases, which the shells complete.
    static func choice<T: CaseIterable & RawRepresentable>(_ name: String, _ type: T.Type, default defaultValue: T? = nil,
                                                            help: String) -> ArgumentDeclaration where T.RawValue == String {
        let values = T.allCases.map(\.rawValue)
        return option(name, valueName: values.joined(separator: "|"), default: defaultValue?.rawValue, completion: .values(values), help: help)
    }

    static func positional(_ name: String, list: Bool = false, optional: Bool = false, valueName: String? = nil,
                           completion: Completion = .none, help: String) -> ArgumentDeclaration {
        ArgumentDeclaration(kind: .positional(valueName: valueName ?? name, isList: list, isOptional: optional), name: name, short: nil,
                            help: help, defaultValue: nil, completion: completion)
    }

    /// The same declaration, listed in `--help` under `section`.
    func listed(under section: String) -> ArgumentDeclaration {
        var copy = self
        copy.section = section
        return copy
    }

    var isPositional: Bool {
        if case .positional = kind { return true }
        return false
    }

    var takesValue: Bool {
        if case .option = kind { return true }
        return false
    }

    /// `--max-entries`.
    var longFlag: String { "--" + name }

    /// How `--help` and usage errors name it: `-o, --output <folder|->`, `<paths> ...`.
    var synopsis: String {
        switch kind {
        case .flag: return (short.map { "-\($0), " } ?? "") + longFlag
        case let .option(valueName, _): return (short.map { "-\($0), " } ?? "") + longFlag + " <\(valueName)>"
        case let .positional(valueName, isList, _): return "<\(valueName)>" + (isList ? " ..." : "")
        }
    }
}
