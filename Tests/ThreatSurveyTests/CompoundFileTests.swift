import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Compound File")
struct CompoundFileTests {
    static let small = (0..<200).map { UInt8(truncatingIfNeeded: $0 * 7) }
    static let big = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 13 + 1) }

    /// A file with a mini-stream stream, a regular stream and a storage holding a stream.
    static func sample(version: Int = 3) -> CFBWriter.Image {
        CFBWriter(version: version).write([
            .stream("Small", small),
            .stream("Big", big),
            .storage("Folder", [.stream("Inner", Array("inner text".utf8))]),
        ])
    }

    static func open(_ image: CFBWriter.Image) throws(CFBError) -> CompoundFile {
        try CompoundFile(bytes: image.bytes)
    }

    @Test("streams are read from the mini stream and from regular sectors", arguments: [3, 4])
    func readsStreams(version: Int) throws {
        let file = try Self.open(Self.sample(version: version))
        #expect(file.sectorSize == (version == 4 ? 4096 : 512))
        #expect(try file.contents(of: #require(file.entry(atPath: ["Small"]))) == Self.small)
        #expect(try file.contents(of: #require(file.entry(atPath: ["Big"]))) == Self.big)
        // Names compare case-insensitively, as MS-CFB says.
        let inner = try #require(file.entry(atPath: ["FOLDER", "inner"]))
        #expect(try file.contents(of: inner) == Array("inner text".utf8))
        #expect(inner.depth == 2)
        #expect(Set(file.children(of: file.root).map(\.name)) == ["Small", "Big", "Folder"])
        #expect(file.entry(atPath: ["Missing"]) == nil)
        #expect(file.kind == .other)
    }

    @Test("a FAT of more than 109 sectors is found through chained DIFAT sectors")
    func difatSectors() throws {
        // 110 FAT sectors of 128 entries map ~14,000 sectors: a 7 MB stream.
        let huge = (0..<(7 << 20)).map { UInt8(truncatingIfNeeded: $0 >> 9) }
        var image = CFBWriter().write([.stream("Huge", huge)])
        #expect(image.fatSectors.count > 109)
        #expect(image.difatSectors.count == 1)
        let file = try Self.open(image)
        #expect(try file.contents(of: #require(file.entry(atPath: ["Huge"]))) == huge)

        // A DIFAT chain that loops back on itself while FAT sectors are still missing.
        let difat = image.difatSectors[0]
        image.setU32(UInt32(image.fatSectors.count + 200), at: 44)
        image.setU32(UInt32(difat), at: image.offset(ofSector: difat) + 508)
        #expect(throws: CFBError.chainCycle(chain: "DIFAT chain", sector: UInt32(difat))) {
            try Self.open(image)
        }
        // A DIFAT chain that starts past the end of the file.
        image.setU32(99_999, at: 68)
        #expect(throws: CFBError.sectorOutOfRange(chain: "DIFAT chain", sector: 99_999)) {
            try Self.open(image)
        }
    }

    @Test("a file that is not a compound file, too short or too large is refused")
    func refusesNonCompoundFiles() throws {
        #expect(throws: CFBError.truncated(size: 100)) {
            try CompoundFile(bytes: [UInt8](repeating: 0, count: 100))
        }
        #expect(throws: CFBError.notCompoundFile) {
            try CompoundFile(bytes: Array("PK\u{3}\u{4}".utf8) + [UInt8](repeating: 0, count: 600))
        }
        let limit = CompoundFile.maximumFileSize
        #expect(throws: CFBError.tooLarge(size: limit + 1)) {
            try CompoundFile(bytes: [UInt8](repeating: 0, count: limit + 1))
        }
        var image = Self.sample()
        image.bytes[26] = 5  // major version 5
        #expect(
            throws: CFBError.invalidHeader(field: "major version 5 with sector shift", value: 9)
        ) {
            try Self.open(image)
        }
    }

    @Test("a sector chain that loops is refused, in the FAT and in the mini FAT")
    func chainCycles() throws {
        var image = Self.sample()
        // The directory chain points back at itself.
        let directory = image.directorySectors[0]
        var looped = image
        looped.setU32(UInt32(directory), at: image.fatOffset(directory))
        #expect(throws: CFBError.chainCycle(chain: "directory chain", sector: UInt32(directory))) {
            try Self.open(looped)
        }
        // The big stream's third sector leads back to its first.
        let start = try #require(image.starts["Big"])
        image.setU32(UInt32(start), at: image.fatOffset(start + 2))
        let file = try Self.open(image)
        #expect(throws: CFBError.chainCycle(chain: "stream \"Big\"", sector: UInt32(start))) {
            try file.contents(of: #require(file.entry(atPath: ["Big"])))
        }
        // The small stream's first mini sector leads back to itself.
        var mini = Self.sample()
        let miniStart = try #require(mini.starts["Small"])
        mini.setU32(UInt32(miniStart), at: mini.miniFATOffset(miniStart))
        let miniFile = try Self.open(mini)
        #expect(
            throws: CFBError.chainCycle(
                chain: "stream \"Small\" (mini stream)", sector: UInt32(miniStart))
        ) {
            try miniFile.contents(of: #require(miniFile.entry(atPath: ["Small"])))
        }
    }

    @Test("a sector number past the end of the file is refused")
    func sectorsPastTheEnd() throws {
        var image = Self.sample()
        image.setU32(99_999, at: 48)  // first directory sector
        #expect(throws: CFBError.sectorOutOfRange(chain: "directory chain", sector: 99_999)) {
            try Self.open(image)
        }

        var stream = Self.sample()
        let start = try #require(stream.starts["Big"])
        stream.setU32(99_999, at: stream.fatOffset(start + 1))
        let file = try Self.open(stream)
        #expect(throws: CFBError.sectorOutOfRange(chain: "stream \"Big\"", sector: 99_999)) {
            try file.contents(of: #require(file.entry(atPath: ["Big"])))
        }
    }

    @Test("a stream size past the end of the file or of its chain is refused")
    func sizesPastTheEnd() throws {
        var image = Self.sample()
        let big = try #require(image.ids["Big"])
        image.setU64(50_000_000, at: image.entryOffset(big) + 120)
        #expect(
            throws: CFBError.streamTooLarge(
                name: "Big", size: 50_000_000, available: image.bytes.count - 512)
        ) {
            try Self.open(image)
        }
        // Two streams whose sizes fit one by one but not together.
        var overlapping = Self.sample()
        let capacity = overlapping.bytes.count - 512
        overlapping.setU64(UInt64(capacity - 100), at: overlapping.entryOffset(big) + 120)
        // Claimed: the new size, plus the root's mini stream (200 + 10 bytes in 64-byte sectors).
        #expect(
            throws: CFBError.overlappingStreams(claimed: capacity - 100 + 320, available: capacity)
        ) {
            try Self.open(overlapping)
        }
        // The chain ends after two sectors although the size says twenty.
        var short = Self.sample()
        let start = try #require(short.starts["Big"])
        short.setU32(CFBWriter.endOfChain, at: short.fatOffset(start + 1))
        let file = try Self.open(short)
        #expect(
            throws: CFBError.chainTooShort(chain: "stream \"Big\"", expected: 10_000, found: 1024)
        ) {
            try file.contents(of: #require(file.entry(atPath: ["Big"])))
        }
    }

    @Test("a directory tree with a loop, an entry past its end or a bad type is refused")
    func directoryTreeLoops() throws {
        let sample = Self.sample()
        // Root's children form the chain Small → Big → Folder; Folder points back to Small.
        var image = sample
        let small = try #require(sample.ids["Small"])
        let folder = try #require(sample.ids["Folder"])
        image.setU32(UInt32(small), at: image.entryOffset(folder) + 72)
        #expect(throws: CFBError.directoryCycle(entry: small)) { try Self.open(image) }
        // A storage whose child is the root.
        var root = sample
        root.setU32(0, at: root.entryOffset(folder) + 76)
        #expect(throws: CFBError.directoryCycle(entry: 0)) { try Self.open(root) }
        // A child past the directory's end.
        var far = sample
        far.setU32(5000, at: far.entryOffset(folder) + 76)
        #expect(throws: CFBError.entryOutOfRange(from: folder, to: 5000)) { try Self.open(far) }
        // An entry of an unknown type.
        var typed = sample
        typed.bytes[typed.entryOffset(small) + 66] = 7
        #expect(
            throws: CFBError.invalidEntry(entry: small, reason: "object type 7 inside a storage")
        ) {
            try Self.open(typed)
        }
    }

    @Test("storages nested deeper than the limit are refused")
    func excessiveDepth() throws {
        func nested(_ depth: Int) -> CFBWriter.Node {
            var node = CFBWriter.Node.stream("Leaf", [1, 2, 3])
            for level in 0..<depth { node = .storage("S\(level)", [node]) }
            return node
        }
        let limit = CompoundFile.maximumStorageDepth
        // Storages 1…63 deep, the leaf stream 64 deep: accepted.
        let ok = try CompoundFile(bytes: CFBWriter().write([nested(limit - 1)]).bytes)
        #expect(ok.children(of: ok.root).count == 1)
        // Entry IDs follow depth here (one entry per level), so entry 65 is the first too deep.
        #expect(throws: CFBError.storageTooDeep(entry: limit + 1, depth: limit + 1)) {
            try CompoundFile(bytes: CFBWriter().write([nested(limit + 5)]).bytes)
        }
    }

    @Test("a directory with more entries than the limit is refused before it is parsed")
    func tooManyDirectoryEntries() throws {
        // Version 4, by hand: FAT in sectors 0–2, a directory chain of 2,049 sectors (32 entries
        // each) from sector 3.
        let sectorSize = 4096
        let directorySectors = CompoundFile.maximumDirectoryEntries / 32 + 1
        let total = 3 + directorySectors
        var image = CFBWriter.Image(
            bytes: [UInt8](repeating: 0, count: (total + 1) * sectorSize), sectorSize: sectorSize,
            fatSectors: [0, 1, 2], difatSectors: [], directorySectors: Array(3..<total),
            miniFATSectors: [], ids: [:], starts: [:])
        image.bytes.replaceSubrange(0..<8, with: CompoundFile.signature)
        image.bytes[26] = 4
        image.bytes[28] = 0xFE
        image.bytes[29] = 0xFF
        image.bytes[30] = 12
        image.bytes[32] = 6
        image.setU32(3, at: 44)
        image.setU32(3, at: 48)
        image.setU32(4096, at: 56)
        image.setU32(CFBWriter.endOfChain, at: 60)
        image.setU32(CFBWriter.endOfChain, at: 68)
        for k in 0..<109 { image.setU32(k < 3 ? UInt32(k) : CFBWriter.free, at: 76 + 4 * k) }
        for sector in 0..<total {
            let next: UInt32 =
                sector < 3
                ? CFBWriter.fatMark
                : (sector == total - 1 ? CFBWriter.endOfChain : UInt32(sector + 1))
            image.setU32(next, at: image.fatOffset(sector))
        }
        #expect(throws: CFBError.tooManyDirectoryEntries(count: directorySectors * 32)) {
            try CompoundFile(bytes: image.bytes)
        }
    }

    @Test(
        "the kind of a compound file is told from the names at its root",
        arguments: [
            (["WordDocument", "1Table"], CompoundFile.Kind.legacyWord),
            (["Workbook"], .legacyExcel),
            (["Book"], .legacyExcel),
            (["EncryptionInfo", "EncryptedPackage"], .encryptedOOXML),
            (["EncryptedPackage"], .other),
            (["__properties_version1.0"], .outlookMessage),
            (["__substg1.0_0037001F"], .outlookMessage),
            (["PowerPoint Document"], .other),
        ])
    func kinds(names: [String], kind: CompoundFile.Kind) throws {
        let file = try CompoundFile(
            bytes: CFBWriter().write(names.map { .stream($0, [0, 1]) }).bytes)
        #expect(file.kind == kind)
    }
}
