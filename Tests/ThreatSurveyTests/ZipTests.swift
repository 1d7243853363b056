import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Zip archives")
struct ZipTests {
    typealias Entry = ZipFixture.Entry

    @Test("Stored and deflated entries read back byte for byte, by name, with folders listed")
    func readsEntries() throws {
        let archive = try ZipArchive(
            bytes: ZipFixture.make([Entry("a.txt", "hello"), Entry("dir/", "")]))
        #expect(archive.entries.map(\.name) == ["a.txt", "dir/"])
        #expect(try archive.data(named: "a.txt") == Array("hello".utf8))
        #expect(try archive.data(named: "/A.TXT") == Array("hello".utf8))  // OPC names ignore case
        #expect(archive.entries[1].isDirectory)
        #expect(throws: ZipError.missingEntry("b.txt")) { try archive.data(named: "b.txt") }

        let real = try ZipArchive(
            bytes: TestSupport.bytes(ZipFixture.resource("office/handmade.xlsx")))
        let workbook = try real.data(named: "xl/workbook.xml")
        #expect(String(decoding: workbook, as: UTF8.self).contains("<sheets>"))
        #expect(real.entry(named: "xl/workbook.xml")?.method == 8)
    }

    @Test("Entries whose sizes follow in a data descriptor read the same")
    func dataDescriptors() throws {
        let archive = try ZipArchive(
            bytes: TestSupport.bytes(ZipFixture.resource("office/prefixed-descriptors.xlsx")))
        let entry = try #require(archive.entry(named: "xl/worksheets/sheet1.xml"))
        #expect(entry.flags & 8 != 0)
        #expect(String(decoding: try archive.data(of: entry), as: UTF8.self).contains("x prefix"))
    }

    @Test("Not a zip, cut short, or pointing outside itself: refused with what and where")
    func truncated() throws {
        #expect(throws: ZipError.notAZip) { try ZipArchive(bytes: Array("name,rank\n".utf8)) }
        #expect(throws: ZipError.notAZip) { try ZipArchive(bytes: []) }
        let whole = try TestSupport.bytes(ZipFixture.resource("office/handmade.xlsx"))
        // The first half: the end record is gone.
        #expect(throws: ZipError.notAZip) {
            try ZipArchive(bytes: Array(whole.prefix(whole.count / 2)))
        }
        // The end record kept, the start of the file lost: the directory points past the data.
        let tail = Array(whole.suffix(200))
        #expect {
            try ZipArchive(bytes: tail)
        } throws: { error in
            if case .truncated = error as? ZipError { return true }
            return false
        }
        // A directory entry claiming data beyond the end of the file.
        var bytes = ZipFixture.make([Entry("a.txt", "hello")])
        bytes[18] = 0xFF  // the local header's compressed size, low byte (central copy intact)
        let archive = try ZipArchive(bytes: bytes)
        #expect(throws: Never.self) { try archive.data(named: "a.txt") }
        var central = ZipFixture.make([Entry("a.txt", "hello")])
        let cd = 30 + 5 + 5
        central[cd + 20] = 0xF0  // central compressed size: 240 bytes, past the end
        central[cd + 24] = 0xF0
        let damaged = try ZipArchive(bytes: central)
        #expect {
            try damaged.data(named: "a.txt")
        } throws: { error in
            if case .truncated(let what, _) = error as? ZipError { return what.contains("a.txt") }
            return false
        }
    }

    @Test("Encrypted entries, other methods and bad CRCs are refused by name")
    func refusals() throws {
        let archive = try ZipArchive(
            bytes: ZipFixture.make([
                Entry("secret.xml", "xxxx", flags: 1), Entry("lzma.xml", "xxxx", method: 14),
                {
                    var e = Entry("bad.xml", "data"); e.crc = 1; return e
                }(),
            ]))
        #expect(throws: ZipError.encryptedEntry(name: "secret.xml")) {
            try archive.data(named: "secret.xml")
        }
        #expect(throws: ZipError.unsupportedMethod(name: "lzma.xml", method: 14)) {
            try archive.data(named: "lzma.xml")
        }
        #expect(throws: ZipError.crcMismatch(name: "bad.xml")) {
            try archive.data(named: "bad.xml")
        }
        #expect(throws: ZipError.duplicateName("a")) {
            try ZipArchive(bytes: ZipFixture.make([Entry("a", ""), Entry("a", "")]))
        }
        let damaged = try ZipArchive(
            bytes: ZipFixture.make([Entry("d.xml", "not deflate at all", method: 8)]))
        #expect {
            try damaged.data(named: "d.xml")
        } throws: { error in
            if case .corruptData(let name, _) = error as? ZipError { return name == "d.xml" }
            return false
        }
    }

    @Test("ZIP64 markers are refused with a clear error")
    func zip64() throws {
        var bytes = ZipFixture.make([Entry("a", "x")])
        let end = bytes.count - 22
        for k in 16..<20 { bytes[end + k] = 0xFF }  // central directory offset 0xFFFFFFFF
        #expect(throws: ZipError.zip64Unsupported) { try ZipArchive(bytes: bytes) }
        #expect(ZipError.zip64Unsupported.description.contains("ZIP64"))
    }

    @Test("Limits: entries, name length, declared total size")
    func limits() throws {
        let many = (0...ZipArchive.maximumEntries).map { Entry("f\($0)", "") }
        #expect {
            try ZipArchive(bytes: ZipFixture.make(many))
        } throws: { error in
            if case .limitExceeded(let limit, _) = error as? ZipError {
                return limit.contains("10000 entries")
            }
            return false
        }
        #expect(throws: Never.self) {
            try ZipArchive(bytes: ZipFixture.make(Array(many.dropLast())))
        }

        let long = String(repeating: "n", count: ZipArchive.maximumNameLength + 1)
        #expect {
            try ZipArchive(bytes: ZipFixture.make([Entry(long, "")]))
        } throws: { error in
            if case .limitExceeded(let limit, _) = error as? ZipError {
                return limit.contains("1024 bytes")
            }
            return false
        }
        #expect(throws: Never.self) {
            try ZipArchive(bytes: ZipFixture.make([Entry(String(long.dropLast()), "")]))
        }

        // 257 entries each declaring 1 MiB (stored, so no ratio involved): over 256 MiB in all.
        let declared = (0...256).map { i -> Entry in
            var e = Entry("part\(i)", String(repeating: "x", count: 10_500))
            e.uncompressedSize = 1 << 20
            return e
        }
        #expect {
            try ZipArchive(bytes: ZipFixture.make(declared))
        } throws: { error in
            if case .limitExceeded(let limit, nil) = error as? ZipError {
                return limit.contains("256 MiB")
            }
            return false
        }
    }

    @Test("A zip bomb is refused from its declared ratio, before anything is inflated")
    func bombDeclared() throws {
        let bytes = try TestSupport.bytes(ZipFixture.resource("office/bomb.xlsx"))
        #expect {
            try ZipArchive(bytes: bytes)
        } throws: { error in
            if case .limitExceeded(let limit, let name) = error as? ZipError {
                return limit.contains("100:1") && name == "xl/worksheets/sheet1.xml"
            }
            return false
        }
    }

    @Test("A zip bomb with a forged small size stops inflating at that size")
    func bombForged() throws {
        let archive = try ZipArchive(
            bytes: TestSupport.bytes(ZipFixture.resource("office/bomb-forged-size.xlsx")))
        let entry = try #require(archive.entry(named: "xl/worksheets/sheet1.xml"))
        #expect(entry.uncompressedSize == 2 << 20)
        #expect {
            try archive.data(of: entry)
        } throws: { error in
            switch error as? ZipError {
            case .sizeMismatch(let name, 2_097_152, _), .limitExceeded(_, let name?):
                return name == entry.name
            default: return false
            }
        }
    }

    @Test("The ratio limit applies while inflating, past the first MiB")
    func ratioWhileInflating() throws {
        // A real deflated entry whose declared sizes pass the check but whose stream does not:
        // the entry of the forged bomb, with its compressed size inflated to look honest.
        let bomb = try TestSupport.bytes(ZipFixture.resource("office/bomb-forged-size.xlsx"))
        let archive = try ZipArchive(bytes: bomb)
        let entry = try #require(archive.entry(named: "xl/worksheets/sheet1.xml"))
        var big = entry
        big.uncompressedSize = 200 << 20
        #expect {
            try archive.data(of: big)
        } throws: { error in
            if case .limitExceeded(let limit, _) = error as? ZipError {
                return limit.contains("100:1")
            }
            return false
        }
        #expect(throws: (any Error).self) { try ZipArchive.checkRatio(big) }
    }

    @Test("Every ZipError reads as a sentence naming the entry")
    func descriptions() {
        #expect(ZipError.encryptedEntry(name: "xl/workbook.xml").description.contains("password"))
        #expect(ZipError.crcMismatch(name: "content.xml").description.contains("content.xml"))
        #expect(
            ZipError.truncated(what: "the central directory", offset: 12).description.contains(
                "byte 12"))
    }
}
