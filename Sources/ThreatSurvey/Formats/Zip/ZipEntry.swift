/// One file inside a zip archive, as its central directory describes it.
///
/// Sizes and CRC come from the central directory, which is written after the data, so entries
/// whose local header defers them to a data descriptor (general-purpose flag bit 3) read the same.
package struct ZipEntry: Sendable, Hashable {
    /// The entry's path inside the archive, `/`-separated (`xl/worksheets/sheet1.xml`).
    public var name: String
    /// Compression method: 0 stored, 8 deflated; anything else is refused when read.
    public var method: Int
    /// General-purpose bit flags (bit 0: encrypted; bit 3: data descriptor; bit 11: UTF-8 name).
    public var flags: Int
    /// The CRC-32 of the uncompressed data.
    public var crc32: UInt32
    /// Bytes of compressed data.
    public var compressedSize: Int
    /// Bytes once inflated.
    public var uncompressedSize: Int
    /// Offset of the entry's local file header from the start of the archive.
    public var localHeaderOffset: Int

    /// Whether the entry is encrypted (flag bit 0), which this reader refuses.
    public var isEncrypted: Bool { flags & 1 != 0 }
    /// Whether the entry is a folder (its name ends with `/`); folders hold no data.
    public var isDirectory: Bool { name.hasSuffix("/") }
}
