@testable import ThreatSurvey

/// Builds small zip archives byte by byte, so tests can forge exactly the damage they need.
enum ZipFixture {
    struct Entry {
        var name: String
        var data: [UInt8]
        var method: UInt16 = 0
        var flags: UInt16 = 0
        /// Overrides the CRC written (default: the data's real CRC-32).
        var crc: UInt32?
        /// Overrides the uncompressed size written (default: the data's size).
        var uncompressedSize: UInt32?

        init(_ name: String, _ text: String, method: UInt16 = 0, flags: UInt16 = 0) {
            self.name = name
            self.data = Array(text.utf8)
            self.method = method
            self.flags = flags
        }
    }

    /// A stored-entry archive of `entries` (data written as given, whatever `method` says).
    static func make(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let offset = UInt32(out.count)
            let crc = entry.crc ?? CRC32.checksum(entry.data)
            let name = Array(entry.name.utf8)
            let size = UInt32(entry.data.count)
            let usize = entry.uncompressedSize ?? size
            out +=
                le32(0x0403_4B50) + le16(20) + le16(entry.flags) + le16(entry.method) + le16(0)
                + le16(0)
            out +=
                le32(crc) + le32(size) + le32(usize) + le16(UInt16(name.count)) + le16(0) + name
                + entry.data
            central +=
                le32(0x0201_4B50) + le16(20) + le16(20) + le16(entry.flags) + le16(entry.method)
                + le16(0) + le16(0)
            central +=
                le32(crc) + le32(size) + le32(usize) + le16(UInt16(name.count)) + le16(0) + le16(0)
            central += le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let cdOffset = UInt32(out.count)
        out += central
        out +=
            le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count))
            + le16(UInt16(entries.count))
        out += le32(UInt32(central.count)) + le32(cdOffset) + le16(0)
        return out
    }

    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }

    /// A file under Tests/ThreatSurveyTests/Resources/.
    static func resource(_ path: String) -> String {
        TestSupport.root + "/Tests/ThreatSurveyTests/Resources/" + path
    }
}
