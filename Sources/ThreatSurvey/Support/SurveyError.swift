public import Foundation

/// Everything that can go wrong in threatsurvey, each case carrying what and where.
///
/// One enum for the whole library keeps the exit-code table in one place
/// (``exitStatus``) and lets the command-line shell print any failure the same way.
public enum SurveyError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// The command line is wrong; the message says how to fix it.
    case usage(String)
    /// One or more files held bad data; every problem is listed, in file order.
    case invalidData([Diagnostic])
    /// A file or folder the user named does not exist or cannot be read.
    case inputMissing(path: String, reason: String)
    /// A named thing (submission, questionnaire, grouping) is not known.
    case notFound(String)
    /// An output file or folder cannot be created.
    case cannotCreate(path: String, reason: String)
    /// The store or a file failed part-way through.
    case io(String)
    /// A bug: an invariant the code relies on does not hold.
    case internalError(String)

    /// The process exit code for this failure (sysexits, as the contract lists them).
    public var exitStatus: ExitStatus {
        switch self {
        case .usage: return .usage
        case .invalidData: return .dataError
        case .inputMissing: return .noInput
        case .notFound: return .dataError
        case .cannotCreate: return .cannotCreate
        case .io: return .ioError
        case .internalError: return .software
        }
    }

    /// The message as printed on standard error, one problem per line, safe for a terminal
    /// (paths and messages may carry text from a file or its name: see ``TerminalText``).
    public var description: String {
        if case .invalidData(let diagnostics) = self {
            return diagnostics.map(\.description).joined(separator: "\n")
        }
        return TerminalText.safe(rawDescription)
    }

    private var rawDescription: String {
        switch self {
        case .usage(let message):
            return "error: \(message)"
        case .invalidData(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .inputMissing(let path, let reason):
            return "\(path): error: \(reason)"
        case .notFound(let message):
            return "error: \(message)"
        case .cannotCreate(let path, let reason):
            return "\(path): error: cannot create: \(reason)"
        case .io(let message):
            return "error: \(message)"
        case .internalError(let message):
            return "error: internal error: \(message)"
        }
    }

    /// Forwards to ``description`` so Linux Foundation prints the real sentence.
    public var errorDescription: String? { description }
}
