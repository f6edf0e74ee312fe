/// The version `bpreport --version` prints: the release number, bumped by hand with each
/// release (and tagged `v` + it in git), and the commit the binary was built from, which
/// `GitVersionPlugin` reads with `git describe` at build time (`gitDescription`).
enum Version {
    static let number = "0.2.0"

    /// `bpreport 0.2.0 (git 263de5b)`, `-dirty` when the tree had uncommitted changes; the
    /// number alone when built outside a git checkout.
    static var text: String { "bpreport \(number)" + (gitDescription.map { " (git \($0))" } ?? "") }
}
