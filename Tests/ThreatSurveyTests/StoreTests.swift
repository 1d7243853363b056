import Foundation
import Testing

@testable import ThreatSurvey

@Suite("Store")
struct StoreTests {
    let folder: String
    let catalog: QuestionnaireCatalog

    init() throws {
        folder = try TestSupport.temporaryFolder()
        catalog = try TestSupport.catalog()
    }

    func submit(
        _ name: String, _ text: String, received: String, delegation: String? = nil,
        into store: Store
    ) throws -> [Receipt] {
        let path = folder + "/" + name
        try TestSupport.write(text, to: path)
        return try Submitter(catalog: catalog).submit(
            SubmitRequest(
                paths: [path], questionnaire: "9396/1/15", delegation: delegation,
                received: DateTimeInput(received)),
            into: store)
    }

    @Test("A resubmission supersedes the earlier answer, which stays in the history")
    func resubmission() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: folder + "/s.sqlite")
        let first = try submit(
            "de.txt", "Schusswaffen und Drogen", received: "2015-09-02T10:00", delegation: "DE",
            into: store)
        #expect(first[0].supersedes.isEmpty)
        let second = try submit(
            "de.csv", "ms;threat;priority\nDE;firearms;1\n", received: "2015-09-04", into: store)
        #expect(second[0].supersedes.map(\.other.id) == [first[0].submission.id])
        let all = try store.submissions(questionnaire: "9396/1/15")
        #expect(all.count == 2)
        let current = CurrentAnswers(all)
        #expect(current.current(for: "DE")?.id == second[0].submission.id)
        #expect(current.current(for: "DE")?.response.threats == ["firearms"])
        let history = HistoryEntry.history(of: all, questionnaire: try catalog.find("9396/1/15"))
        #expect(history.map(\.status) == ["superseded by #\(second[0].submission.id)", "current"])
    }

    @Test("An answer received before the current one does not replace it")
    func olderAnswer() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: ":memory:")
        let later = try submit(
            "a.csv", "ms,threat\nFR,drugs\n", received: "2015-09-05", into: store)
        let earlier = try submit(
            "b.csv", "ms,threat\nFR,firearms\n", received: "2015-09-01", into: store)
        #expect(earlier[0].supersedes.isEmpty)
        #expect(earlier[0].olderThan.map(\.other.id) == [later[0].submission.id])
        #expect(
            CurrentAnswers(try store.submissions()).current(for: "FR")?.response.threats == [
                "drugs"
            ])
    }

    @Test(
        "A joint answer counts for each cosignatory; a later single answer replaces it for one only"
    )
    func jointAnswer() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: ":memory:")
        let joint = try submit(
            "j.json",
            #"{"delegation": "BE", "cosignatories": ["NL", "Luxembourg"], "threats": ["drugs"]}"#,
            received: "2015-09-01", into: store)
        #expect(joint[0].submission.memberStates == ["BE", "LU", "NL"])
        var current = CurrentAnswers(try store.submissions())
        #expect(current.respondedStates == ["BE", "LU", "NL"])
        let lu = try submit(
            "lu.json", #"{"delegation": "LU", "threats": ["firearms"]}"#, received: "2015-09-03",
            into: store)
        #expect(lu[0].supersedes.map(\.memberState) == ["LU"])
        current = CurrentAnswers(try store.submissions())
        #expect(current.current(for: "BE")?.id == joint[0].submission.id)
        #expect(current.current(for: "LU")?.id == lu[0].submission.id)
        let history = HistoryEntry.history(of: try store.submissions(), questionnaire: nil)
        #expect(
            history[0].status == "current for BE NL; superseded for LU by #\(lu[0].submission.id)")
    }

    @Test("Per-respondent answers: each respondent's latest answer is current")
    func respondents() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: ":memory:")
        _ = try submit(
            "r.csv", "delegation,respondent,threat\nDE,R1,drugs\nDE,R2,firearms\nFR,R3,drugs\n",
            received: "2015-09-01", into: store)
        _ = try submit(
            "r2.csv", "delegation,respondent,threat\nDE,R1,vat fraud\n", received: "2015-09-02",
            into: store)
        let current = CurrentAnswers(try store.submissions())
        let de = try #require(current.byState["DE"])
        #expect(de.count == 2)
        #expect(Set(de.flatMap(\.response.threats)) == ["vat-fraud", "firearms"])
    }

    @Test("The original bytes are kept exactly, with their checksum")
    func originalBytes() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: folder + "/s.sqlite")
        let bytes = try TestSupport.bytes(TestSupport.fixture("at-matrix.csv"))
        let receipts = try Submitter(catalog: catalog).submit(
            SubmitRequest(
                paths: [TestSupport.fixture("at-matrix.csv")], questionnaire: "9396-1-15",
                received: DateTimeInput("2015-09-01")),
            into: store)
        let stored = try #require(try store.submission(id: receipts[0].submission.id))
        #expect(try store.originalBytes(fileID: stored.fileID) == bytes)
        #expect(stored.checksum == SHA256.hex(of: bytes))
        #expect(stored.encoding == "Windows-1252")
    }

    @Test("A file with any error stores nothing, even beside good files")
    func nothingStored() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: folder + "/s.sqlite")
        try TestSupport.write("ms,threat\nFR,drugs\n", to: folder + "/good.csv")
        try TestSupport.write("ms,threat\nFR,fire arms\n", to: folder + "/bad.csv")
        #expect(throws: SurveyError.self) {
            try Submitter(catalog: catalog).submit(
                SubmitRequest(
                    paths: [folder + "/good.csv", folder + "/bad.csv"], questionnaire: "9396/1/15"),
                into: store)
        }
        #expect(try store.submissions().isEmpty)
    }

    @Test("Submissions can be neither deleted nor changed")
    func immutable() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: ":memory:")
        _ = try submit("a.csv", "ms,threat\nFR,drugs\n", received: "2015-09-05", into: store)
        #expect(throws: SQLiteError.self) { try store.db.execute("DELETE FROM submissions") }
        #expect(throws: SQLiteError.self) {
            try store.db.execute("UPDATE submissions SET delegation = 'DE'")
        }
        #expect(throws: SQLiteError.self) { try store.db.execute("DELETE FROM files") }
        #expect(try store.submissions().count == 1)
    }

    @Test("The store is created readable by its owner only, in WAL mode, at the current schema")
    func creation() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/new.sqlite"
        let store = try Store(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try store.db.query("PRAGMA journal_mode") { $0.text(0) } == ["wal"])
        #expect(
            try store.db.query("PRAGMA user_version") { Int($0.int(0)) } == [Store.schemaVersion])
        #expect(try store.db.query("PRAGMA foreign_keys") { Int($0.int(0)) } == [1])
        // Reopening migrates nothing and keeps the data.
        _ = try submit("a.csv", "ms,threat\nFR,drugs\n", received: "2015-09-05", into: store)
        #expect(try Store(path: path).submissions().count == 1)
    }

    @Test("A file that is not a store is refused with a clear message")
    func notAStore() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/notes.sqlite"
        try TestSupport.write(String(repeating: "not a database ", count: 100), to: path)
        do {
            _ = try Store(path: path)
            Issue.record("expected failure")
        } catch {
            #expect(error.exitStatus == .ioError)
            #expect(error.description.contains("not a threatsurvey store"))
        }
    }
}

@Suite("Checksums")
struct SHA256Tests {
    @Test("Known SHA-256 digests (FIPS 180-4 examples)")
    func vectors() {
        #expect(
            SHA256.hex(of: Array("".utf8))
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hex(of: Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
