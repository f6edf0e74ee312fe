import BPCheck
import BPEngine
import BPSpec
import FoundationEssentials

/// `bpreport check SPEC... [--claims KEY.yaml] [--tolerance T] [--format json]`: compares every
/// claimed entry with the engine's value and tells new mistakes from carried ones.
/// `bpreport check --gradients SPEC...` checks instead the engine's own backprop gradients
/// against finite differences of the loss (`CheckCommand+Gradients.swift`).
///
/// Exit status: 0 when every claim (every gradient) is right, 1 when some are wrong, 2 for bad
/// input (a spec or claims that cannot be read, a run that stops).
struct CheckCommand: Subcommand {
    enum Format: String, CaseIterable { case text, json }

    static let specsArgument = ArgumentDeclaration.positional("specs", list: true, completion: .files(extensions: ["yaml", "yml", "json"]),
        help: "Specs with claimed: values (or one spec with --claims); - reads one from standard input.")
    static let claimsOption = ArgumentDeclaration.option("claims", valueName: "file", completion: .files(extensions: ["yaml", "yml", "json"]),
        help: "A file of claimed values for the spec (the same mapping as a spec's claimed:).")
    static let toleranceOption = ArgumentDeclaration.option("tolerance", valueName: "t",
        help: "Claims within this (absolute) distance of the engine's value also match, 0 or more.")
    static let formatOption = ArgumentDeclaration.choice("format", Format.self, default: .text, help: "How the differences are printed: text, or the JSON list.")
    static let gradientsFlag = ArgumentDeclaration.flag("gradients",
        help: "Check each layer's backprop gradients against central differences of the loss instead of claims.")
    static let gradientToleranceOption = ArgumentDeclaration.option("gradient-tolerance", valueName: "t",
        help: "With --gradients: the relative error a gradient entry may have, a finite number 0 or more (default "
            + "\(GradientCheck.defaultTolerance)".replacing("e-0", with: "e-") + ").")
    static let gradientEntriesOption = ArgumentDeclaration.option("gradient-entries", valueName: "n",
        help: "With --gradients: the most entries compared per layer, evenly spaced, at least 1 (default \(GradientCheck.defaultMaxEntriesPerLayer)).")

    static let description = CommandDescription(
        name: "check",
        abstract: "Check claimed values (a key, a student's answers) against the engine.",
        discussion: """
        Claims come from each spec's claimed: key, or from --claims KEY.yaml (one spec). Exact \
        runs compare exactly, except that a decimal a person rounded matches within half a unit \
        of its last written digit; --tolerance widens that. A wrong entry is new when it is wrong \
        even for the claimed values it was computed from, carried when it follows from an \
        earlier slip. --gradients checks instead each layer's backprop gradients against central \
        differences of the loss (no claims needed). Exit status: 0 all right, 1 some wrong, \
        2 bad input, 64 bad options.
        """,
        arguments: [specsArgument, claimsOption, toleranceOption, formatOption, gradientsFlag, gradientToleranceOption, gradientEntriesOption]
            + EngineOptions.declarations
    )

    var specs: [String]
    var claims: String?
    var tolerance: Double?
    var format: Format
    var gradients: Bool
    var gradientTolerance: Double?
    var gradientEntries: Int?
    var engine: EngineOptions

    init(_ arguments: ParsedArguments) throws(UsageError) {
        specs = arguments.values(Self.specsArgument)
        claims = arguments.value(Self.claimsOption)
        tolerance = try arguments.double(Self.toleranceOption)
        format = try arguments.choice(Self.formatOption, Format.self) ?? .text
        gradients = arguments.flag(Self.gradientsFlag)
        gradientTolerance = try arguments.double(Self.gradientToleranceOption)
        gradientEntries = try arguments.int(Self.gradientEntriesOption)
        engine = try EngineOptions(arguments)
    }

    func validate() throws(UsageError) {
        if gradients {
            if claims != nil { throw UsageError("--gradients checks the engine's own gradients and takes no --claims; check claims in a run of their own") }
            if tolerance != nil { throw UsageError("--tolerance is the claims' (absolute) tolerance; with --gradients give --gradient-tolerance") }
        } else if gradientTolerance != nil || gradientEntries != nil {
            throw UsageError("--gradient-tolerance and --gradient-entries go with --gradients")
        }
        if claims != nil && specs.count != 1 { throw UsageError("--claims goes with one spec") }
        if let tolerance, !(tolerance >= 0) { throw UsageError("--tolerance must be 0 or more") }
        if let gradientTolerance, !(gradientTolerance >= 0 && gradientTolerance.isFinite) {
            throw UsageError("--gradient-tolerance must be a finite number, 0 or more")
        }
        if let gradientEntries, gradientEntries < 1 { throw UsageError("--gradient-entries must be at least 1") }
    }

    func run() throws {
        if gradients { return try runGradientCheck() }
        var wrong = 0
        var all: [ClaimDifference] = []
        for path in specs {
            let result: CheckResult = try CommandFailure.badInput(path) {
                let spec = try StandardInput.spec(at: path, limits: engine.limits)
                var claimed = spec.claims
                if let file = claims {
                    claimed = try SpecReader(limits: engine.limits).readClaims(text: try SpecReader.text(contentsOf: file, maxBytes: engine.limits.maxInputBytes), file: file)
                    try spec.validate(claims: claimed, file: file)
                }
                if claimed.isEmpty { throw SpecError(file: path, message: "nothing is claimed: add claimed: to the spec, or give --claims") }
                return try Checker.check(spec, claims: claimed, tolerance: tolerance, limits: engine.limits)
            }
            wrong += result.differences.count
            switch format {
            case .json: all += result.differences
            case .text: StandardStreams.writeOutput(text(result, spec: StandardInput.label(of: path)))
            }
        }
        if format == .json { StandardStreams.writeOutput(ClaimDifference.json(all)) }
        if wrong > 0 { throw CommandFailure.silent(.checkFailed) }
    }

    /// Each wrong entry on a line of its own, at its place in the key, then a summary.
    private func text(_ result: CheckResult, spec: String) -> String {
        var out = ""
        let source = claims ?? spec
        for difference in result.differences {
            let claim = difference.claim
            let place = [claim.line, claim.columnInFile].compactMap { $0 }.map(String.init).joined(separator: ":")
            var what = "step \(claim.step), \(claim.section.rawValue)"
            if let key = claim.key, let layer = claim.layer {
                what += " \(key)^\(layer)" + (claim.row.map { r in "[\(r)" + (claim.column.map { ",\($0)" } ?? "") + "]" } ?? "")
            }
            let kind = difference.kind == .new ? "a new mistake" : "carried from an earlier one"
            out += "\(source):\(place): \(what): claimed \(claim.value.text), correct \(difference.correct) (\(kind))\n"
        }
        let new = result.differences.filter { $0.kind == .new }.count
        out += "\(spec): \(result.checked) entries checked, \(result.differences.count) wrong (\(new) new, \(result.differences.count - new) carried)\n"
        return out
    }
}
