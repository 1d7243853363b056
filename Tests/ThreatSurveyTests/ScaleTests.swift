import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyTestSupport

/// What a large consultation must not cost: several large files in one submit are streamed
/// (memory flat, one transaction), and "which answer is current" is an index look-up, so
/// `show N` and `submit` do the same work on 28 submissions as on thousands.
@Suite("Scale: streaming several files, indexed look-ups")
struct ScaleTests {
    let folder: String

    init() throws {
        folder = try TestSupport.temporaryFolder()
    }

    /// Writes a long CSV of 100,000 respondents of `wide(20)` (over the streaming threshold)
    /// called `name`, respondent 1 giving threat-20 priority `special`; `insert` goes in the
    /// middle.
    func large(_ name: String, special: Int = 3, insert: String? = nil) throws -> String {
        let path = folder + "/" + name
        try TestSupport.write(
            SumsTests.longCSV(
                respondents: 100_000, threats: 20, special: special, insert: insert),
            to: path)
        return path
    }

    /// Submits `text` as one answer file called `name` (its extension gives the format),
    /// received at `received`, as `submit --again` would.
    @discardableResult
    static func submit(
        _ text: String, name: String = "answer.json", into store: Store,
        catalog: QuestionnaireCatalog, received: String
    ) throws -> [Receipt] {
        var submitter = Submitter(catalog: catalog)
        submitter.readFile = { (_) throws(SurveyError) -> [UInt8] in Array(text.utf8) }
        var request = SubmitRequest(paths: [name], received: DateTimeInput(received))
        request.again = true
        return try submitter.submit(request, into: store)
    }

    @Test(
        "Two large CSVs in one submit are both streamed, each with its receipt, in one transaction")
    func twoFilesStream() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try SumsTests.wide(20)
        let a = try large("a.csv")
        let b = try large("b.csv", special: 5)
        let storePath = folder + "/s.sqlite"
        let request = SubmitRequest(paths: [a, b], questionnaire: q.id)
        let plan = try #require(
            try Submitter(catalog: QuestionnaireCatalog(questionnaires: [q])).streamingPlan(
                request, store: nil))
        #expect(plan.paths == [a, b])
        let receipts = try #require(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).submit(
                request, existing: { nil },
                create: { () throws(SurveyError) in try Store(path: storePath) }))
        #expect(receipts.map(\.name) == ["a.csv", "b.csv"])
        // One submission per Member State of each file, its respondents' answers inside.
        #expect(receipts.map(\.respondents) == [100_001, 100_001])
        #expect(receipts.map(\.submissions.count) == receipts.map(\.memberStates.count))
        #expect(receipts[1].submissions.lowerBound == receipts[0].submissions.upperBound + 1)
        let store = try Store(path: storePath)
        let last = try #require(try store.submission(id: receipts[1].submissions.lowerBound))
        #expect(last.response.respondents.first?.priority(of: "threat-20") == 5)
        // The document: both receipts in the text, a JSON array of both.
        let document = StreamedReceipt.document(receipts)
        let json = document.json.serialized()
        #expect(json.contains("\"file\": \"a.csv\"") && json.contains("\"file\": \"b.csv\""))
        guard case .object(let members) = document.json,
            case .array(let files)? = members.first?.value
        else {
            Issue.record("several streamed files are not a JSON array: \(json.prefix(200))")
            return
        }
        #expect(files.count == 2)
    }

    @Test("A large file beside a bad large one: nothing is streamed, no store is left behind")
    func oneBadFileStoresNothing() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try SumsTests.wide(20)
        let good = try large("good.csv")
        let bad = try large("bad.csv", insert: "FR,R9999999,no such threat,1\n")
        let storePath = folder + "/s.sqlite"
        let receipts = try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q]))
            .submit(
                SubmitRequest(paths: [good, bad], questionnaire: q.id), existing: { nil },
                create: { () throws(SurveyError) in try Store(path: storePath) })
        #expect(receipts == nil)
        #expect(!FileManager.default.fileExists(atPath: storePath))
        // Into an existing store: the good file's rows are rolled back with the bad one's.
        let store = try Store(path: storePath)
        #expect(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).store(
                into: store, paths: [good, bad], questionnaire: q, received: Date()) == nil)
        #expect(try store.submissions().isEmpty)
    }

    @Test(
        "A small file beside a large one: the request is read whole (the small file keeps its diagnostics)"
    )
    func mixedRequestIsNotStreamed() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try SumsTests.wide(20)
        let big = try large("large.csv")
        let small = folder + "/small.csv"
        try TestSupport.write("delegation,threat,priority\nFR,threat-1,1\n", to: small)
        #expect(
            try Submitter(catalog: QuestionnaireCatalog(questionnaires: [q])).streamingPlan(
                SubmitRequest(paths: [big, small], questionnaire: q.id), store: nil) == nil)
    }

    /// SQLite work (virtual-machine steps) of the "current answer" query for `state`/`respondent`.
    static func steps(_ store: Store, questionnaire: String, state: String, respondent: String?)
        throws -> (id: Int64?, steps: Int)
    {
        let statement = try store.db.prepare(Store.currentAnswerSQL)
        try statement.bind([
            .text(questionnaire), .text(state), respondent.map { .text($0) } ?? .null,
            .text(respondent ?? ""),
        ])
        var id: Int64?
        while try statement.step() { id = statement.int(0) }
        return (id, statement.virtualMachineSteps)
    }

    /// A store holding `respondents` streamed respondents (FR, DE, IT, PL, ES) of `q`.
    func store(_ name: String, respondents: Int, _ q: Questionnaire) throws -> Store {
        let csv = folder + "/\(name).csv"
        try TestSupport.write(
            SumsTests.longCSV(respondents: respondents, threats: 20, special: 3), to: csv)
        let store = try Store(path: folder + "/\(name).sqlite")
        _ = try #require(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).store(
                into: store, path: csv, questionnaire: q, received: Date()))
        return store
    }

    /// A store written before schema 12 holding `respondents` streamed respondents (FR, DE,
    /// IT, PL, ES in turn), one submission each.
    func storeBefore12(_ name: String, respondents: Int, _ q: Questionnaire) throws -> Store {
        let states = ["FR", "DE", "IT", "PL", "ES"]
        let answers = (1...respondents).map { r in
            var priorities = [Int32](repeating: -1, count: q.threats.count)
            priorities[r % q.threats.count] = Int32(1 + r % 3)
            return StoreBefore12.Answer(
                memberState: states[(r - 1) % states.count],
                respondent: "R" + String(repeating: "0", count: 7 - String(r).count) + String(r),
                priorities: priorities)
        }
        try StoreBefore12.write(
            answers, name: name + ".csv", questionnaire: q, received: Date(),
            at: folder + "/\(name).sqlite")
        return try Store(path: folder + "/\(name).sqlite")
    }

    @Test(
        "The current answer of a respondent kept as a row of its own (before schema 12) costs the same SQLite work on 28 submissions as on 20,000"
    )
    func currentAnswerIsIndexed() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try SumsTests.wide(20)
        let small = try storeBefore12("small", respondents: 27, q)
        let large = try storeBefore12("large", respondents: 19_999, q)
        // R0000002 is an early answer: walking the questionnaire from the newest submission (as
        // before schema 7) reads nearly every row of the large store to reach it.
        let few = try Self.steps(small, questionnaire: q.id, state: "FR", respondent: "R0000001")
        let many = try Self.steps(large, questionnaire: q.id, state: "FR", respondent: "R0000001")
        #expect(few.id == 1 && many.id == 1)
        #expect(many.steps == few.steps, "steps: \(few.steps) on 28, \(many.steps) on 20,000")
        // Through the public look-up, with and without a respondent.
        #expect(
            try large.currentSubmissionID(
                questionnaire: q.id, memberState: "FR", respondent: "R0000001") == 1)
        #expect(
            try large.currentSubmissionID(questionnaire: q.id, memberState: "FR", respondent: nil)
                == nil)
    }

    @Test(
        "No respondent matches a stored NULL and a stored empty respondent alike; joint answers count"
    )
    func emptyRespondentAndJointAnswers() throws {
        defer { TestSupport.cleanUp(folder) }
        let catalog = try TestSupport.catalog()
        let store = try Store(path: folder + "/s.sqlite")
        for (name, text, day) in [
            (
                "at.json",
                #"{"questionnaire":"9396/1/15","delegation":"AT","respondent":"","threats":["firearms"]}"#,
                "2015-09-01"
            ),
            (
                "be.json",
                #"{"questionnaire":"9396/1/15","delegation":"BE","cosignatories":["NL","LU"],"threats":["drugs"]}"#,
                "2015-09-02"
            ),
            (
                "at2.csv", "questionnaire,delegation,threat,priority\n9396/1/15,AT,drugs,1\n",
                "2015-09-03"
            ),
        ] {
            try Self.submit(text, name: name, into: store, catalog: catalog, received: day)
        }
        let q = "9396/1/15"
        // AT's JSON answer (respondent "") is superseded by its CSV answer (no respondent).
        #expect(
            try store.currentSubmissionID(questionnaire: q, memberState: "AT", respondent: nil) == 3
        )
        #expect(
            try store.currentSubmissionID(questionnaire: q, memberState: "AT", respondent: "") == 3)
        #expect(
            try store.currentSubmissionID(questionnaire: q, memberState: "LU", respondent: nil) == 2
        )
        #expect(
            try store.currentSubmissionID(questionnaire: q, memberState: "DE", respondent: nil)
                == nil)
        let entry = try HistoryEntry.entry(
            of: try #require(try store.submission(id: 1)), in: store,
            questionnaire: try TestSupport.questionnaire())
        #expect(entry.status == "superseded by #3")
    }

    @Test("A store of schema 6 is brought forward and gains the indexes")
    func migrationAddsIndexes() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/old.sqlite"
        do {
            let old = try Connection(path: path)
            try old.transaction {
                for version in 0..<6 { try old.execute(Store.migrations[version]) }
                try old.execute("PRAGMA user_version = 6")
                return .commit
            }
        }
        let store = try Store(path: path)
        let names = try store.db.query("SELECT name FROM sqlite_master WHERE type = 'index'") {
            $0.text(0)
        }
        #expect(
            Set(names).isSuperset(of: [
                "submissions_by_answerer", "cosignatories_by_member_state",
                "submissions_by_delegation",
            ]))
        // Schema 12 drops the index of the submissions that were not streamed: no query
        // needs it once every file is stored in one shape.
        #expect(!names.contains("submissions_regular"))
        #expect(
            try store.db.query("PRAGMA user_version") { $0.int(0) }.first
                == Int64(Store.schemaVersion))
    }

    /// The (questionnaire, threat) pairs the store notes as mentioned.
    static func noted(_ store: Store) throws -> [String] {
        try store.db.query(
            "SELECT questionnaire || ' ' || threat FROM questionnaire_threats ORDER BY 1"
        ) { $0.text(0) }
    }

    @Test(
        "The threats stored answers mention are noted as they are stored, streamed files included, and refilled by the migration"
    )
    func mentionedThreatsAreNoted() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try SumsTests.wide(20)
        let store = try store("streamed", respondents: 30, q)
        try Self.submit(
            #"{"questionnaire":"9396/1/15","delegation":"AT","threats":["firearms","drugs"]}"#,
            into: store, catalog: try TestSupport.catalog(), received: "2015-09-01")
        let noted = try Self.noted(store)
        #expect(noted.contains("9396/1/15 firearms") && noted.contains("9396/1/15 drugs"))
        #expect(!noted.contains("9396/1/15 vat-fraud"))
        // The streamed file's rows name threat-1 … threat-20 in turn; threat-20 appears only
        // with respondent 1's special priority.
        #expect(noted.contains("WIDE/1/26 threat-20") && noted.contains("WIDE/1/26 threat-1"))
        #expect(
            try store.mentionedThreats(questionnaire: q.id)
                == Set(
                    noted.filter { $0.hasPrefix("WIDE/1/26 ") }.map { String($0.dropFirst(10)) }))
        // The same answers in an older store (one row per streamed respondent, schema 7, so
        // without schema 9's best priority too): the migration finds the same pairs in
        // mentions and the file's sums.
        try StoreBefore12.write(
            StoreBefore12.answers(of: try store.submissions(questionnaire: q.id), questionnaire: q),
            name: "streamed.csv", questionnaire: q, received: Date(),
            at: folder + "/old.sqlite")
        let old = try Store(path: folder + "/old.sqlite")
        try Self.submit(
            #"{"questionnaire":"9396/1/15","delegation":"AT","threats":["firearms","drugs"]}"#,
            into: old, catalog: try TestSupport.catalog(), received: "2015-09-01")
        try old.db.execute(
            "DROP TRIGGER mentions_note_threat; DROP TABLE questionnaire_threats; "
                + "ALTER TABLE bulk_sums DROP COLUMN best_priority; "
                + "ALTER TABLE submissions DROP COLUMN source; "
                + "ALTER TABLE files DROP COLUMN compression; "
                + "ALTER TABLE file_chunks DROP COLUMN size; "
                + "ALTER TABLE submissions DROP COLUMN respondents; "
                + "ALTER TABLE submissions DROP COLUMN respondent_count; "
                + "ALTER TABLE submissions DROP COLUMN sums; "
                + "CREATE INDEX submissions_regular ON submissions(questionnaire, received_ms, id) "
                + "WHERE packed_mentions IS NULL; PRAGMA user_version = 7"
        )
        let reopened = try Store(path: folder + "/old.sqlite")
        #expect(try Self.noted(reopened) == noted)
        #expect(try reopened.mentionCount(questionnaire: q.id, threat: "threat-20") >= 1)
        #expect(try reopened.mentionCount(questionnaire: "9396/1/15", threat: "drugs") == 1)
    }

    @Test("A threat only a streamed file mentions, renamed in the folder, is an error naming it")
    func renamedStreamedThreat() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try SumsTests.wide(20)
        let store = try store("streamed", respondents: 30, q)
        var renamed = q
        renamed.threats[19] = Threat(id: "threat-twenty", title: "Threat 20")
        do {
            _ = try QuestionnaireCatalog(questionnaires: [renamed]).merging(store: store)
            Issue.record("a renamed threat with stored mentions was accepted")
        } catch {
            guard case .invalidData(let problems) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(
                problems.map(\.message).contains {
                    $0.contains("threat \"threat-20\" of WIDE/1/26 is not defined here")
                })
        }
    }

    @Test(
        "Beside a streamed file, the questionnaires held are found without reading its rows, and its submissions listed without their respondents' answers"
    )
    func regularSubmissionsAndQuestionnairesAreIndexed() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try SumsTests.wide(20)
        let store = try store("streamed", respondents: 2_000, q)
        #expect(try store.storedQuestionnaires() == ["WIDE/1/26"])
        try Self.submit(
            #"{"questionnaire":"9396/1/15","delegation":"AT","threats":["firearms"]}"#,
            into: store, catalog: try TestSupport.catalog(), received: "2015-09-01")
        #expect(try store.storedQuestionnaires() == ["9396/1/15", "WIDE/1/26"])
        #expect(try Store(path: folder + "/empty.sqlite").storedQuestionnaires().isEmpty)
        // The figures list the streamed file's submissions (one per Member State) without
        // their respondents' answers, which their kept sums stand for.
        let listed = try store.submissions(questionnaire: q.id, respondents: false)
        #expect(listed.count == 5)
        #expect(listed.allSatisfy { $0.response.respondents.isEmpty })
        #expect(listed.map(\.response.respondentCount).reduce(0, +) == 2_001)
        #expect(try store.submissions(questionnaire: "9396/1/15").count == 1)
    }

    /// SQLite work of `body` on `store` (virtual-machine steps of every statement it ran).
    static func work(_ store: Store, _ body: () throws -> Void) throws -> Int {
        let before = store.db.virtualMachineSteps
        try body()
        return store.db.virtualMachineSteps - before
    }

    @Test(
        "rank, show, history --limit, deadline, submitting one answer and the stored-definition check do the same SQLite work beside 2,000 and 20,000 streamed respondents"
    )
    func commandsDoNotGrowWithTheStore() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try SumsTests.wide(20)
        let catalog = QuestionnaireCatalog(questionnaires: [q])
        var figures: [[Int]] = []
        for (name, respondents) in [("small", 1_999), ("large", 19_999)] {
            let store = try store(name, respondents: respondents, q)
            let rank = try Self.work(store) {
                let input = try AnalysisInput.load(
                    AnalysisRequest(questionnaire: q.id), catalog: catalog, store: store)
                #expect(input.ranking(input.options).threats.count == 20)
            }
            let show = try Self.work(store) {
                let found = try #require(try store.submission(id: 1))
                #expect(
                    try HistoryEntry.entry(of: found, in: store, questionnaire: q).status
                        == "current")
            }
            let history = try Self.work(store) {
                let latest = try store.latestSubmissions(questionnaire: nil, limit: 20)
                #expect(latest.count == 5)
            }
            let definitions = try Self.work(store) { _ = try catalog.merging(store: store) }
            let deadline = try Self.work(store) {
                let answers = try store.firstAndLastAnswers(
                    questionnaire: q.id, before: Date(timeIntervalSinceNow: 60))
                #expect(answers.count == 5)
            }
            let submit = try Self.work(store) {
                let receipts = try Self.submit(
                    #"{"questionnaire":"WIDE/1/26","delegation":"AT","threats":["threat-3"]}"#,
                    into: store, catalog: catalog, received: "2026-03-01")
                #expect(receipts.count == 1)
            }
            figures.append([rank, show, history, definitions, deadline, submit])
        }
        #expect(
            figures[0] == figures[1],
            "SQLite steps (rank, show, history, definitions, deadline, submit): \(figures)")
    }

    @Test(
        "First and last answers before a cutoff, from index seeks, equal a pass over every submission"
    )
    func firstAndLastAgreeWithAPass() throws {
        defer { TestSupport.cleanUp(folder) }
        let catalog = try TestSupport.catalog()
        let store = try Store(path: folder + "/s.sqlite")
        var random = SplitMix64(seed: 11)
        let states = ["AT", "BE", "FR", "LU", "NL"]
        for n in 0..<40 {
            let state = states[Int(random.next() % 5)]
            let joint = random.next() % 4 == 0 ? #","cosignatories":["LU"]"# : ""
            let day = 1 + Int(random.next() % 20)
            let minute = Int(random.next() % 60)
            try Self.submit(
                #"{"questionnaire":"9396/1/15","delegation":""# + state + "\"" + joint
                    + #","threats":["firearms"]}"#,
                into: store, catalog: catalog,
                received: String(format: "2015-09-%02d %02d:%02d", day, 8 + n % 9, minute))
        }
        let all = try store.submissions(questionnaire: "9396/1/15")
        #expect(all.count == 40)
        for cutoff in all.map(\.received) + [Date(timeIntervalSince1970: 0), Date.distantFuture] {
            let expected = FirstAndLastAnswer.of(all, before: cutoff)
            #expect(
                try store.firstAndLastAnswers(questionnaire: "9396/1/15", before: cutoff)
                    == expected)
        }
    }

    @Test(
        "The last stored millisecond before a cutoff agrees with the analyses' rule at every boundary"
    )
    func lastMillisecond() {
        var random = SplitMix64(seed: 5)
        for _ in 0..<10_000 {
            let seconds =
                Double(random.next() % 400_000_000_000) / 1000 + Double(random.next() % 1000) / 1e6
            let cutoff = Date(timeIntervalSince1970: seconds)
            let m = Store.lastMillisecond(before: cutoff)
            #expect(Date(timeIntervalSince1970: Double(m) / 1000) < cutoff)
            #expect(!(Date(timeIntervalSince1970: Double(m + 1) / 1000) < cutoff))
        }
        #expect(Store.lastMillisecond(before: .distantFuture) > 0)
    }

    @Test(
        "history --limit across questionnaires merges each one's latest: the same as sorting every submission"
    )
    func latestAcrossQuestionnaires() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: folder + "/s.sqlite")
        let catalog = try TestSupport.catalog()
        var random = SplitMix64(seed: 3)
        for _ in 0..<30 {
            let questionnaire = random.next() % 2 == 0 ? "9396/1/15" : "10618/15"
            let state = ["AT", "BE", "FR"][Int(random.next() % 3)]
            try Self.submit(
                #"{"questionnaire":""# + questionnaire + #"","delegation":""# + state
                    + #"","threats":[]}"#,
                into: store, catalog: catalog,
                received: String(format: "2015-09-%02d", 1 + Int(random.next() % 25)))
        }
        let all = try store.submissions().sorted { ($0.received, $0.id) < ($1.received, $1.id) }
        #expect(Set(all.map(\.questionnaire)).count == 2)
        for limit in [0, 1, 5, 29, 30, 100] {
            #expect(
                try store.latestSubmissions(questionnaire: nil, limit: limit).map(\.id)
                    == all.suffix(limit).map(\.id))
        }
    }
}
