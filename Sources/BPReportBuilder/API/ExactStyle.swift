/// How an exact value too long to read (a fraction past ``ReportOptions/maxFractionDigits``, a
/// decimal past ``ReportOptions/maxDecimalPlaces``) is written.
public enum ExactStyle: String, Sendable, Equatable, CaseIterable {
    /// The whole fraction, however long.
    case fraction
    /// Its leading significant digits, cut off (never rounded) and followed by an ellipsis:
    /// `1.0857…`, so the digits shown are the value's own.
    case decimal
    /// The fraction, then the digits: `54287369/50000001 (1.0857…)`.
    case both
}
