/// One named object of a Compound File: a storage (a folder) or a stream (a file).
///
/// Outlook keeps each MAPI property, recipient and attachment as a named stream or storage,
/// so readers find them by name through ``CompoundFile/child(named:of:)``.
public struct CFBDirectoryEntry: Sendable, Hashable {
    /// What a directory entry is ([MS-CFB] §2.6.1, Object Type).
    public enum ObjectType: UInt8, Sendable, Hashable {
        /// The root storage (entry 0), which also owns the mini stream.
        case root = 5
        /// A storage: holds other entries.
        case storage = 1
        /// A stream: holds bytes.
        case stream = 2
    }

    /// The entry's number in the directory (its stream ID).
    public var id: Int
    /// The name, decoded from UTF-16LE (at most 31 characters).
    public var name: String
    /// Storage, stream or root.
    public var type: ObjectType
    /// The stream's size in bytes (0 for storages; for the root, the mini stream's size).
    public var size: Int
    /// The first sector of the stream's chain (in the mini stream when `size` is below the
    /// cutoff).
    var startSector: UInt32
    /// How many storages enclose it (0 for the root, 1 for the root's children).
    public var depth: Int
}
