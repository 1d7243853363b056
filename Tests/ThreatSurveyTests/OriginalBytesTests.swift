import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// The original of every received file comes back byte for byte, however the store keeps it:
/// compressed (schema 11) or as is (every store written before), whole or in chunks; kept
/// bytes that are damaged are an error naming the store and the file, never a crash, a
/// different original, or an unbounded allocation (issue 18).
@Suite("Original bytes: kept compressed, given back exactly")
struct OriginalBytesTests {
    let folder: String
    var storePath: String { folder + "/s.sqlite" }

    init() throws {
        folder = try TestSupport.temporaryFolder()
    }

    /// Bytes that do not compress (a fixed-seed generator, so that every run is the same).
    static func noise(_ count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    /// A file row as a store written before schema 11 holds it (no compression marker).
    func insertFileRow(
        _ store: Store, id: Int64, name: String, bytes: [UInt8], size: Int,
        compression: String? = nil
    ) throws {
        try store.db.run(
            """
            INSERT INTO files(id, name, bytes, sha256, size, stored_at, compression)
            VALUES (?, ?, ?, 'x', ?, '2015-09-01T00:00:00Z', ?)
            """,
            [
                .integer(id), .text(name), .blob(bytes), .integer(Int64(size)),
                compression.map { .text($0) } ?? .null,
            ])
    }

    func insertChunk(_ store: Store, file: Int64, seq: Int64, bytes: [UInt8], size: Int?) throws {
        try store.db.run(
            "INSERT INTO file_chunks(file_id, seq, bytes, size) VALUES (?, ?, ?, ?)",
            [
                .integer(file), .integer(seq), .blob(bytes),
                size.map { .integer(Int64($0)) } ?? .null,
            ])
    }

    /// The message a damaged original gives, after checking it is a store error, not a trap.
    func failure(_ store: Store, file: Int64) -> String? {
        do {
            _ = try store.originalBytes(fileID: file)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("A streamed file comes back byte for byte, its chunks kept compressed")
    func streamed() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/big.csv"
        try TestSupport.write(SubmitRouteTests.longCSV(), to: path)
        let run = StreamingSubmitter.$thresholdForTesting.withValue(SubmitRouteTests.threshold) {
            runCLI(["submit", path, "--questionnaire", "9396/1/15"], store: storePath)
        }
        #expect(run.status == .success, "\(run.err)")
        #expect(run.err.contains("by streaming"))
        let original = runCLI(["show", "1", "--original"], store: storePath)
        #expect(original.status == .success, "\(original.err)")
        #expect(original.outBytes == (try TestSupport.bytes(path)))
        let store = try Store(path: storePath)
        let kept = try store.db.query(
            "SELECT sum(length(bytes)) AS kept, count(size) AS compressed FROM file_chunks"
        ) { ($0.int("kept"), $0.int("compressed")) }
        let size = try TestSupport.bytes(path).count
        #expect(kept.first.map { $0.1 > 0 && $0.0 < size / 2 } == true)
    }

    @Test("Chunks written by the streaming writer come back in order, compressible or not")
    func streamedChunksMixed() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: storePath)
        let questionnaire = try TestSupport.questionnaire()
        let text = Array(String(repeating: "DE,R0000001,drugs,1\n", count: 5000).utf8)
        let chunks = [text, Self.noise(70_000), text, Self.noise(3), text]
        let body = { (writer: StreamedFileWriter) throws(SurveyError) -> StreamedFileSummary? in
            for chunk in chunks {
                try chunk.withUnsafeBufferPointer { (bytes) throws(SurveyError) in
                    try writer.appendBytes(UnsafeRawBufferPointer(bytes))
                }
            }
            let none = [Int32](repeating: -1, count: questionnaire.threats.count)
            none.withUnsafeBufferPointer { priorities in
                writer.appendAnswer(
                    memberState: "DE", respondent: "R0000001", priorities: priorities)
            }
            return StreamedFileSummary(
                aggregate: MentionAggregate(
                    threats: questionnaire.threats.map(\.id), carriesRespondents: true),
                rows: 1, respondentPrefix: "R", respondents: 1...1)
        }
        let receipt = try #require(
            try store.insertStreamed(
                name: "mixed.csv", questionnaire: questionnaire, received: Date(), body))
        #expect(try store.originalBytes(fileID: receipt.fileID) == Array(chunks.joined()))
        let marks = try store.db.query("SELECT size FROM file_chunks ORDER BY seq") {
            $0.optionalInt("size")
        }
        #expect(marks == [text.count, nil, text.count, nil, text.count])
    }

    @Test("A file read whole comes back byte for byte, kept compressed")
    func readWhole() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = TestSupport.fixture("at-matrix.csv")
        let run = runCLI(["submit", path, "--questionnaire", "9396/1/15"], store: storePath)
        #expect(run.status == .success, "\(run.err)")
        let original = runCLI(["show", "1", "--original"], store: storePath)
        #expect(original.outBytes == (try TestSupport.bytes(path)))
        let store = try Store(path: storePath)
        let marks = try store.db.query("SELECT compression FROM files") {
            $0.optionalText("compression")
        }
        #expect(marks == ["zlib"])
    }

    @Test("A mail comes back byte for byte, not its attachment")
    func mail() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = MailIntakeTests.inbox("pl-csv.eml")
        let run = runCLI(["submit", path, "--questionnaire", "9396/1/15"], store: storePath)
        #expect(run.status == .success, "\(run.err)")
        let original = runCLI(["show", "1", "--original"], store: storePath)
        #expect(original.outBytes == (try TestSupport.bytes(path)))
    }

    @Test("Originals stored before schema 11 (as is, whole or in chunks) still come back")
    func storedBefore() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: storePath)
        let whole = Array("delegation,threat\nDE,drugs\n".utf8)
        try insertFileRow(store, id: 1, name: "old.csv", bytes: whole, size: whole.count)
        let parts = [Array("delegation,respondent,threat\n".utf8), Array("DE,R1,drugs\n".utf8)]
        try insertFileRow(store, id: 2, name: "old-big.csv", bytes: [], size: 40)
        for (seq, part) in parts.enumerated() {
            try insertChunk(store, file: 2, seq: Int64(seq), bytes: part, size: nil)
        }
        #expect(try store.originalBytes(fileID: 1) == whole)
        #expect(try store.originalBytes(fileID: 2) == Array(parts.joined()))
    }

    @Test("A damaged compressed original is an error naming the store and the file")
    func damaged() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: storePath)
        var good = try #require(ZlibStream.compress(Array(repeating: 65, count: 10_000)))
        good[good.count / 2] ^= 0xFF
        try insertFileRow(
            store, id: 1, name: "whole.csv", bytes: good, size: 10_000, compression: "zlib")
        try insertFileRow(store, id: 2, name: "chunked.csv", bytes: [], size: 10_000)
        try insertChunk(store, file: 2, seq: 0, bytes: Self.noise(500), size: 10_000)
        try insertFileRow(
            store, id: 3, name: "cut.csv", bytes: Array(good.prefix(5)), size: 10_000,
            compression: "zlib")
        for (id, name) in [(1, "whole.csv"), (2, "chunked.csv"), (3, "cut.csv")] {
            let message = try #require(failure(store, file: Int64(id)))
            #expect(message.contains(storePath), "\(message)")
            #expect(message.contains("file \(id) (\(name))"), "\(message)")
            #expect(message.contains("damaged"), "\(message)")
        }
    }

    @Test("Decompression stops at the recorded size, and a size deflate cannot reach is refused")
    func bounded() throws {
        defer { TestSupport.cleanUp(folder) }
        let zeros = try #require(ZlibStream.compress([UInt8](repeating: 0, count: 1 << 20)))
        #expect(throws: ZlibStreamError.sizeMismatch(recorded: 1000, actual: nil)) {
            try ZlibStream.inflate(zeros, size: 1000)
        }
        #expect(throws: ZlibStreamError.sizeMismatch(recorded: 2 << 20, actual: 1 << 20)) {
            try ZlibStream.inflate(zeros, size: 2 << 20)
        }
        // A size deflate could never give from these bytes is refused before inflating.
        #expect(throws: ZlibStreamError.sizeMismatch(recorded: 1 << 40, actual: nil)) {
            try ZlibStream.inflate(zeros, size: 1 << 40)
        }
        #expect(
            throws: ZlibStreamError.sizeMismatch(
                recorded: zeros.count * ZlibStream.maximumRatio + ZlibStream.maximumRatio,
                actual: nil)
        ) {
            try ZlibStream.inflate(
                zeros, size: zeros.count * ZlibStream.maximumRatio + ZlibStream.maximumRatio)
        }
        let store = try Store(path: storePath)
        // A chunk claiming more than the file's recorded size is refused before inflating.
        try insertFileRow(store, id: 1, name: "small.csv", bytes: [], size: 1000)
        try insertChunk(store, file: 1, seq: 0, bytes: zeros, size: 1 << 20)
        // A chunk that inflates past its own recorded size is stopped there.
        try insertFileRow(store, id: 2, name: "bomb.csv", bytes: [], size: 1 << 20)
        try insertChunk(store, file: 2, seq: 0, bytes: zeros, size: 1000)
        // Whole bytes that inflate past the file's recorded size.
        try insertFileRow(
            store, id: 3, name: "whole.csv", bytes: zeros, size: 1000, compression: "zlib")
        for id in Int64(1)...3 {
            let message = try #require(failure(store, file: id))
            #expect(message.contains("recorded"), "\(message)")
        }
    }
}
