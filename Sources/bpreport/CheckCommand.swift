import ArgumentParser
import BPCheck
import BPEngine
import BPSpec
import Foundation

/// `bpreport check SPEC... [--claims KEY.yaml] [--tolerance T] [--format json]`: compares every
/// claimed entry with the engine's value and tells new mistakes from carried ones.
/// `bpreport check --gradients SPEC...` checks instead the engine's own backprop gradients
/// against finite differences of the loss (`CheckCommand+Gradients.swift`).
///
/// Exit status: 0 when every claim (every gradient) is right, 1 when some are wrong, 2 for bad
/// input (a spec or claims that cannot be read, a run that stops).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check claimed values (a key, a student's answers) against the engine.",
        discussion: """
        Claims come from each spec's claimed: key, or from --claims KEY.yaml (one spec). Exact \
        runs compare exactly, except that a decimal a person rounded matches within half a unit \
        of its last written digit; --tolerance widens that. A wrong entry is new when it is wrong \
        even for the claimed values it was computed from, carried when it follows from an \
        earlier slip. --gradients checks instead each layer's backprop gradients against central \
        differences of the loss (no claims needed). Exit status: 0 all right, 1 some wrong, \
        2 bad input.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Specs with claimed: values (or one spec with --claims); - reads one from standard input.",
              completion: .file(extensions: ["yaml", "yml", "json"]))
    var specs: [String]

    @Option(help: "A file of claimed values for the spec (the same mapping as a spec's claimed:).",
            completion: .file(extensions: ["yaml", "yml", "json"]))
    var claims: String?

    @Option(help: "Claims within this (absolute) distance of the engine's value also match, 0 or more.")
    var tolerance: Double?

    @Option(help: "How the differences are printed: text, or the JSON list.")
    var format: Format = .text

    @Flag(help: "Check each layer's backprop gradients against central differences of the loss instead of claims.")
    var gradients = false

    @Option(name: .customLong("gradient-tolerance"),
            help: "With --gradients: the relative error a gradient entry may have, a finite number 0 or more (default 1e-6).")
    var gradientTolerance: Double?

    @Option(name: .customLong("gradient-entries"),
            help: "With --gradients: the most entries compared per layer, evenly spaced, at least 1 (default 64).")
    var gradientEntries: Int?

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        if gradients {
            if claims != nil { throw ValidationError("--gradients checks the engine's own gradients and takes no --claims; check claims in a run of their own") }
            if tolerance != nil { throw ValidationError("--tolerance is the claims' (absolute) tolerance; with --gradients give --gradient-tolerance") }
        } else if gradientTolerance != nil || gradientEntries != nil {
            throw ValidationError("--gradient-tolerance and --gradient-entries go with --gradients")
        }
        if claims != nil && specs.count != 1 { throw ValidationError("--claims goes with one spec") }
        if let tolerance, !(tolerance >= 0) { throw ValidationError("--tolerance must be 0 or more") }
        if let gradientTolerance, !(gradientTolerance >= 0 && gradientTolerance.isFinite) {
            throw ValidationError("--gradient-tolerance must be a finite number, 0 or more")
        }
        if let gradientEntries, gradientEntries < 1 { throw ValidationError("--gradient-entries must be at least 1") }
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
