import BPNumerics
import Foundation
import Yams

/// Reads a network spec from YAML or JSON (JSON is read as the YAML it also is, which keeps
/// line numbers for errors) and checks it completely before anything runs.
public struct SpecReader: Sendable {
    public var limits: Limits

    /// Specs larger than this are refused before parsing.
    public static let maxFileBytes = 16 << 20

    public init(limits: Limits = .default) {
        self.limits = limits
    }

    /// Reads and validates the spec at `path`; a ``SpecError`` names the file.
    public func read(contentsOf path: String) throws(SpecError) -> NetworkSpec {
        try read(text: Self.text(contentsOf: path), file: path)
    }

    /// The text of the spec file at `path`: refused when it is too large, a folder, unreadable
    /// or not UTF-8, with an error that names the file.
    public static func text(contentsOf path: String) throws(SpecError) -> String {
        let name = path
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > Self.maxFileBytes {
                throw SpecError(file: name, message: "the file has \(size) bytes, more than the \(maxFileBytes) a spec may have")
            }
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                throw SpecError(file: name, message: "is a directory, not a spec file")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as SpecError {
            throw error
        } catch {
            throw SpecError(file: name, message: "cannot read the file (\(Self.reason(error)))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpecError(file: name, message: "the file is not UTF-8 text")
        }
        return text
    }

    /// Reads a key of claimed values held in its own file (`bpreport check --claims KEY.yaml`):
    /// the same mapping a spec's `claimed:` holds.
    public func readClaims(text: String, file: String? = nil) throws(SpecError) -> [Claim] {
        try ComplexKeyGuard.check(text, file: file)
        guard let root = try Self.compose(text, file: file) else {
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

    /// Reads and validates a spec held in memory; `file` only labels errors.
    public func read(text: String, file: String? = nil) throws(SpecError) -> NetworkSpec {
        try ComplexKeyGuard.check(text, file: file)
        guard let root = try Self.compose(text, file: file) else {
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
        var validator = SpecValidator(spec: spec, locations: parser.locations, file: file, limits: limits)
        return try validator.validated()
    }

    /// The YAML node tree; `nil` for an empty text.
    private static func compose(_ text: String, file: String?) throws(SpecError) -> Node? {
        do {
            // No implicit tags: every scalar's text is read by the spec's own number syntax, and
            // the default resolver would compile a dozen regular expressions at every start.
            return try Yams.compose(yaml: text, Resolver.basic)
        } catch let error as YamlError {
            throw specError(from: error, file: file)
        } catch {
            throw SpecError(file: file, message: "cannot parse the YAML (\(error))")
        }
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain && nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }

    private static func specError(from error: YamlError, file: String?) -> SpecError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { $0.text + ", " } ?? ""
            return SpecError(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(detail)\(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return SpecError(file: file, line: context.mark.line, column: context.mark.column,
                             message: "duplicate key \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) in this mapping")
        case let .reader(problem, _, _, _):
            return SpecError(file: file, message: "cannot read the text: \(problem)")
        default:
            return SpecError(file: file, message: "YAML error: \(error)")
        }
    }
}
