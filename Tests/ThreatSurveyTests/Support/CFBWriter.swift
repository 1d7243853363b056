import Foundation

/// A tiny Compound File writer for tests: enough of [MS-CFB] to build `.msg` fixtures and
/// files to corrupt by hand (version 3 or 4 sectors, mini stream, DIFAT sectors when the FAT
/// needs more than 109 sectors). Each storage's children form a right-leaning sibling chain.
struct CFBWriter {
    indirect enum Node {
        case stream(String, [UInt8])
        case storage(String, [Node])

        var name: String {
            switch self {
            case .stream(let name, _), .storage(let name, _): return name
            }
        }
    }

    /// Where the writer put things, for tests that corrupt them.
    struct Image {
        var bytes: [UInt8]
        var sectorSize: Int
        var fatSectors: [Int]
        var difatSectors: [Int]
        var directorySectors: [Int]
        var miniFATSectors: [Int]
        /// Directory ID of each entry, by path joined with "/".
        var ids: [String: Int]
        /// The first sector (regular or mini) of each stream, by path.
        var starts: [String: Int]

        func offset(ofSector sector: Int) -> Int { (sector + 1) * sectorSize }

        /// The byte offset of a directory entry.
        func entryOffset(_ id: Int) -> Int {
            let perSector = sectorSize / 128
            return offset(ofSector: directorySectors[id / perSector]) + (id % perSector) * 128
        }

        /// The byte offset of FAT entry `index`.
        func fatOffset(_ index: Int) -> Int {
            let perSector = sectorSize / 4
            return offset(ofSector: fatSectors[index / perSector]) + (index % perSector) * 4
        }

        func miniFATOffset(_ index: Int) -> Int {
            let perSector = sectorSize / 4
            return offset(ofSector: miniFATSectors[index / perSector]) + (index % perSector) * 4
        }

        mutating func setU32(_ value: UInt32, at offset: Int) {
            for i in 0..<4 {
                bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i)))
            }
        }

        mutating func setU64(_ value: UInt64, at offset: Int) {
            for i in 0..<8 {
                bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))
            }
        }
    }

    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let free: UInt32 = 0xFFFF_FFFF
    static let fatMark: UInt32 = 0xFFFF_FFFD
    static let difatMark: UInt32 = 0xFFFF_FFFC

    var version = 3

    func write(_ children: [Node]) -> Image {
        let sectorSize = version == 4 ? 4096 : 512
        // Flatten the tree: entry 0 is the root.
        struct Flat {
            var name: String; var type: UInt8; var data: [UInt8]; var children: [Int];
            var path: String
        }
        var flat = [Flat(name: "Root Entry", type: 5, data: [], children: [], path: "")]
        var queue: [(Node, Int, String)] = children.map { ($0, 0, "") }
        var index = 0
        while index < queue.count {
            let (node, parent, prefix) = queue[index]
            index += 1
            let path = prefix.isEmpty ? node.name : prefix + "/" + node.name
            let id = flat.count
            flat[parent].children.append(id)
            switch node {
            case .stream(let name, let data):
                flat.append(Flat(name: name, type: 2, data: data, children: [], path: path))
            case .storage(let name, let nodes):
                flat.append(Flat(name: name, type: 1, data: [], children: [], path: path))
                queue += nodes.map { ($0, id, path) }
            }
        }
        // Mini stream: streams under 4096 bytes, in 64-byte mini sectors.
        var miniStream: [UInt8] = []
        var miniFAT: [UInt32] = []
        var starts: [String: Int] = [:]
        var miniStarts: [Int: UInt32] = [:]
        for (id, item) in flat.enumerated()
        where item.type == 2 && item.data.count < 4096 && !item.data.isEmpty {
            let first = miniFAT.count
            let count = (item.data.count + 63) / 64
            for k in 0..<count {
                miniFAT.append(k == count - 1 ? Self.endOfChain : UInt32(first + k + 1))
            }
            miniStream += item.data + [UInt8](repeating: 0, count: count * 64 - item.data.count)
            miniStarts[id] = UInt32(first)
            starts[item.path] = first
        }
        func sectors(_ bytes: Int) -> Int { (bytes + sectorSize - 1) / sectorSize }
        let directoryCount = sectors(flat.count * 128)
        let miniFATCount = sectors(miniFAT.count * 4)
        let miniStreamCount = sectors(miniStream.count)
        var dataCount = miniStreamCount
        for item in flat where item.type == 2 && item.data.count >= 4096 {
            dataCount += sectors(item.data.count)
        }
        // FAT and DIFAT sizes depend on each other and on the total.
        var fatCount = 1
        var difatCount = 0
        while true {
            let total = fatCount + difatCount + directoryCount + miniFATCount + dataCount
            let needFAT = sectors(total * 4)
            let needDIFAT =
                needFAT > 109 ? (needFAT - 109 + sectorSize / 4 - 2) / (sectorSize / 4 - 1) : 0
            if needFAT == fatCount && needDIFAT == difatCount { break }
            fatCount = needFAT
            difatCount = needDIFAT
        }
        let total = fatCount + difatCount + directoryCount + miniFATCount + dataCount
        var fat = [UInt32](repeating: Self.free, count: fatCount * sectorSize / 4)
        var body = [UInt8](repeating: 0, count: total * sectorSize)
        var next = 0
        func allocate(_ count: Int, mark: UInt32? = nil) -> [Int] {
            let run = Array(next..<(next + count))
            for (k, s) in run.enumerated() {
                fat[s] = mark ?? (k == count - 1 ? Self.endOfChain : UInt32(s + 1))
            }
            next += count
            return run
        }
        func put(_ data: [UInt8], at run: [Int]) {
            for (k, sector) in run.enumerated() where k * sectorSize < data.count {
                let chunk = data[(k * sectorSize)..<min(data.count, (k + 1) * sectorSize)]
                body.replaceSubrange(
                    (sector * sectorSize)..<(sector * sectorSize + chunk.count), with: chunk)
            }
        }
        func u32(_ v: UInt32) -> [UInt8] {
            (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * UInt32($0))) }
        }
        let fatRun = allocate(fatCount, mark: Self.fatMark)
        let difatRun = allocate(difatCount, mark: Self.difatMark)
        let directoryRun = allocate(directoryCount)
        let miniFATRun = allocate(miniFATCount)
        let miniStreamRun = allocate(miniStreamCount)
        put(
            miniFAT.flatMap(u32)
                + [UInt8](repeating: 0xFF, count: miniFATCount * sectorSize - miniFAT.count * 4),
            at: miniFATRun)
        put(miniStream, at: miniStreamRun)
        var regularStarts: [Int: UInt32] = [:]
        for (id, item) in flat.enumerated() where item.type == 2 && item.data.count >= 4096 {
            let run = allocate(sectors(item.data.count))
            put(item.data, at: run)
            regularStarts[id] = UInt32(run[0])
            starts[item.path] = run[0]
        }
        // Directory entries.
        var directory = [UInt8](repeating: 0, count: directoryCount * sectorSize)
        for k in stride(from: 0, to: directory.count, by: 128) {
            // Unused entries: no siblings, no child.
            for f in [68, 72, 76] {
                directory.replaceSubrange((k + f)..<(k + f + 4), with: u32(Self.free))
            }
        }
        var ids: [String: Int] = [:]
        for (id, item) in flat.enumerated() {
            ids[item.path] = id
            let base = id * 128
            let units = Array(item.name.utf16.prefix(31))
            for (k, unit) in units.enumerated() {
                directory[base + 2 * k] = UInt8(unit & 0xFF)
                directory[base + 2 * k + 1] = UInt8(unit >> 8)
            }
            directory[base + 64] = UInt8((units.count + 1) * 2)
            directory[base + 66] = item.type
            directory[base + 67] = 1  // black
            directory.replaceSubrange(
                (base + 76)..<(base + 80),
                with: u32(item.children.first.map(UInt32.init) ?? Self.free))
            var start = Self.endOfChain
            var size = item.data.count
            if id == 0 {
                start = miniStreamRun.first.map(UInt32.init) ?? Self.endOfChain
                size = miniStream.count
            } else if let s = miniStarts[id] ?? regularStarts[id] {
                start = s
            }
            directory.replaceSubrange((base + 116)..<(base + 120), with: u32(start))
            directory.replaceSubrange((base + 120)..<(base + 124), with: u32(UInt32(size)))
            // Right-leaning sibling chain.
            for (k, child) in item.children.enumerated() where k + 1 < item.children.count {
                let childBase = child * 128
                directory.replaceSubrange(
                    (childBase + 72)..<(childBase + 76), with: u32(UInt32(item.children[k + 1])))
            }
        }
        put(directory, at: directoryRun)
        put(fat.flatMap(u32), at: fatRun)
        // DIFAT: the header holds 109 FAT locations, DIFAT sectors the rest.
        var difat = [UInt8]()
        let perDIFAT = sectorSize / 4 - 1
        for (k, sector) in difatRun.enumerated() {
            var entries = [UInt32](repeating: Self.free, count: perDIFAT)
            for j in 0..<perDIFAT where 109 + k * perDIFAT + j < fatRun.count {
                entries[j] = UInt32(fatRun[109 + k * perDIFAT + j])
            }
            entries.append(k + 1 < difatRun.count ? UInt32(difatRun[k + 1]) : Self.endOfChain)
            difat += entries.flatMap(u32)
            _ = sector
        }
        put(difat, at: difatRun)
        // Header.
        var header = [UInt8](repeating: 0, count: sectorSize)
        header.replaceSubrange(0..<8, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        func set16(_ v: UInt16, _ at: Int) {
            header[at] = UInt8(v & 0xFF); header[at + 1] = UInt8(v >> 8)
        }
        func set32(_ v: UInt32, _ at: Int) { header.replaceSubrange(at..<(at + 4), with: u32(v)) }
        set16(0x3E, 24)
        set16(UInt16(version), 26)
        set16(0xFFFE, 28)
        set16(version == 4 ? 12 : 9, 30)
        set16(6, 32)
        set32(version == 4 ? UInt32(directoryCount) : 0, 40)
        set32(UInt32(fatCount), 44)
        set32(UInt32(directoryRun[0]), 48)
        set32(4096, 56)
        set32(miniFATRun.first.map(UInt32.init) ?? Self.endOfChain, 60)
        set32(UInt32(miniFATCount), 64)
        set32(difatRun.first.map(UInt32.init) ?? Self.endOfChain, 68)
        set32(UInt32(difatCount), 72)
        for k in 0..<109 { set32(k < fatRun.count ? UInt32(fatRun[k]) : Self.free, 76 + 4 * k) }
        return Image(
            bytes: header + body, sectorSize: sectorSize, fatSectors: fatRun,
            difatSectors: difatRun,
            directorySectors: directoryRun, miniFATSectors: miniFATRun, ids: ids, starts: starts)
    }
}
