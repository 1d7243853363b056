/// The process exit codes of the contract, taken from BSD `sysexits.h`.
///
/// Scheduled jobs and scripts branch on these, so each failure family has exactly one code
/// and one place (``SurveyError/exitStatus``) that chooses it.
public struct ExitStatus: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The numeric code handed to `exit`.
    public var rawValue: Int32
    /// Wraps a raw exit code.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Everything worked.
    public static let success = ExitStatus(rawValue: 0)
    /// A check ran and failed (`deadline --strict` with Member States missing).
    public static let checkFailed = ExitStatus(rawValue: 1)
    /// The command line was wrong (`EX_USAGE`).
    public static let usage = ExitStatus(rawValue: 64)
    /// An input file was read but its content is wrong (`EX_DATAERR`).
    public static let dataError = ExitStatus(rawValue: 65)
    /// An input file does not exist or cannot be opened (`EX_NOINPUT`).
    public static let noInput = ExitStatus(rawValue: 66)
    /// A bug or an impossible state (`EX_SOFTWARE`).
    public static let software = ExitStatus(rawValue: 70)
    /// An output file or folder cannot be created (`EX_CANTCREAT`).
    public static let cannotCreate = ExitStatus(rawValue: 73)
    /// Reading or writing failed part-way, the store included (`EX_IOERR`).
    public static let ioError = ExitStatus(rawValue: 74)

    /// The code as a number.
    public var description: String { String(rawValue) }
}
