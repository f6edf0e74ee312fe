/// The words given for each declared argument, in order, as the parser found them; the typed
/// getters turn them into values, and a word of the wrong kind into a usage error.
struct ParsedArguments: Sendable {
    private var words: [String: [String]] = [:]

    mutating func append(_ word: String, for declaration: ArgumentDeclaration) {
        words[declaration.name, default: []].append(word)
    }

    /// Every word given for `declaration` (each occurrence of an option, each positional word).
    func values(_ declaration: ArgumentDeclaration) -> [String] {
        words[declaration.name] ?? []
    }

    func isGiven(_ declaration: ArgumentDeclaration) -> Bool {
        words[declaration.name] != nil
    }

    /// The last value given (an option given twice takes its second value, as most tools do).
    func value(_ declaration: ArgumentDeclaration) -> String? {
        values(declaration).last
    }

    func flag(_ declaration: ArgumentDeclaration) -> Bool {
        isGiven(declaration)
    }

    func int(_ declaration: ArgumentDeclaration) throws(UsageError) -> Int? {
        guard let word = value(declaration) else { return nil }
        guard let number = Int(word) else { throw UsageError("\(declaration.longFlag) takes a whole number, not '\(word)'") }
        return number
    }

    func double(_ declaration: ArgumentDeclaration) throws(UsageError) -> Double? {
        guard let word = value(declaration) else { return nil }
        guard let number = Double(word) else { throw UsageError("\(declaration.longFlag) takes a number, not '\(word)'") }
        return number
    }

    func choice<T: CaseIterable & RawRepresentable>(_ declaration: ArgumentDeclaration, _ type: T.Type) throws(UsageError) -> T?
    where T.RawValue == String {
        guard let word = value(declaration) else { return nil }
        guard let value = T(rawValue: word) else {
            throw UsageError("\(declaration.longFlag) takes \(Self.alternatives(T.allCases.map(\.rawValue))), not '\(word)'")
        }
        return value
    }

    /// `a`, `a or b`, `a, b or c`.
    static func alternatives(_ words: [String]) -> String {
        guard let last = words.last else { return "" }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " or " + last
    }
}
