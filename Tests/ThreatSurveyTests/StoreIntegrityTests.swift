import Foundation
import Testing

@testable import ThreatSurvey

/// The store keeps what it is given and says what went wrong: answer text is stored, never
/// run; concurrent writers all land; a blocked writer gets the busy message; SQLite's codes
/// travel up whole; packed mentions of the older format still read back.
@Suite("Store integrity: text never run, concurrent and blocked writers, error codes")
struct StoreIntegrityTests {
    let folder: String
    init() throws { folder = try TestSupport.temporaryFolder() }

    @Test("SQL text in answers is stored as text, never run")
    func sqlText() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: folder + "/s.sqlite")
        let path = folder + "/x.csv"
        try TestSupport.write(
            "delegation,threat,comment\nFR,drugs,\"'); DROP TABLE submissions; --\"\n", to: path)
        _ = try Submitter(catalog: try TestSupport.catalog()).submit(
            SubmitRequest(paths: [path], questionnaire: "9396/1/15"), into: store)
        let stored = try store.submissions()
        #expect(stored.first?.response.mentions.first?.comment == "'); DROP TABLE submissions; --")
    }

    @Test("Eight processes submitting into one store at once: every submission lands, in order")
    func concurrentSubmitters() throws {
        defer { TestSupport.cleanUp(folder) }
        let binary = try #require(EndToEndTests.binary)
        let store = folder + "/shared.sqlite"
        let states = ["BE", "BG", "CZ", "DK", "DE", "EE", "IE", "EL"]
        var launches: [[String]] = []
        for (i, state) in states.enumerated() {
            let path = folder + "/\(state).csv"
            let rows = (0..<200).map {
                "\(state),\(["drugs", "firearms", "vat-fraud", "excise-fraud"][$0 % 4]),\($0 % 9 + 1),row \($0)"
            }
            try TestSupport.write(
                "delegation,threat,priority,comment\n" + rows.joined(separator: "\n") + "\n",
                to: path)
            launches.append([
                "submit", path, "--store", store, "--questionnaires", TestSupport.questionnaires,
                "--questionnaire", "9396/1/15",
                "--received", "2015-09-0\(i + 1)T10:00",
            ])
        }
        // All eight run at once; each one's standard error is read as it comes, so none can
        // block on a full pipe while holding the store's lock.
        let children = try launches.map {
            try ChildProcess.start(binary, $0, stdout: .handle(FileHandle.nullDevice))
        }
        let results = children.map { $0.wait() }
        let messages = results.map(\.errText)
        #expect(results.allSatisfy { $0.status == 0 }, "\(messages)")
        #expect(!messages.joined().contains("locked"))
        let all = try Store(path: store).submissions()
        #expect(all.count == 8)
        #expect(all.map(\.delegation) == states)  // received order
        #expect(all.allSatisfy { $0.response.mentions.count == 200 })
        #expect(try Store(path: store).db.query("PRAGMA integrity_check") { $0.text(0) } == ["ok"])
    }

    @Test("Packed mentions of the older 3-byte format still read back")
    func olderPacking() {
        let mentions = Store.unpack([0, 0, 3, 2, 0, 0], threats: "a,b,c")
        #expect(mentions.map(\.threat) == ["a", "c"])
        #expect(mentions.map(\.priority) == [3, nil])
    }

    @Test(
        "A writer blocked by another connection's write lock gets the friendly busy message, exit 74"
    )
    func busyStore() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/s.sqlite"
        let holder = try Store(path: path)
        try holder.db.execute("BEGIN IMMEDIATE")
        defer { try? holder.db.execute("ROLLBACK") }
        let writer = try Store(path: path, busyTimeout: .milliseconds(20))
        do {
            _ = try Submitter(catalog: try TestSupport.catalog()).submit(
                SubmitRequest(
                    paths: [TestSupport.fixture("pl.csv")],
                    received: .date(try #require(CivilDate(iso: "2015-09-01")))),
                into: writer)
            Issue.record("the submit went through a held write lock")
        } catch let error as SurveyError {
            #expect(
                error.description
                    == "error: \(path): the store is busy: another threatsurvey is writing to it; try again"
            )
            #expect(error.exitStatus.rawValue == 74)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("SQLite errors keep their primary and extended codes, and match by name")
    func errorCodes() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: folder + "/s.sqlite")
        _ = try Submitter(catalog: try TestSupport.catalog()).submit(
            SubmitRequest(
                paths: [TestSupport.fixture("pl.csv")],
                received: .date(try #require(CivilDate(iso: "2015-09-01")))),
            into: store)
        do {
            try store.db.execute("DELETE FROM submissions")
            Issue.record("a submission was deleted")
        } catch SQLiteError.ExtendedResultCode.constraintTrigger {
            // The trigger's refusal, recognised by its extended code.
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: SQLiteError.self) { try store.db.execute("DELETE FROM submissions") }
        do {
            try store.db.execute("DELETE FROM submissions")
        } catch SQLiteError.constraint {
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
