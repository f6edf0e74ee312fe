import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's reason for a failed file operation or program launch, as a person reads it
/// ("Permission denied"): the C library's words for the POSIX error under a `CocoaError`, or
/// for a `POSIXError` itself. (`localizedDescription` is not in `FoundationEssentials`.)
public enum SystemErrorReason {
    /// The reason `error` gives, or its description when it carries no POSIX code.
    public static func text(for error: Error) -> String {
        if let posix = (error as? CocoaError)?.underlying as? POSIXError ?? error as? POSIXError {
            return String(cString: strerror(posix.code.rawValue))
        }
        return String(describing: error)
    }
}
