// The checked readers behind `CompoundFile.init`: DIFAT and FAT, sector chains, the directory
// tree. Each loop is bounded by the number of sectors or entries in the file.

extension CompoundFile {
    /// How many FAT sector numbers the header itself holds ([MS-CFB] §2.2, DIFAT).
    static let headerDIFATCount = 109

    /// Reads the FAT through the DIFAT (the header's 109 entries, then the DIFAT sector chain).
    ///
    /// - Complexity: O(sectorCount).
    static func readFAT(
        bytes: [UInt8], header: CFBByteReader, sectorSize: Int, sectorCount: Int
    ) throws(CFBError) -> [UInt32] {
        let fatSectorCount = Int(header.u32(44))
        guard fatSectorCount <= sectorCount else {
            throw .invalidHeader(field: "number of FAT sectors", value: fatSectorCount)
        }
        let difatSectorCount = Int(header.u32(72))
        guard difatSectorCount <= sectorCount else {
            throw .invalidHeader(field: "number of DIFAT sectors", value: difatSectorCount)
        }
        var locations: [UInt32] = []
        locations.reserveCapacity(fatSectorCount)
        for index in 0..<min(headerDIFATCount, fatSectorCount) {
            locations.append(header.u32(76 + index * 4))
        }
        // The DIFAT chain: each sector holds sectorSize/4 - 1 FAT locations, then the next.
        var difatSector = header.u32(68)
        var visited = Set<UInt32>()
        let perSector = sectorSize / 4 - 1
        while locations.count < fatSectorCount {
            guard difatSector != endOfChain, difatSector != freeSector else { break }
            guard Int(difatSector) < sectorCount else {
                throw .sectorOutOfRange(chain: "DIFAT chain", sector: difatSector)
            }
            guard visited.insert(difatSector).inserted else {
                throw .chainCycle(chain: "DIFAT chain", sector: difatSector)
            }
            let offset = (Int(difatSector) + 1) * sectorSize
            for index in 0..<perSector where locations.count < fatSectorCount {
                locations.append(header.u32(offset + index * 4))
            }
            difatSector = header.u32(offset + perSector * 4)
        }
        guard locations.count == fatSectorCount else {
            throw .chainTooShort(
                chain: "DIFAT", expected: fatSectorCount * 4, found: locations.count * 4)
        }
        var fat: [UInt32] = []
        fat.reserveCapacity(sectorCount)
        var seen = Set<UInt32>()
        for location in locations {
            guard Int(location) < sectorCount else {
                throw .sectorOutOfRange(chain: "DIFAT (FAT sector list)", sector: location)
            }
            guard seen.insert(location).inserted else {
                throw .chainCycle(chain: "DIFAT (FAT sector list)", sector: location)
            }
            let offset = (Int(location) + 1) * sectorSize
            for index in 0..<(sectorSize / 4) where fat.count < sectorCount {
                fat.append(header.u32(offset + index * 4))
            }
        }
        while fat.count < sectorCount { fat.append(freeSector) }
        return fat
    }

    /// The sectors of a chain whose length is not declared (the directory, the mini FAT),
    /// followed until ENDOFCHAIN.
    ///
    /// - Throws: ``CFBError/sectorOutOfRange(chain:sector:)`` or
    ///   ``CFBError/chainCycle(chain:sector:)``.
    /// - Complexity: O(chain length), at most `limit`.
    static func chain(fat: [UInt32], start: UInt32, limit: Int, name: String) throws(CFBError)
        -> [Int]
    {
        var sectors: [Int] = []
        var visited = Set<UInt32>()
        var sector = start
        while sector != endOfChain && sector != freeSector {
            guard Int(sector) < fat.count, Int(sector) < limit else {
                throw .sectorOutOfRange(chain: name, sector: sector)
            }
            guard visited.insert(sector).inserted else {
                throw .chainCycle(chain: name, sector: sector)
            }
            sectors.append(Int(sector))
            sector = fat[Int(sector)]
        }
        return sectors
    }

    /// Reads `size` bytes along a FAT chain.
    ///
    /// - Complexity: O(size): only the sectors the size needs are visited.
    static func read(
        bytes: [UInt8], fat: [UInt32], start: UInt32, size: Int, sectorSize: Int,
        sectorCount: Int, name: String
    ) throws(CFBError) -> [UInt8] {
        // Sector n starts after the 1-sector header.
        try follow(
            source: bytes, table: fat, start: start, size: size, unit: sectorSize,
            firstUnit: 1, limit: min(sectorCount, fat.count), name: name, where: name)
    }

    /// Reads `size` bytes along a mini FAT chain from the mini stream.
    ///
    /// - Complexity: O(size).
    static func readMini(
        miniStream: [UInt8], miniFAT: [UInt32], start: UInt32, size: Int, name: String
    ) throws(CFBError) -> [UInt8] {
        try follow(
            source: miniStream, table: miniFAT, start: start, size: size, unit: miniSectorSize,
            firstUnit: 0, limit: miniFAT.count, name: name, where: name + " (mini stream)")
    }

    /// Follows one allocation chain (FAT or mini FAT): the one place where chains are checked
    /// for cycles, sectors past the end and chains shorter than their stream.
    ///
    /// - Parameters:
    ///   - source: the bytes the sectors index into.
    ///   - table: the allocation table (next sector of each sector).
    ///   - start: the first sector.
    ///   - size: the stream's size in bytes.
    ///   - unit: the sector size.
    ///   - firstUnit: sectors before sector 0 in `source` (the header, for the FAT).
    ///   - limit: the number of sectors that exist.
    ///   - name: the stream, for "too short" errors.
    ///   - chain: the chain, for cycle and range errors.
    /// - Returns: the stream's `size` bytes.
    /// - Throws: ``CFBError`` naming the chain and sector.
    /// - Complexity: O(size).
    private static func follow(
        source: [UInt8], table: [UInt32], start: UInt32, size: Int, unit: Int, firstUnit: Int,
        limit: Int, name: String, where chain: String
    ) throws(CFBError) -> [UInt8] {
        var out: [UInt8] = []
        guard size > 0 else { return out }
        out.reserveCapacity(size)
        var visited = Set<UInt32>()
        var sector = start
        while out.count < size {
            guard sector != endOfChain else {
                throw .chainTooShort(chain: name, expected: size, found: out.count)
            }
            guard Int(sector) < limit else {
                throw .sectorOutOfRange(chain: chain, sector: sector)
            }
            guard visited.insert(sector).inserted else {
                throw .chainCycle(chain: chain, sector: sector)
            }
            let offset = (Int(sector) + firstUnit) * unit
            let take = min(unit, size - out.count, max(0, source.count - offset))
            guard take > 0 else {
                throw .chainTooShort(chain: name, expected: size, found: out.count)
            }
            out.append(contentsOf: source[offset..<(offset + take)])
            sector = table[Int(sector)]
        }
        return out
    }

    /// Walks the directory tree from the root.
    ///
    /// Each storage's children form a binary tree of siblings ([MS-CFB] §2.6.4). Every entry may
    /// be reached once; storages nest at most
    /// ``maximumStorageDepth`` deep; the streams' sizes must fit, together, in the file.
    ///
    /// - Complexity: O(entries), iterative (no recursion on input).
    static func walkTree(
        raw: [CFBRawEntry], capacity: Int, miniCapacity: Int
    ) throws(CFBError) -> ([CFBDirectoryEntry?], [Int: [String: Int]]) {
        var entries = [CFBDirectoryEntry?](repeating: nil, count: raw.count)
        var children: [Int: [String: Int]] = [:]
        var visited = [Bool](repeating: false, count: raw.count)
        visited[0] = true
        entries[0] = CFBDirectoryEntry(
            id: 0, name: raw[0].name, type: .root, size: miniCapacity, startSector: raw[0].start,
            depth: 0)
        var claimed = miniCapacity
        var miniClaimed = 0
        var storages: [(id: Int, depth: Int)] = [(0, 0)]
        while let storage = storages.popLast() {
            var names: [String: Int] = [:]
            var pending: [(id: UInt32, from: Int)] = []
            if raw[storage.id].child != noStream {
                pending.append((raw[storage.id].child, storage.id))
            }
            while let (candidate, from) = pending.popLast() {
                guard Int(candidate) < raw.count else {
                    throw .entryOutOfRange(from: from, to: candidate)
                }
                let id = Int(candidate)
                guard !visited[id] else { throw .directoryCycle(entry: id) }
                visited[id] = true
                let item = raw[id]
                let depth = storage.depth + 1
                guard depth <= maximumStorageDepth else {
                    throw .storageTooDeep(entry: id, depth: depth)
                }
                var entry = CFBDirectoryEntry(
                    id: id, name: item.name, type: .stream, size: 0, startSector: item.start,
                    depth: depth)
                switch item.type {
                case CFBDirectoryEntry.ObjectType.stream.rawValue:
                    if item.size < UInt64(miniStreamCutoff) {
                        guard item.size <= UInt64(miniCapacity) else {
                            throw .streamTooLarge(
                                name: item.name, size: item.size, available: miniCapacity)
                        }
                        miniClaimed += Int(item.size)
                    } else {
                        guard item.size <= UInt64(capacity) else {
                            throw .streamTooLarge(
                                name: item.name, size: item.size, available: capacity)
                        }
                        claimed += Int(item.size)
                    }
                    entry.size = Int(item.size)
                case CFBDirectoryEntry.ObjectType.storage.rawValue:
                    entry.type = .storage
                    storages.append((id, depth))
                default:
                    throw .invalidEntry(
                        entry: id, reason: "object type \(item.type) inside a storage")
                }
                guard !item.name.isEmpty else {
                    throw .invalidEntry(entry: id, reason: "empty name")
                }
                entries[id] = entry
                let key = item.name.uppercased()
                if names[key] == nil { names[key] = id }
                if item.left != noStream { pending.append((item.left, id)) }
                if item.right != noStream { pending.append((item.right, id)) }
            }
            children[storage.id] = names
        }
        guard claimed <= capacity else {
            throw .overlappingStreams(claimed: claimed, available: capacity)
        }
        guard miniClaimed <= miniCapacity else {
            throw .overlappingStreams(claimed: miniClaimed, available: miniCapacity)
        }
        return (entries, children)
    }
}

/// A directory entry as stored (128 bytes, [MS-CFB] §2.6.1), before the tree is checked.
struct CFBRawEntry {
    var name: String
    var type: UInt8
    var left: UInt32
    var right: UInt32
    var child: UInt32
    var start: UInt32
    var size: UInt64

    init(bytes: [UInt8], offset: Int, major: UInt16) {
        let reader = CFBByteReader(bytes: bytes)
        type = reader.u8(offset + 66)
        // Unused entries (type 0) fill most directory sectors; their names are never read.
        if type == 0 {
            name = ""
        } else {
            let nameBytes = min(64, Int(reader.u16(offset + 64)))
            var units: [UInt16] = []
            units.reserveCapacity(31)
            for index in 0..<max(0, nameBytes / 2 - 1) {
                units.append(reader.u16(offset + index * 2))
            }
            name = String(decoding: units, as: UTF16.self)
        }
        left = reader.u32(offset + 68)
        right = reader.u32(offset + 72)
        child = reader.u32(offset + 76)
        start = reader.u32(offset + 116)
        let size = reader.u64(offset + 120)
        // Version 3 writers may leave garbage in the high half ([MS-CFB] §2.6.3).
        self.size = major == 3 ? size & 0xFFFF_FFFF : size
    }
}
