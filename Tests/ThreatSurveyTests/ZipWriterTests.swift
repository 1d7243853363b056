import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Zip archives written")
struct ZipWriterTests {
    @Test("Stored and deflated entries read back byte for byte through ZipArchive")
    func roundTrip() throws {
        let text = Array(String(repeating: "Firearms, cigarettes; ", count: 500).utf8)
        let binary = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        var zip = ZipWriter()
        try zip.add(
            "mimetype", Array("application/vnd.oasis.opendocument.text".utf8), method: .stored)
        try zip.add("content.xml", text)
        try zip.add("dir/empty.bin", [])
        try zip.add("dir/random.bin", binary)
        try zip.add("naïve/é.xml", Array("<é/>".utf8))
        let archive = try ZipArchive(bytes: zip.finish())
        #expect(
            archive.entries.map(\.name)
                == ["mimetype", "content.xml", "dir/empty.bin", "dir/random.bin", "naïve/é.xml"])
        #expect(archive.entries.map(\.method) == [0, 8, 8, 8, 8])
        #expect(try archive.data(named: "content.xml") == text)
        #expect(try archive.data(named: "dir/empty.bin") == [])
        #expect(try archive.data(named: "dir/random.bin") == binary)
        #expect(try archive.data(named: "naïve/é.xml") == Array("<é/>".utf8))
        #expect(archive.entries[4].flags & 0x800 != 0)  // UTF-8 name flagged
        #expect(archive.entries[1].compressedSize < text.count / 10)
    }

    @Test("The same entries give the same bytes, dated 1980-01-01 00:00")
    func deterministic() throws {
        func make() throws -> [UInt8] {
            var zip = ZipWriter()
            try zip.add("a.xml", Array("<a/>".utf8))
            try zip.add("b.xml", Array("<b/>".utf8), method: .stored)
            return try zip.finish()
        }
        let bytes = try make()
        #expect(try make() == bytes)
        // Local header: modification time at offset 10, date at 12.
        #expect(Array(bytes[10..<14]) == [0, 0, 0x21, 0])
    }

    @Test("A name given twice is refused")
    func duplicate() throws {
        var zip = ZipWriter()
        try zip.add("a.xml", [])
        #expect(throws: ZipError.duplicateName("a.xml")) { try zip.add("a.xml", [1]) }
    }

    @Test("An empty archive is just the end record, and reads as empty")
    func empty() throws {
        let bytes = try ZipWriter().finish()
        #expect(bytes.count == 22)
        #expect(try ZipArchive(bytes: bytes).entries.isEmpty)
    }
}
