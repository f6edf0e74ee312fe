/// Options that cannot be run: printed as `Error: ...` with the subcommand's usage, exit 64.
struct UsageError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
