import Foundation

/// Turns a trap (a failed precondition, an overflow: a bug) into the documented exit 70 with a
/// message, instead of the shell's 132 or 133.
///
/// A Swift trap raises SIGILL (x86) or SIGTRAP (ARM); the handler only calls async-signal-safe
/// functions (`write`, `_exit`).
enum InternalErrorTrap {
    /// The exit code of an internal error (`EX_SOFTWARE`).
    static let exitCode: Int32 = 70

    /// Installs the handler for the signals a trap raises.
    static func install() {
        for signalNumber in [SIGILL, SIGTRAP] {
            signal(signalNumber) { _ in
                let message: StaticString =
                    "error: internal error (a bug in threatsurvey); please report it with the command line\n"
                _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
                _exit(InternalErrorTrap.exitCode)
            }
        }
    }
}
