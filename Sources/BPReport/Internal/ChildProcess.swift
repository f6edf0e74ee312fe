import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to its end with posix_spawn, its standard streams on /dev/null, in a given
/// folder and environment (Foundation's `Process` is not in `FoundationEssentials`, and all of
/// Foundation costs every bpreport process a millisecond of start-up).
enum ChildProcess {
    /// The program's exit status (128 + the signal's number when a signal ended it).
    static func run(_ executable: String, arguments: [String], in folder: String,
                    environment: [String: String]) throws(POSIXError) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        _ = addChdir(&actions, folder)
        // Sorted, so the child's environment does not depend on the dictionary's order.
        let words = [executable] + arguments
        let pairs = environment.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }
        var pid = pid_t()
        let started = withCStrings(words) { argv in
            withCStrings(pairs) { envp in posix_spawn(&pid, executable, &actions, nil, argv, envp) }
        }
        guard started == 0 else { throw POSIXError(POSIXErrorCode(rawValue: started) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
        // The wait status: the low 7 bits are the signal (0 when the program exited), the next
        // byte its exit code.
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// `body` with `strings` as a NULL-terminated array of C strings, as exec's argv and envp.
    private static func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> T) -> T {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }

    /// glibc's posix_spawn_file_actions_addchdir_np (2.29 and later), which its Swift module
    /// leaves out: the child starts in `folder`.
    @_silgen_name("posix_spawn_file_actions_addchdir_np")
    private static func addChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ folder: UnsafePointer<CChar>) -> Int32
}
