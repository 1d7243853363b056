internal import CZlib

/// Builds a zip archive in memory, entry by entry: the container of `.docx` and `.odt` files.
///
/// The output is deterministic — the same entries in the same order give the same bytes — so
/// that a document produced twice from the same answers can be compared byte for byte and
/// archived without spurious differences: every entry carries the same fixed modification time
/// (1980-01-01 00:00, the earliest DOS time), no extra fields, no comment, and nothing random.
/// Entries are stored or deflated by the system zlib; sizes and CRC-32 sit in the local header
/// (no data descriptor), which is what OpenDocument requires of its first, stored `mimetype`
/// entry. ZIP64 is not written: an entry or archive of 4 GiB or more is refused.
///
/// ```swift
/// var zip = ZipWriter()
/// try zip.add("mimetype", Array("application/vnd.oasis.opendocument.text".utf8), method: .stored)
/// try zip.add("content.xml", content)
/// let bytes = zip.finish()
/// ```
///
/// See PKWARE's APPNOTE.TXT, sections 4.3.7 (local header), 4.3.12 (central directory) and
/// 4.3.16 (end of central directory record); `ZipArchive` reads what this writes.
public struct ZipWriter: Sendable {
    /// How an entry's bytes are kept.
    public enum Method: Sendable, Hashable {
        /// Kept as they are (method 0): the ODF `mimetype` entry, already-compressed images.
        case stored
        /// Compressed with deflate (method 8, RFC 1951), as every office part is.
        case deflated
    }

    /// One entry as the central directory will describe it.
    private struct Written: Sendable {
        var name: [UInt8]
        var method: UInt16
        var crc: UInt32
        var compressedSize: UInt32
        var size: UInt32
        var offset: UInt32
        var flags: UInt16
    }

    /// The DOS time of every entry: 00:00:00.
    static let dosTime: UInt16 = 0
    /// The DOS date of every entry: 1980-01-01 ((year − 1980) << 9 | month << 5 | day).
    static let dosDate: UInt16 = 1 << 5 | 1

    private var bytes: [UInt8] = []
    private var written: [Written] = []
    private var names: Set<String> = []

    /// An empty archive.
    public init() {}

    /// Appends an entry.
    ///
    /// - Parameters:
    ///   - name: the entry's path, `/`-separated, without a leading `/`.
    ///   - data: the entry's uncompressed bytes.
    ///   - method: ``Method/deflated`` unless the format asks for a stored entry.
    /// - Throws: ``ZipError/duplicateName(_:)`` for a name already added,
    ///   ``ZipError/limitExceeded(limit:name:)`` for a name longer than
    ///   `ZipArchive/maximumNameLength` bytes, ``ZipError/zip64Unsupported`` when the entry or
    ///   archive reaches 4 GiB, ``ZipError/compressionFailed(name:reason:)`` when zlib fails.
    /// - Complexity: O(n) in the size of `data`.
    public mutating func add(_ name: String, _ data: [UInt8], method: Method = .deflated)
        throws(ZipError)
    {
        guard !names.contains(name) else { throw .duplicateName(name) }
        let nameBytes = Array(name.utf8)
        guard nameBytes.count <= ZipArchive.maximumNameLength else {
            throw .limitExceeded(
                limit: "a name longer than \(ZipArchive.maximumNameLength) bytes",
                name: String(name.prefix(40)) + "…")
        }
        let stored = method == .stored ? data : try Self.deflate(data, name: name)
        let limit = Int(UInt32.max)
        guard data.count < limit, stored.count < limit, bytes.count < limit - stored.count - 30
        else { throw .zip64Unsupported }
        // Bit 11: the name is UTF-8 (APPNOTE appendix D); plain ASCII names leave it clear.
        let entry = Written(
            name: nameBytes, method: method == .stored ? 0 : 8, crc: CRC32.checksum(data),
            compressedSize: UInt32(stored.count), size: UInt32(data.count),
            offset: UInt32(bytes.count), flags: nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 1 << 11)
        Self.append(UInt32(0x0403_4B50), to: &bytes)
        Self.append(UInt16(20), to: &bytes)  // version needed: 2.0 (deflate)
        Self.appendCommonFields(entry, to: &bytes)
        Self.append(UInt16(0), to: &bytes)  // extra field length
        bytes += nameBytes
        bytes += stored
        written.append(entry)
        names.insert(name)
    }

    /// The archive: the entries, then the central directory and its end record.
    ///
    /// - Throws: ``ZipError/zip64Unsupported`` when the archive would need ZIP64 (65,535
    ///   entries or more, or a central directory past 4 GiB).
    /// - Complexity: O(n) in the size of the archive.
    public func finish() throws(ZipError) -> [UInt8] {
        var out = bytes
        let directoryStart = out.count
        for entry in written {
            Self.append(UInt32(0x0201_4B50), to: &out)
            Self.append(UInt16(20), to: &out)  // made by: MS-DOS, version 2.0
            Self.append(UInt16(20), to: &out)  // version needed
            Self.appendCommonFields(entry, to: &out)
            Self.append(UInt16(0), to: &out)  // extra field length
            Self.append(UInt16(0), to: &out)  // comment length
            Self.append(UInt16(0), to: &out)  // disk number
            Self.append(UInt16(0), to: &out)  // internal attributes
            Self.append(UInt32(0), to: &out)  // external attributes
            Self.append(entry.offset, to: &out)
            out += entry.name
        }
        let directorySize = out.count - directoryStart
        guard written.count < 0xFFFF, out.count < Int(UInt32.max) else {
            throw .zip64Unsupported
        }
        Self.append(UInt32(0x0605_4B50), to: &out)
        Self.append(UInt16(0), to: &out)  // this disk
        Self.append(UInt16(0), to: &out)  // disk with the central directory
        Self.append(UInt16(written.count), to: &out)
        Self.append(UInt16(written.count), to: &out)
        Self.append(UInt32(directorySize), to: &out)
        Self.append(UInt32(directoryStart), to: &out)
        Self.append(UInt16(0), to: &out)  // comment length
        return out
    }

    /// The fields a local header and a central directory entry share, from the flags to the
    /// name length.
    private static func appendCommonFields(_ entry: Written, to out: inout [UInt8]) {
        append(entry.flags, to: &out)
        append(entry.method, to: &out)
        append(dosTime, to: &out)
        append(dosDate, to: &out)
        append(entry.crc, to: &out)
        append(entry.compressedSize, to: &out)
        append(entry.size, to: &out)
        append(UInt16(entry.name.count), to: &out)
    }

    private static func append(_ value: UInt16, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private static func append(_ value: UInt32, to out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) {
            out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    /// `data` as a raw deflate stream (RFC 1951, no zlib header), at zlib's default level.
    ///
    /// - Complexity: O(n).
    static func deflate(_ data: [UInt8], name: String) throws(ZipError) -> [UInt8] {
        guard data.count < Int(UInt32.max) else { throw .zip64Unsupported }
        var stream = z_stream()
        // -15: a raw deflate stream, 32 KiB window; memory level 8 is zlib's default.
        let started = deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        guard started == Z_OK else {
            throw .compressionFailed(name: name, reason: "zlib could not start (\(started))")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))))
        let status = data.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out -> Int32 in
                stream.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                // The buffer holds deflateBound's worst case, so one call finishes the stream.
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else {
            let reason = stream.msg.map { String(cString: $0) } ?? "deflate status \(status)"
            throw .compressionFailed(name: name, reason: reason)
        }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }
}
