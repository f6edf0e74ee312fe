import BPDocument
/// How numbers and long runs are written in a report.
public struct ReportOptions: Sendable, Equatable {
    /// Significant digits of a float (trailing zeros dropped).
    public var significantDigits: Int
    /// Matrices with more rows or columns than this are elided numpy-style, with dots.
    public var maxMatrixSize: Int
    /// Exact values whose decimal terminates within this many places are written as decimals;
    /// others as fractions.
    public var maxDecimalPlaces: Int
    /// Steps worked out in full; later ones appear only in the loss table and final parameters.
    public var workedSteps: Int

    public static let `default` = ReportOptions(significantDigits: 4, maxMatrixSize: 8, maxDecimalPlaces: 6, workedSteps: 10)

    public init(significantDigits: Int, maxMatrixSize: Int, maxDecimalPlaces: Int, workedSteps: Int) {
        self.significantDigits = significantDigits
        self.maxMatrixSize = maxMatrixSize
        self.maxDecimalPlaces = maxDecimalPlaces
        self.workedSteps = workedSteps
    }
}
