import BPSpec

/// How numbers and long runs are written in a report.
public struct ReportOptions: Sendable, Equatable {
    /// Significant digits of a computed float, and of the decimal that stands for a long exact
    /// value.
    public var significantDigits: Int
    /// Matrices with more rows or columns than this are elided numpy-style, with dots.
    public var maxMatrixSize: Int
    /// Exact values whose decimal terminates within this many places are written as decimals.
    public var maxDecimalPlaces: Int
    /// The steps worked out in full, whatever the spec's `show_steps:` says; nil takes the
    /// spec's, or else the first step and the last. The others appear only in the loss table,
    /// the loss plot and the final parameters.
    public var showSteps: StepSelection?
    /// How an exact value too long to read is written.
    public var exactStyle: ExactStyle
    /// A fraction is short, and written as it is, while its numerator and denominator have at
    /// most this many digits together.
    public var maxFractionDigits: Int
    /// Whether a matrix whose entries share a denominator is written as a factor times a matrix
    /// of integers, as `2/3 (38, −11, 20)`. Givens are never factored.
    public var pullsOutCommonFactors: Bool
    /// Display formulas estimated wider than this many ems of the math font are broken onto
    /// aligned lines. The default fits the page's column in a window 800 px wide and on A4.
    public var formulaWidth: Double
    /// Whether the solution ends with a gradient check (backprop against finite differences).
    public var checksGradients: Bool = true
    /// A handout instead of the solution: computed values blanked (see ``Handout``).
    public var handout: Bool = false

    /// The command line's defaults: 4 significant digits, 8 rows and columns, 10 decimal places, the spec's steps, a gradient check.
    public static let `default` = ReportOptions()

    /// Options with the command line's defaults for whatever is not given.
    public init(significantDigits: Int = 4, maxMatrixSize: Int = 8, maxDecimalPlaces: Int = 10, showSteps: StepSelection? = nil,
                exactStyle: ExactStyle = .decimal, maxFractionDigits: Int = 8, pullsOutCommonFactors: Bool = true,
                formulaWidth: Double = 33) {
        self.significantDigits = significantDigits
        self.maxMatrixSize = maxMatrixSize
        self.maxDecimalPlaces = maxDecimalPlaces
        self.showSteps = showSteps
        self.exactStyle = exactStyle
        self.maxFractionDigits = maxFractionDigits
        self.pullsOutCommonFactors = pullsOutCommonFactors
        self.formulaWidth = formulaWidth
    }
}
