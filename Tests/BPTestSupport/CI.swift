import Foundation

/// Whether the tests run in CI: `CI` set to anything but empty, `0` or `false` (.ci/run sets
/// `CI=1`; hosted CI services set `CI=true`). In CI nothing may pass by being left out: a
/// missing tool fails its test, and recording expectations is refused.
public enum CI {
    public static var isSet: Bool { isSet(ProcessInfo.processInfo.environment) }

    public static func isSet(_ environment: [String: String]) -> Bool {
        guard let value = environment["CI"] else { return false }
        return !["", "0", "false"].contains(value.lowercased())
    }
}
