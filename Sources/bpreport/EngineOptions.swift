import BPSpec

/// The limits every command that runs the engine shares.
struct EngineOptions {
    /// A limit's option: its name, its help, and where it lives in ``Limits``.
    struct Limit {
        let declaration: ArgumentDeclaration
        let keyPath: WritableKeyPath<Limits, Int>
    }

    static var all: [Limit] { [
        limit("max-entries", \.maxEntries, "Matrix entries a run may record in all (only the steps it keeps count), at least 1."),
        limit("max-spec-values", \.maxSpecValues, "Numbers a spec may hold (YAML aliases count once per use), at least 1."),
        limit("max-steps", \.maxSteps, "Gradient-descent steps a spec may ask for, at least 1."),
        limit("max-digits", \.maxDigits, "Decimal digits an exact number may grow to before the run stops, at least 1."),
        limit("max-input-bytes", \.maxInputBytes, "Bytes a spec (or notebook) may have, refused before parsing, at least 1."),
        limit("max-nesting-depth", \.maxNestingDepth, "Levels of lists and mappings a spec may nest, at least 1."),
        limit("max-layers", \.maxLayers, "Weight layers a spec may have, at least 1."),
        limit("max-cells", \.maxCells, "Network cells a notebook may hold, at least 1."),
        limit("max-output-bytes", \.maxOutputBytes, "Bytes of any one file a render writes, at least 1."),
    ] }

    private static func limit(_ name: String, _ keyPath: WritableKeyPath<Limits, Int>, _ help: String) -> Limit {
        Limit(declaration: .option(name, valueName: "n", default: String(Limits.default[keyPath: keyPath]), help: help).listed(under: "LIMITS"),
              keyPath: keyPath)
    }

    static var declarations: [ArgumentDeclaration] { all.map(\.declaration) }

    let limits: Limits

    init(_ arguments: ParsedArguments) throws(UsageError) {
        var limits = Limits.default
        for limit in Self.all {
            guard let value = try arguments.int(limit.declaration) else { continue }
            if value < 1 { throw UsageError("\(limit.declaration.longFlag) must be at least 1, not \(value)") }
            limits[keyPath: limit.keyPath] = value
        }
        self.limits = limits
    }
}
