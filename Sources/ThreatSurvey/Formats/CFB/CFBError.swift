public import Foundation

/// Why bytes could not be read as a Compound File ([MS-CFB]), saying what and where.
///
/// Outlook `.msg` files, legacy Word and Excel files and encrypted Office files all arrive
/// as Compound Files; a delegation's file can be damaged in transit or hostile, so every
/// structure is checked before it is trusted and each failure names the structure (the FAT,
/// the directory, a stream by name) and the sector or entry at fault.
public enum CFBError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// Fewer bytes than a header sector.
    case truncated(size: Int)
    /// Larger than ``CompoundFile/maximumFileSize``.
    case tooLarge(size: Int)
    /// The first eight bytes are not the Compound File signature.
    case notCompoundFile
    /// A header field holds a value [MS-CFB] §2.2 does not allow.
    case invalidHeader(field: String, value: Int)
    /// A sector chain names a sector that is not in the file.
    case sectorOutOfRange(chain: String, sector: UInt32)
    /// A sector chain comes back to a sector it already went through.
    case chainCycle(chain: String, sector: UInt32)
    /// A chain ends before it holds the bytes its owner declares (a size past the end).
    case chainTooShort(chain: String, expected: Int, found: Int)
    /// More directory entries than ``CompoundFile/maximumDirectoryEntries``.
    case tooManyDirectoryEntries(count: Int)
    /// A directory entry is reached twice while walking the tree (a cycle or a shared entry).
    case directoryCycle(entry: Int)
    /// A directory entry points at an entry number past the directory's end.
    case entryOutOfRange(from: Int, to: UInt32)
    /// A directory entry has a type or name the format does not allow.
    case invalidEntry(entry: Int, reason: String)
    /// An entry nested deeper than ``CompoundFile/maximumStorageDepth`` storages.
    case storageTooDeep(entry: Int, depth: Int)
    /// A stream declares more bytes than the file (or the mini stream) holds.
    case streamTooLarge(name: String, size: UInt64, available: Int)
    /// The streams together claim more bytes than the file holds: they overlap.
    case overlappingStreams(claimed: Int, available: Int)

    /// One sentence for the officer, lower case first word.
    public var description: String {
        switch self {
        case .truncated(let size):
            return "not a compound file: only \(size) bytes, shorter than its header"
        case .tooLarge(let size):
            return
                "compound file of \(size) bytes is larger than the \(CompoundFile.maximumFileSize >> 20) MiB limit"
        case .notCompoundFile:
            return "not a compound file: the signature D0 CF 11 E0 A1 B1 1A E1 is missing"
        case .invalidHeader(let field, let value):
            return "compound file header: \(field) is \(value), which MS-CFB does not allow"
        case .sectorOutOfRange(let chain, let sector):
            return "compound file \(chain) names sector \(sector), past the end of the file"
        case .chainCycle(let chain, let sector):
            return "compound file \(chain) loops back to sector \(sector)"
        case .chainTooShort(let chain, let expected, let found):
            return "compound file \(chain) ends after \(found) bytes, \(expected) were declared"
        case .tooManyDirectoryEntries(let count):
            return
                "compound file has \(count) directory entries, more than the limit of \(CompoundFile.maximumDirectoryEntries)"
        case .directoryCycle(let entry):
            return "compound file directory reaches entry \(entry) twice (a loop in the tree)"
        case .entryOutOfRange(let from, let to):
            return
                "compound file directory entry \(from) points at entry \(to), past the directory's end"
        case .invalidEntry(let entry, let reason):
            return "compound file directory entry \(entry): \(reason)"
        case .storageTooDeep(let entry, let depth):
            return
                "compound file entry \(entry) is nested \(depth) storages deep, more than the limit of \(CompoundFile.maximumStorageDepth)"
        case .streamTooLarge(let name, let size, let available):
            return
                "compound file stream \"\(name)\" declares \(size) bytes, but only \(available) are there"
        case .overlappingStreams(let claimed, let available):
            return
                "compound file streams claim \(claimed) bytes, but only \(available) are there (streams overlap)"
        }
    }

    /// The same sentence, for `localizedDescription`.
    public var errorDescription: String? { description }
}
