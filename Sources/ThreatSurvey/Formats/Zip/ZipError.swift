public import Foundation

/// Why a zip archive (an `.xlsx`, `.ods` or `.docx` file) cannot be read, and where.
///
/// Office files are zip archives, and a hostile or damaged one must be refused with a sentence
/// the officer can act on ("the file is cut short", "password-protected") instead of a crash or
/// an exhausted machine. Offsets are byte offsets into the archive.
public enum ZipError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// No end-of-central-directory record: the bytes are not a zip archive at all.
    case notAZip
    /// A structure runs past the end of the file, or points outside it.
    case truncated(what: String, offset: Int)
    /// A signature or field holds a value a zip archive cannot have.
    case malformed(what: String, offset: Int)
    /// A ZIP64 archive (over 4 GiB or 65,535 entries), which is refused: no office file needs it.
    case zip64Unsupported
    /// An entry is encrypted (password-protected).
    case encryptedEntry(name: String)
    /// An entry is compressed with a method other than stored (0) or deflated (8).
    case unsupportedMethod(name: String, method: Int)
    /// A documented limit of `ZipArchive` was exceeded; `limit` says which and its value.
    case limitExceeded(limit: String, name: String?)
    /// Two entries have the same name, so which one is meant is ambiguous.
    case duplicateName(String)
    /// No entry of that name.
    case missingEntry(String)
    /// The compressed data of an entry is damaged.
    case corruptData(name: String, reason: String)
    /// An entry's data does not have the declared size.
    case sizeMismatch(name: String, declared: Int, actual: Int)
    /// An entry's data does not have the declared CRC-32.
    case crcMismatch(name: String)
    /// zlib could not compress an entry being written (``ZipWriter``): out of memory.
    case compressionFailed(name: String, reason: String)

    /// One sentence, lower case first word.
    public var description: String {
        switch self {
        case .notAZip:
            return "not a zip archive (no end of central directory record)"
        case .truncated(let what, let offset):
            return
                "the archive is cut short: \(what) at byte \(offset) runs past the end of the file"
        case .malformed(let what, let offset):
            return "the archive is damaged: \(what) at byte \(offset)"
        case .zip64Unsupported:
            return "ZIP64 archives (over 4 GiB or 65,535 entries) are not supported"
        case .encryptedEntry(let name):
            return
                "entry \(name) is encrypted (password-protected); save the file without a password"
        case .unsupportedMethod(let name, let method):
            return
                "entry \(name) uses compression method \(method); only stored (0) and deflated (8) are supported"
        case .limitExceeded(let limit, let name):
            return (name.map { "entry \($0): " } ?? "") + "limit exceeded: \(limit)"
        case .duplicateName(let name):
            return "two entries are named \(name)"
        case .missingEntry(let name):
            return "no entry named \(name)"
        case .corruptData(let name, let reason):
            return "entry \(name) is damaged: \(reason)"
        case .sizeMismatch(let name, let declared, let actual):
            return
                "entry \(name) declares \(declared) bytes but holds \(actual == Int.max ? "more" : String(actual))"
        case .crcMismatch(let name):
            return "entry \(name) fails its CRC-32 check (the file is damaged)"
        case .compressionFailed(let name, let reason):
            return "entry \(name) could not be compressed: \(reason)"
        }
    }

    /// The same sentence, for `LocalizedError` consumers.
    public var errorDescription: String? { description }
}
