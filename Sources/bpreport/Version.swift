/// The version `bpreport --version` prints, bumped by hand with each release (and tagged
/// `v` + it in git). One constant rather than `git describe` at build time: SwiftPM has no
/// build step to run git without a plugin, and a generated file could drift from the tree.
enum Version {
    static let number = "0.2.0"

    /// `bpreport 0.2.0`.
    static var text: String { "bpreport \(number)" }
}
