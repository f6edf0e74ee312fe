import BPEngine
import BPSpec
import FoundationEssentials

/// A failure already worded for the user: printed as `bpreport: error: ...`, with its exit
/// status.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    let status: ExitStatus

    init(_ description: String, status: ExitStatus) {
        self.description = description
        self.status = status
    }

    /// A failure whose words were already printed (a check's wrong entries): only the status.
    static func silent(_ status: ExitStatus) -> CommandFailure { CommandFailure("", status: status) }

    /// The value of `body`, or a bad-input failure (exit 2) when the spec at `label`, or the run
    /// it makes, is refused: the one place a command words those two errors.
    static func badInput<T>(_ label: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SpecError {
            throw CommandFailure(error.description, status: .badInput)
        } catch let error as EngineError {
            throw CommandFailure("\(label): \(error)", status: .badInput)
        }
    }
}
