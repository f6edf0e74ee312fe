import Foundation

/// `BPREPORT_RECORD=1`: tests rewrite their expectations (snapshots, the built-in templates)
/// from what the code makes now, instead of comparing. A recording run passes whatever the
/// output, so CI refuses it: with `CI` set, asking to record fails the test that would record.
public enum RecordMode {
    public typealias Environment = [String: String]

    /// Recording was asked for.
    public static func isRequested(_ environment: Environment = ProcessInfo.processInfo.environment) -> Bool {
        environment["BPREPORT_RECORD"] == "1"
    }

    /// Record now: asked for, and not in CI.
    public static func isOn(_ environment: Environment = ProcessInfo.processInfo.environment) -> Bool {
        isRequested(environment) && !CI.isSet(environment)
    }

    /// Why a test that would record must fail instead; `nil` unless recording was asked for in CI.
    public static func refusal(_ environment: Environment = ProcessInfo.processInfo.environment) -> String? {
        guard isRequested(environment) && CI.isSet(environment) else { return nil }
        return "BPREPORT_RECORD=1 is refused in CI (CI is set): recording passes whatever the output. Record locally, check the diff and commit it."
    }
}
