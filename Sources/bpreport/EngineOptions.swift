import ArgumentParser
import BPSpec

/// The limits every command that runs the engine shares.
struct EngineOptions: ParsableArguments {
    @Option(name: .customLong("max-entries"), help: "Matrix entries a run may record in all (only the steps it keeps count), at least 1.")
    var maxEntries: Int = Limits.default.maxEntries

    @Option(name: .customLong("max-spec-values"), help: "Numbers a spec may hold (YAML aliases count once per use), at least 1.")
    var maxSpecValues: Int = Limits.default.maxSpecValues

    @Option(name: .customLong("max-steps"), help: "Gradient-descent steps a spec may ask for, at least 1.")
    var maxSteps: Int = Limits.default.maxSteps

    @Option(name: .customLong("max-digits"), help: "Decimal digits an exact number may grow to before the run stops, at least 1.")
    var maxDigits: Int = Limits.default.maxDigits

    @Option(name: .customLong("max-input-bytes"), help: "Bytes a spec (or notebook) may have, refused before parsing, at least 1.")
    var maxInputBytes: Int = Limits.default.maxInputBytes

    @Option(name: .customLong("max-nesting-depth"), help: "Levels of lists and mappings a spec may nest, at least 1.")
    var maxNestingDepth: Int = Limits.default.maxNestingDepth

    @Option(name: .customLong("max-layers"), help: "Weight layers a spec may have, at least 1.")
    var maxLayers: Int = Limits.default.maxLayers

    @Option(name: .customLong("max-cells"), help: "Network cells a notebook may hold, at least 1.")
    var maxCells: Int = Limits.default.maxCells

    @Option(name: .customLong("max-output-bytes"), help: "Bytes of any one file a render writes, at least 1.")
    var maxOutputBytes: Int = Limits.default.maxOutputBytes

    var limits: Limits {
        var limits = Limits(maxEntries: maxEntries, maxSpecValues: maxSpecValues, maxSteps: maxSteps, maxDigits: maxDigits,
                            maxNestingDepth: maxNestingDepth, maxInputBytes: maxInputBytes)
        limits.maxLayers = maxLayers
        limits.maxCells = maxCells
        limits.maxOutputBytes = maxOutputBytes
        return limits
    }

    func validate() throws {
        for (name, value) in [("--max-entries", maxEntries), ("--max-spec-values", maxSpecValues), ("--max-steps", maxSteps), ("--max-digits", maxDigits),
                                 ("--max-input-bytes", maxInputBytes), ("--max-nesting-depth", maxNestingDepth), ("--max-layers", maxLayers),
                                 ("--max-cells", maxCells), ("--max-output-bytes", maxOutputBytes)] where value < 1 {
            throw ValidationError("\(name) must be at least 1, not \(value)")
        }
    }
}
