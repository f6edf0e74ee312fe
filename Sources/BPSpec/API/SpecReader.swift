import BPNumerics
import FoundationEssentials

/// Reads a network spec from YAML or JSON and checks it completely before anything runs.
///
/// JSON (a file named `.json`, or ``SpecFlavour/json``) must be valid JSON (RFC 8259), checked
/// strictly with lines and columns by a reader of its own, which builds the node tree the YAML
/// reader would build from the same text (JSON is YAML), so every later error keeps its line.
public struct SpecReader: Sendable {
    /// What a spec may hold and a run may keep.
    public var limits: Limits

    /// A reader that enforces `limits`.
    public init(limits: Limits = .default) {
        self.limits = limits
    }

    /// Reads and validates the spec at `path`; a ``SpecError`` names the file. A name ending
    /// in `.json` makes it JSON.
    public func read(contentsOf path: String) throws(SpecError) -> NetworkSpec {
        try read(text: Self.text(contentsOf: path, maxBytes: limits.maxInputBytes), file: path)
    }

    /// The text of the spec file at `path`: refused when it is larger than `maxBytes`, a
    /// folder, unreadable or not UTF-8, with an error that names the file.
    public static func text(contentsOf path: String, maxBytes: Int = Limits.default.maxInputBytes) throws(SpecError) -> String {
        let name = path
        let data: Data
        if let bytes = RegularFileBytes.read(path, maxBytes: maxBytes) {
            data = bytes
        } else {
            data = try foundationRead(path, maxBytes: maxBytes)
        }
        switch UTF8Text.decode(data) {
        case let .success(text): return text
        case let .failure(bad): throw SpecError(file: name, message: "the file is not UTF-8 text: \(bad.description)")
        }
    }

    /// The file read through Foundation: the slow path, whose errors name what went wrong.
    private static func foundationRead(_ path: String, maxBytes: Int) throws(SpecError) -> Data {
        let name = path
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > maxBytes {
                throw tooLarge(size, limit: maxBytes, file: name)
            }
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                throw SpecError(file: name, message: "is a directory, not a spec file")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            if let error = error as? SpecError { throw error }
            throw SpecError(file: name, message: "cannot read the file (\(Self.reason(error)))")
        }
        return data
    }

    /// The error for a spec of `size` bytes over the input limit.
    static func tooLarge(_ size: Int, limit: Int, file: String?) -> SpecError {
        SpecError(file: file, message: "the spec is \(size) bytes, more than the limit of \(limit); raise it with --max-input-bytes")
    }

    /// Reads a key of claimed values held in its own file (`bpreport check --claims KEY.yaml`):
    /// the same mapping a spec's `claimed:` holds.
    public func readClaims(text: String, file: String? = nil, flavour: SpecFlavour? = nil) throws(SpecError) -> [Claim] {
        guard let root = try compose(text, file: file, flavour: flavour ?? SpecFlavour(file: file)) else {
            throw SpecError(file: file, line: 1, message: "the claims are empty")
        }
        var parser = SpecParser(file: file, limits: limits)
        do {
            return try parser.claims(root, key: "claimed")
        } catch let error as SpecError {
            throw error
        } catch {
            throw SpecError(file: file, message: "cannot read the claims (\(error))")
        }
    }

    /// Finds the spec a notebook cell's `from:` names; set by the notebook reader.
    public var base: (@Sendable (String) -> SpecBase)?

    /// Reads and validates a spec held in memory; `file` labels errors and, when `flavour` is
    /// not given, decides it (a name ending in `.json` is JSON).
    public func read(text: String, file: String? = nil, flavour: SpecFlavour? = nil) throws(SpecError) -> NetworkSpec {
        guard let root = try compose(text, file: file, flavour: flavour ?? SpecFlavour(file: file)) else {
            throw SpecError(file: file, line: 1, message: "the spec is empty; expected a mapping with input, target, layers and loss")
        }
        var parser = SpecParser(file: file, limits: limits)
        parser.base = base
        let spec: NetworkSpec
        do {
            spec = try parser.parse(root)
        } catch let error as SpecError {
            throw error
        } catch {
            // The parser throws only SpecError; its closures just cannot say so yet.
            throw SpecError(file: file, message: "cannot read the spec (\(error))")
        }
        var validator = SpecValidator(spec: spec, locations: parser.locations, file: file, limits: limits,
                                      floatRangeSuspects: parser.floatRangeSuspects)
        return try validator.validated()
    }

    /// The YAML node tree, every syntax check passed; `nil` for an empty text.
    private func compose(_ text: String, file: String?, flavour: SpecFlavour) throws(SpecError) -> YAMLNode? {
        // Before any parsing: its cost grows with the text.
        let size = text.utf8.count
        if size > limits.maxInputBytes { throw Self.tooLarge(size, limit: limits.maxInputBytes, file: file) }
        // JSON is read by its own strict reader, which builds the tree a YAML reader would at
        // a fraction of the memory (a generated spec of a large network is mostly numbers).
        if flavour == .json { return try JSONSyntax.read(text, file: file, maxDepth: limits.maxNestingDepth) }
        try ComplexKeyGuard.check(text, file: file)
        let root: YAMLNode?
        let aliased: Bool
        do {
            (root, aliased) = try YAMLComposer.compose(text, maxDepth: limits.maxNestingDepth)
        } catch {
            var refused = Self.specError(from: error, file: file, limits: limits)
            // libyaml's words for a tab in the indentation do not say "tab".
            if let line = refused.line, refused.message.contains("cannot start any token"),
               text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(line - 1).first?.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") == true {
                refused.message = "a tab in the indentation: YAML indents with spaces only"
            }
            throw refused
        }
        if let root, aliased {
            // The composer refuses nesting as it is written; an alias can still put a deep
            // anchored node deeper.
            try NestingGuard.check(root, limit: limits.maxNestingDepth, file: file)
        }
        return root
    }

    private static func reason(_ error: Error) -> String {
        if let code = (error as? CocoaError)?.code, code == .fileReadNoSuchFile { return "no such file" }
        return SystemErrorReason.text(for: error)
    }

    /// libyaml's words, where they are a user's; its internals (function names) never.
    private static func specError(from error: YAMLError, file: String?, limits: Limits) -> SpecError {
        switch error {
        case let .syntax(context, problem, mark):
            let detail = context.map { $0 + ", " } ?? ""
            return SpecError(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(detail)\(problem)")
        case let .tooDeep(mark):
            return SpecError(file: file, line: mark.line, column: mark.column, message: NestingGuard.message(limit: limits.maxNestingDepth))
        case let .duplicateKeys(duplicates, mark):
            return SpecError(file: file, line: mark.line, column: mark.column,
                             message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in this mapping")
        case let .reader(problem):
            return SpecError(file: file, message: "cannot read the text: \(problem)")
        case .memory:
            return SpecError(file: file, message: "the spec is too large to read (out of memory)")
        }
    }
}
