/// The command's exit statuses, the same in every subcommand (the README has the table).
enum ExitStatus: Int32, Sendable {
    /// Everything asked for was done.
    case ok = 0
    /// A check failed: `render --check` found a stale file, `check` a wrong claim or gradient.
    case checkFailed = 1
    /// An input (spec, notebook, key, template) cannot be read or is invalid, a limit was
    /// crossed, or the engine stopped on what the input asked for.
    case badInput = 2
    /// Bad options (`EX_USAGE`): a ``UsageError``.
    case usage = 64
    /// A program the command needs is not installed: TeX for `--to pdf` (`EX_UNAVAILABLE`).
    case unavailable = 69
    /// An error the command did not expect (`EX_SOFTWARE`): a bug to report.
    case internalError = 70
    /// An output could not be written (`EX_IOERR`).
    case cannotWrite = 74
}
