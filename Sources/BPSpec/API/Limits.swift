/// Caps that keep a run from exhausting the machine. Each has a command-line flag.
public struct Limits: Sendable, Equatable {
    /// Matrix entries a run may record: one step must fit, and so must every step the run
    /// keeps under its recording policy (the engine checks that before it runs).
    public var maxEntries: Int
    /// Numbers a spec may hold, counted as read, so YAML aliases cannot expand past it.
    public var maxSpecValues: Int
    /// Gradient-descent steps.
    public var maxSteps: Int
    /// Decimal digits of any exact numerator or denominator.
    public var maxDigits: Int
    /// How deeply a spec's lists and mappings may nest (a spec needs fewer than ten levels;
    /// the YAML reader itself stops at 1,000).
    public var maxNestingDepth: Int
    /// Bytes of spec text, refused before parsing.
    public var maxInputBytes: Int
    /// Weight layers a spec may have.
    public var maxLayers: Int = 100
    /// Network cells a notebook may hold.
    public var maxCells: Int = 500
    /// Bytes of any one file a render writes (a page, a drawing), refused before it is written.
    public var maxOutputBytes: Int = 100_000_000

    /// The command's defaults, which every limit's option documents.
    public static let `default` = Limits(maxEntries: 30_000_000, maxSpecValues: 1_000_000, maxSteps: 10_000, maxDigits: 20_000)

    /// Limits with these values; the layer, cell and output limits keep their defaults unless set after.
    public init(maxEntries: Int, maxSpecValues: Int = 1_000_000, maxSteps: Int, maxDigits: Int,
                maxNestingDepth: Int = 64, maxInputBytes: Int = 10_000_000) {
        self.maxEntries = maxEntries
        self.maxSpecValues = maxSpecValues
        self.maxSteps = maxSteps
        self.maxDigits = maxDigits
        self.maxNestingDepth = maxNestingDepth
        self.maxInputBytes = maxInputBytes
    }
}
