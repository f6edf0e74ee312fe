import BPReport
import BPReportBuilder
import BPSpec

/// Small caps for fuzzing: each input must run in milliseconds, so a slow input is a hang
/// worth looking at, not a big network someone asked for.
public enum FuzzLimits {
    public static let spec = Limits(maxEntries: 20_000, maxSpecValues: 2_000, maxSteps: 4, maxDigits: 400)

    /// The pipeline's options: HTML only (FuzzRender's path), the small limits above.
    public static var render: RenderOptions {
        RenderOptions(formats: [.html], report: .default, limits: spec)
    }
}
