/// A zip archive read from memory: the central directory up front, each entry's data on demand.
///
/// Office workbooks and documents (`.xlsx`, `.ods`, `.docx`) are zip archives of XML parts.
/// This reader is written for files that arrive by mail from outside, so it trusts nothing: the
/// central directory is found from the end-of-central-directory record, every offset and size is
/// checked against the file before use, and documented limits refuse zip bombs before any of
/// their declared size is allocated (``maximumEntries``, ``maximumTotalUncompressedBytes``,
/// ``maximumCompressionRatio`` beyond ``compressionRatioAllowance``, ``maximumNameLength``).
/// Entries are stored or deflated (inflated by the system zlib), CRC-32 checked; encrypted
/// entries, other methods and ZIP64 are refused with a ``ZipError`` saying so.
///
/// See PKWARE's APPNOTE.TXT, sections 4.3.7 (local header), 4.3.12 (central directory) and
/// 4.3.16 (end of central directory record).
package struct ZipArchive: Sendable {
    /// Most entries accepted: an office file has a few dozen; 10,000 leaves room for
    /// image-heavy documents while bounding the work done on a forged directory.
    public static let maximumEntries = 10_000
    /// Most bytes all entries may declare once inflated together (256 MiB): a 1,048,576-row
    /// sheet is far below this, a zip bomb far above.
    public static let maximumTotalUncompressedBytes = 256 << 20
    /// Largest inflated-to-compressed ratio accepted for one entry beyond its first
    /// ``compressionRatioAllowance`` bytes (100:1).
    ///
    /// Real XML compresses 5–20:1; a bomb compresses ~1000:1.
    public static let maximumCompressionRatio = 100
    /// Bytes of an entry that may be inflated at any ratio (1 MiB), so that small, very regular
    /// parts (a sheet of empty rows) are never refused.
    public static let compressionRatioAllowance = 1 << 20
    /// Longest entry name accepted, in bytes (1,024); office part names are under 100.
    public static let maximumNameLength = 1_024

    /// The archive's bytes.
    public let bytes: [UInt8]
    /// The entries, in central-directory order (folders included).
    public let entries: [ZipEntry]
    private let index: [String: Int]
    private let foldedIndex: [String: Int]

    /// Reads the central directory of `bytes`.
    ///
    /// - Throws: ``ZipError`` when `bytes` is not a zip archive, is cut short, is ZIP64, has a
    ///   duplicate name, or exceeds a limit (entries, name length, declared total size, ratio).
    /// - Complexity: O(n) in the central directory's size.
    public init(bytes: [UInt8]) throws(ZipError) {
        self.bytes = bytes
        let end = try Self.endOfCentralDirectory(bytes)
        let count = Int(Self.u16(bytes, end + 10))
        let size = Int(Self.u32(bytes, end + 12))
        let offset = Int(Self.u32(bytes, end + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            throw .zip64Unsupported
        }
        if Self.u16(bytes, end + 4) != 0 || Self.u16(bytes, end + 6) != 0 {
            throw .malformed(what: "a multi-disk (split) archive", offset: end)
        }
        if count > Self.maximumEntries {
            throw .limitExceeded(
                limit: "more than \(Self.maximumEntries) entries (\(count))", name: nil)
        }
        guard offset <= end, size <= end - offset else {
            throw .truncated(what: "the central directory", offset: offset)
        }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(count)
        var index: [String: Int] = [:]
        var folded: [String: Int] = [:]
        var total = 0
        var at = offset
        for _ in 0..<count {
            guard at <= end - 46 else {
                throw .truncated(what: "a central directory entry", offset: at)
            }
            guard Self.u32(bytes, at) == 0x0201_4B50 else {
                throw .malformed(
                    what: "a central directory entry without its signature", offset: at)
            }
            let nameLength = Int(Self.u16(bytes, at + 28))
            let extraLength = Int(Self.u16(bytes, at + 30))
            let commentLength = Int(Self.u16(bytes, at + 32))
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= end else {
                throw .truncated(what: "a central directory entry", offset: at)
            }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            if nameLength > Self.maximumNameLength {
                throw .limitExceeded(
                    limit: "a name longer than \(Self.maximumNameLength) bytes (\(nameLength))",
                    name: String(name.prefix(40)) + "…")
            }
            let entry = ZipEntry(
                name: name, method: Int(Self.u16(bytes, at + 10)),
                flags: Int(Self.u16(bytes, at + 8)),
                crc32: Self.u32(bytes, at + 16), compressedSize: Int(Self.u32(bytes, at + 20)),
                uncompressedSize: Int(Self.u32(bytes, at + 24)),
                localHeaderOffset: Int(Self.u32(bytes, at + 42)))
            if entry.compressedSize == 0xFFFF_FFFF || entry.uncompressedSize == 0xFFFF_FFFF
                || entry.localHeaderOffset == 0xFFFF_FFFF
            {
                throw .zip64Unsupported
            }
            try Self.checkRatio(entry)
            total += entry.uncompressedSize
            if total > Self.maximumTotalUncompressedBytes {
                throw .limitExceeded(
                    limit:
                        "more than \(Self.maximumTotalUncompressedBytes >> 20) MiB uncompressed in all",
                    name: nil)
            }
            if index[name] != nil { throw .duplicateName(name) }
            index[name] = entries.count
            folded[Self.fold(name)] = folded[Self.fold(name)] ?? entries.count
            entries.append(entry)
            at = next
        }
        self.entries = entries
        self.index = index
        self.foldedIndex = folded
    }

    /// The entry named `name`.
    ///
    /// Part names in office files are case-insensitive (OPC), so an exact match is preferred and
    /// an ASCII case-insensitive one accepted. A leading `/` is ignored.
    public func entry(named name: String) -> ZipEntry? {
        let name = name.hasPrefix("/") ? String(name.dropFirst()) : name
        if let i = index[name] ?? foldedIndex[Self.fold(name)] { return entries[i] }
        return nil
    }

    /// The inflated, CRC-checked bytes of the entry named `name`.
    ///
    /// - Throws: ``ZipError/missingEntry(_:)`` and everything ``data(of:)`` throws.
    /// - Complexity: O(n) in the entry's sizes.
    public func data(named name: String) throws(ZipError) -> [UInt8] {
        guard let entry = entry(named: name) else { throw .missingEntry(name) }
        return try data(of: entry)
    }

    /// The inflated, CRC-checked bytes of `entry`.
    ///
    /// Inflation runs in bounded chunks and stops as soon as the output exceeds the declared
    /// size or the ratio limit, so a bomb costs at most one chunk beyond its (limited) declared
    /// size.
    ///
    /// - Throws: ``ZipError`` when the entry is encrypted, uses another method, is cut short or
    ///   damaged, exceeds a limit, or fails its CRC-32.
    /// - Complexity: O(n) in the entry's sizes.
    public func data(of entry: ZipEntry) throws(ZipError) -> [UInt8] {
        if entry.isEncrypted { throw .encryptedEntry(name: entry.name) }
        let at = entry.localHeaderOffset
        guard at <= bytes.count - 30 else {
            throw .truncated(what: "the local header of \(entry.name)", offset: at)
        }
        guard Self.u32(bytes, at) == 0x0403_4B50 else {
            throw .malformed(
                what: "the local header of \(entry.name) without its signature", offset: at)
        }
        let start = at + 30 + Int(Self.u16(bytes, at + 26)) + Int(Self.u16(bytes, at + 28))
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw .truncated(what: "the data of \(entry.name)", offset: start)
        }
        let compressed = bytes[start..<(start + entry.compressedSize)]
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw .sizeMismatch(
                    name: entry.name, declared: entry.uncompressedSize, actual: entry.compressedSize
                )
            }
            output = Array(compressed)
        case 8:
            output = try Self.inflate(compressed, entry: entry)
        default:
            throw .unsupportedMethod(name: entry.name, method: entry.method)
        }
        if CRC32.checksum(output) != entry.crc32 { throw .crcMismatch(name: entry.name) }
        return output
    }

    /// Refuses an entry whose declared sizes already break the ratio limit.
    static func checkRatio(_ entry: ZipEntry) throws(ZipError) {
        let excess = entry.uncompressedSize - compressionRatioAllowance
        if excess > 0, excess / maximumCompressionRatio > entry.compressedSize {
            throw .limitExceeded(
                limit: "compression ratio above \(maximumCompressionRatio):1 (a zip bomb?)",
                name: entry.name)
        }
    }

    private static func endOfCentralDirectory(_ bytes: [UInt8]) throws(ZipError) -> Int {
        // The record is 22 bytes plus a comment of at most 65,535 bytes, so it starts in the
        // last 65,557 bytes; the last signature whose comment length fits is taken.
        guard bytes.count >= 22 else { throw .notAZip }
        var at = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while at >= lowest {
            if bytes[at] == 0x50, u32(bytes, at) == 0x0605_4B50,
                at + 22 + Int(u16(bytes, at + 20)) <= bytes.count
            {
                return at
            }
            at -= 1
        }
        throw .notAZip
    }

    private static func fold(_ name: String) -> String {
        String(decoding: name.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// Little-endian 16-bit field at `at` (the caller has checked the bounds).
    static func u16(_ b: [UInt8], _ at: Int) -> UInt16 {
        UInt16(b[at]) | UInt16(b[at + 1]) << 8
    }

    /// Little-endian 32-bit field at `at` (the caller has checked the bounds).
    static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }
}
