/// A Compound File Binary file ([MS-CFB]) opened for reading: its storages and streams by name.
///
/// Outlook `.msg`, legacy Word `.doc` and Excel `.xls`, and password-protected Office files are
/// all Compound Files: a small FAT file system inside one file. Opening one reads and checks the
/// header, the DIFAT, the FAT, the mini FAT, the mini stream and the directory tree up front, so
/// that a hostile file fails here with a ``CFBError`` and every later read is bounded: chains
/// that loop or leave the file, sizes past the end, directory trees that loop or nest too deep,
/// too many entries and files over ``maximumFileSize`` are refused.
///
/// ```swift
/// let file = try CompoundFile(bytes: bytes)
/// if let entry = file.entry(atPath: ["__substg1.0_0037001F"]) {
///     let subject = try file.contents(of: entry)
/// }
/// ```
///
/// - Complexity: Opening is O(n) in the file's size; reading a stream is O(its size).
public struct CompoundFile: Sendable {
    /// The eight bytes every Compound File starts with ([MS-CFB] §2.2).
    public static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// The largest file opened: 256 MiB. A questionnaire answer by mail is far smaller; the cap
    /// keeps a hostile file from making the tool hold gigabytes.
    public static let maximumFileSize = 256 << 20
    /// The most directory entries read: 65,536. An Outlook message uses one per property,
    /// recipient and attachment (hundreds); the cap bounds the directory walk and its memory.
    public static let maximumDirectoryEntries = 65_536
    /// The deepest nesting accepted: an entry inside at most 64 storages (the root's children
    /// are 1 deep). A message forwarded inside a message adds two levels; real files stay under
    /// ten, and the cap bounds any recursion over the tree by the readers above.
    public static let maximumStorageDepth = 64
    /// Streams smaller than this live in the mini stream ([MS-CFB] §2.2: MUST be 4096).
    static let miniStreamCutoff = 4096
    /// The mini stream's sector size ([MS-CFB] §2.2: mini sector shift MUST be 6).
    static let miniSectorSize = 64

    // Special sector numbers ([MS-CFB] §2.1).
    static let maxRegularSector: UInt32 = 0xFFFF_FFFA
    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let freeSector: UInt32 = 0xFFFF_FFFF
    static let noStream: UInt32 = 0xFFFF_FFFF

    /// The file's bytes.
    private let bytes: [UInt8]
    /// 512 (version 3) or 4096 (version 4).
    let sectorSize: Int
    /// How many sectors follow the header (the last may be short).
    let sectorCount: Int
    /// The FAT, one next-sector number per sector of the file.
    private let fat: [UInt32]
    /// The mini FAT, one next-mini-sector number per mini sector.
    private let miniFAT: [UInt32]
    /// The mini stream's bytes (the root entry's stream).
    private let miniStream: [UInt8]
    /// Every entry reachable from the root, indexed by directory ID (`nil` if not reachable).
    private let entries: [CFBDirectoryEntry?]
    /// The children of each storage, keyed by upper-cased name ([MS-CFB] compares names
    /// case-insensitively).
    private let children: [Int: [String: Int]]

    /// Opens a Compound File, checking every structure it relies on.
    ///
    /// - Throws: ``CFBError`` naming the first structure found damaged.
    /// - Complexity: O(n) in `bytes.count`.
    public init(bytes: [UInt8]) throws(CFBError) {
        guard bytes.count <= Self.maximumFileSize else { throw .tooLarge(size: bytes.count) }
        guard bytes.count >= 512 else { throw .truncated(size: bytes.count) }
        guard bytes.starts(with: Self.signature) else { throw .notCompoundFile }
        let header = CFBByteReader(bytes: bytes)
        let byteOrder = header.u16(28)
        guard byteOrder == 0xFFFE else {
            throw .invalidHeader(field: "byte order", value: Int(byteOrder))
        }
        let major = header.u16(26)
        let sectorShift = header.u16(30)
        switch (major, sectorShift) {
        case (3, 9): sectorSize = 512
        case (4, 12): sectorSize = 4096
        default:
            throw .invalidHeader(
                field: "major version \(major) with sector shift", value: Int(sectorShift))
        }
        let miniShift = header.u16(32)
        guard miniShift == 6 else {
            throw .invalidHeader(field: "mini sector shift", value: Int(miniShift))
        }
        let cutoff = header.u32(56)
        guard cutoff == UInt32(Self.miniStreamCutoff) else {
            throw .invalidHeader(field: "mini stream cutoff", value: Int(cutoff))
        }
        guard bytes.count >= sectorSize else { throw .truncated(size: bytes.count) }
        self.bytes = bytes
        sectorCount = (bytes.count - sectorSize + sectorSize - 1) / sectorSize

        fat = try Self.readFAT(
            bytes: bytes, header: header, sectorSize: sectorSize, sectorCount: sectorCount)

        // The directory: a FAT chain of 128-byte entries.
        let directorySectors = try Self.chain(
            fat: fat, start: header.u32(48), limit: sectorCount, name: "directory chain")
        let entryCount = directorySectors.count * (sectorSize / 128)
        guard entryCount <= Self.maximumDirectoryEntries else {
            throw .tooManyDirectoryEntries(count: entryCount)
        }
        var raw: [CFBRawEntry] = []
        raw.reserveCapacity(entryCount)
        for sector in directorySectors {
            let offset = (sector + 1) * sectorSize
            for index in 0..<(sectorSize / 128) {
                raw.append(CFBRawEntry(bytes: bytes, offset: offset + index * 128, major: major))
            }
        }
        guard let rootRaw = raw.first, rootRaw.type == CFBDirectoryEntry.ObjectType.root.rawValue
        else {
            throw .invalidEntry(entry: 0, reason: "the first entry is not the root storage")
        }

        // The mini stream (the root's stream, in regular sectors) and the mini FAT.
        let capacity = sectorCount * sectorSize
        guard rootRaw.size <= UInt64(capacity) else {
            throw .streamTooLarge(name: "Root Entry", size: rootRaw.size, available: capacity)
        }
        let miniStreamSize = Int(rootRaw.size)
        miniStream = try Self.read(
            bytes: bytes, fat: fat, start: rootRaw.start, size: miniStreamSize,
            sectorSize: sectorSize, sectorCount: sectorCount, name: "mini stream")
        let miniSectorCount = (miniStreamSize + Self.miniSectorSize - 1) / Self.miniSectorSize
        let miniFATSectors = try Self.chain(
            fat: fat, start: header.u32(60), limit: sectorCount, name: "mini FAT chain")
        var miniFAT: [UInt32] = []
        miniFAT.reserveCapacity(miniSectorCount)
        outer: for sector in miniFATSectors {
            let reader = CFBByteReader(bytes: bytes)
            for index in 0..<(sectorSize / 4) {
                if miniFAT.count == miniSectorCount { break outer }
                miniFAT.append(reader.u32((sector + 1) * sectorSize + index * 4))
            }
        }
        self.miniFAT = miniFAT

        (entries, children) = try Self.walkTree(
            raw: raw, capacity: capacity, miniCapacity: miniStreamSize)
    }

    /// The root storage.
    public var root: CFBDirectoryEntry {
        // Entry 0 is checked to be the root when the file is opened.
        entries.first.flatMap { $0 }
            ?? CFBDirectoryEntry(
                id: 0, name: "Root Entry", type: .root, size: 0, startSector: Self.endOfChain,
                depth: 0)
    }

    /// The entries directly inside a storage, in no particular order.
    ///
    /// - Complexity: O(k) for k children.
    public func children(of storage: CFBDirectoryEntry) -> [CFBDirectoryEntry] {
        (children[storage.id] ?? [:]).values.sorted().compactMap { entries[$0] }
    }

    /// The entry called `name` (compared case-insensitively, as [MS-CFB] does) inside a storage.
    public func child(named name: String, of storage: CFBDirectoryEntry) -> CFBDirectoryEntry? {
        guard let id = children[storage.id]?[name.uppercased()] else { return nil }
        return entries[id]
    }

    /// The entry at a path of names from the root (`["__attach_version1.0_#00000000",
    /// "__substg1.0_37010102"]`), or `nil`.
    ///
    /// - Complexity: O(path length).
    public func entry(atPath path: [String]) -> CFBDirectoryEntry? {
        var current = root
        for name in path {
            guard let next = child(named: name, of: current) else { return nil }
            current = next
        }
        return current
    }

    /// The bytes of a stream (empty for a storage).
    ///
    /// - Throws: ``CFBError`` when the stream's chain leaves the file, loops or ends early.
    /// - Complexity: O(size of the stream).
    public func contents(of entry: CFBDirectoryEntry) throws(CFBError) -> [UInt8] {
        switch entry.type {
        case .storage: return []
        case .root: return miniStream
        case .stream:
            if entry.size < Self.miniStreamCutoff {
                return try Self.readMini(
                    miniStream: miniStream, miniFAT: miniFAT, start: entry.startSector,
                    size: entry.size, name: "stream \"\(entry.name)\"")
            }
            return try Self.read(
                bytes: bytes, fat: fat, start: entry.startSector, size: entry.size,
                sectorSize: sectorSize, sectorCount: sectorCount, name: "stream \"\(entry.name)\"")
        }
    }
}
