/// Caps that keep a run from exhausting the machine. Each has a command-line flag.
public struct Limits: Sendable, Equatable {
    /// Matrix entries a whole run may record (every step's matrices together). It also bounds
    /// the values read from a spec, so YAML aliases cannot expand past it.
    public var maxEntries: Int
    /// Gradient-descent steps.
    public var maxSteps: Int
    /// Decimal digits of any exact numerator or denominator.
    public var maxDigits: Int

    public static let `default` = Limits(maxEntries: 30_000_000, maxSteps: 10_000, maxDigits: 20_000)

    public init(maxEntries: Int, maxSteps: Int, maxDigits: Int) {
        self.maxEntries = maxEntries
        self.maxSteps = maxSteps
        self.maxDigits = maxDigits
    }
}
