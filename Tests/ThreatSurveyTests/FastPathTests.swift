import Foundation
import Testing

@testable import ThreatSurvey

/// The streaming fast path gives the same sums as the general reader, and declines what it
/// does not handle.
@Suite("Fast path")
struct FastPathTests {
    let folder: String
    init() throws { folder = try TestSupport.temporaryFolder() }

    static func benchQuestionnaire() throws -> Questionnaire {
        try QuestionnaireCatalog.load(folder: TestSupport.fixtures + "/load-test").find(
            "BENCH/1/26")
    }

    /// The general reader's ranking and breakdown of `path`, as JSON text.
    func general(_ path: String, _ q: Questionnaire, method: RankingOptions.Method = .count) throws
        -> (String, String)
    {
        let submitter = Submitter(catalog: QuestionnaireCatalog(questionnaires: [q]))
        // Received on the issue date: on time, as the fast path's sums are taken here.
        let prepared = try submitter.prepare(
            SubmitRequest(paths: [path], questionnaire: q.id, received: .date(q.issued)), store: nil
        )
        let submissions = try submitter.commit(prepared, into: nil).map(\.submission)
        let ranking = Ranking(
            questionnaire: q, submissions: submissions, options: .init(method: method))
        let regions = RegionalBreakdown(
            questionnaire: q, submissions: submissions, grouping: .unM49)
        return (ranking.json.serialized(), regions.json.serialized())
    }

    func fast(_ path: String, _ q: Questionnaire, method: RankingOptions.Method = .count) throws
        -> (String, String)?
    {
        guard
            case .aggregated(let aggregate, _) = try LongCSVAggregator.aggregate(
                path: path, questionnaire: q)
        else { return nil }
        let ranking = Ranking(
            questionnaire: q, aggregate: aggregate, options: .init(method: method))
        let regions = RegionalBreakdown(questionnaire: q, aggregate: aggregate, grouping: .unM49)
        return (ranking.json.serialized(), regions.json.serialized())
    }

    @Test(
        "A generated consultation: same ranking, Borda and breakdown both ways",
        arguments: [1, 7, 400])
    func generated(respondents: Int) throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/gen.csv"
        var text = ""
        var generator = ConsultationGenerator(respondents: respondents, seed: UInt64(respondents))
        _ = generator.generate { text += $0 }
        try TestSupport.write(text, to: path)
        let q = try Self.benchQuestionnaire()
        for method in RankingOptions.Method.allCases {
            let f = try #require(try fast(path, q, method: method))
            let g = try general(path, q, method: method)
            #expect(f.0 == g.0)
            #expect(f.1 == g.1)
        }
    }

    @Test("Small chunks: records cut anywhere still read the same", arguments: [128, 197, 4096])
    func chunkBoundaries(chunkSize: Int) throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/big.csv"
        var text = ""
        var generator = ConsultationGenerator(respondents: 500)
        let summary = generator.generate { text += $0 }
        try TestSupport.write(text, to: path)
        let q = try Self.benchQuestionnaire()
        guard
            case .aggregated(let aggregate, let rows) = try LongCSVAggregator.aggregate(
                path: path, questionnaire: q, chunkSize: chunkSize)
        else {
            Issue.record("declined")
            return
        }
        #expect(rows == summary.rows)
        #expect(
            Ranking(questionnaire: q, aggregate: aggregate).json.serialized()
                == (try general(path, q)).0)
    }

    @Test("A split that falls inside a quoted comment is detected, and the file read in one pass")
    func splitInsideQuotes() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/quoted.csv"
        // 300 short rows, a 3,000-byte comment over 75 lines in the middle, 300 short rows.
        var lines = ["delegation,respondent,threat,priority,comment"]
        for r in 1...300 { lines.append("FR,R\(String(format: "%03d", r)),drugs,1,") }
        let long = (1...75).map { "line \(String(format: "%02d", $0)) of a long remark, commas" }
            .joined(separator: "\n")
        lines.append("DE,R301,firearms,1,\"\(long)\"")
        for r in 302...601 { lines.append("IT,R\(String(format: "%03d", r)),drugs,2,") }
        try TestSupport.write(lines.joined(separator: "\n") + "\n", to: path)
        let q = try TestSupport.questionnaire()
        guard
            case .aggregated(let aggregate, let rows) = try LongCSVAggregator.aggregate(
                path: path, questionnaire: q, chunkSize: 2048)
        else {
            Issue.record("declined")
            return
        }
        #expect(rows == 601)
        #expect(
            Ranking(questionnaire: q, aggregate: aggregate).json.serialized()
                == (try general(path, q)).0)
    }

    @Test(
        "Fixture files without respondents, with aliases and comments",
        arguments: ["baltic-states.csv", "pl.csv", "hu.csv", "de-excel.csv"])
    func fixtures(name: String) throws {
        let q = try TestSupport.questionnaire()
        let path = TestSupport.fixture(name)
        let f = try #require(try fast(path, q))
        #expect(f.0 == (try general(path, q)).0)
    }

    @Test(
        "Unusual files are declined, for the general reader to handle",
        arguments: [
            ("matrix", "delegation,firearms,drugs\nFR,1,2\n"),
            ("sep line", "sep=;\ndelegation;threat\nFR;drugs\n"),
            ("unknown threat", "delegation,threat\nFR,fire arms\n"),
            ("bad priority", "delegation,threat,priority\nFR,drugs,high\n"),
            ("priority zero", "delegation,threat,priority\nFR,drugs,0\n"),
            (
                "respondent apart",
                "delegation,respondent,threat\nFR,R1,drugs\nFR,R2,drugs\nFR,R1,firearms\n"
            ),
            ("unclosed quote", "delegation,threat,comment\nFR,drugs,\"open\n"),
            ("ragged row", "delegation,threat,comment\nFR,drugs\n"),
            ("extra column", "delegation,threat,cosignatories\nFR,drugs,DE\n"),
        ])
    func declines(reason: String, text: String) throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/x.csv"
        try TestSupport.write(text, to: path)
        let outcome = try LongCSVAggregator.aggregate(
            path: path, questionnaire: try TestSupport.questionnaire())
        guard case .declined = outcome else {
            Issue.record("\(reason): expected the fast path to decline")
            return
        }
    }

    @Test("Duplicated threats and mixed priorities within a respondent follow the general rules")
    func duplicates() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/dup.csv"
        try TestSupport.write(
            "delegation,respondent,threat,priority\nFR,R1,drugs,3\nFR,R1,drugs,1\nFR,R1,firearms,\nDE,R2,firearms,2\nDE,R2,drugs,2\n",
            to: path)
        let q = try TestSupport.questionnaire()
        for method in RankingOptions.Method.allCases {
            let f = try #require(try fast(path, q, method: method))
            #expect(f.0 == (try general(path, q, method: method)).0)
        }
    }

    @Test("generate writes what gen.py writes (reference digest from ../shared/bench/gen.py 1000)")
    func generatorMatchesReference() {
        var generator = ConsultationGenerator(respondents: 1000)
        var bytes: [UInt8] = []
        _ = generator.generate { bytes += Array($0.utf8) }
        // `python3 ../shared/bench/gen.py 1000 out.csv` gives md5 a3e9f44b69bd96be95ec0a5531ebaa24,
        // sha256 below (computed with sha256sum on that file).
        #expect(SHA256.hex(of: bytes) == Self.gen1000SHA256)
    }

    static let gen1000SHA256 = "22f9fcc2ac75e79d4ce90e6224fdd5cb54255c66da9ba0f1a76c4ffdb64412b2"
}

@Suite("Streamed store")
struct StreamedStoreTests {
    let folder: String
    init() throws { folder = try TestSupport.temporaryFolder() }

    func generated(_ respondents: Int, seed: UInt64 = 7, name: String = "gen.csv") throws -> String
    {
        let path = folder + "/" + name
        var text = ""
        var generator = ConsultationGenerator(respondents: respondents, seed: seed)
        _ = generator.generate { text += $0 }
        try TestSupport.write(text, to: path)
        return path
    }

    @Test("A streamed file ranks, reads back and shows exactly as the general reader stores it")
    func sameAsGeneral() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try FastPathTests.benchQuestionnaire()
        let path = try generated(300)
        let received = CivilDate(year: 2026, month: 3, day: 1)!.at(hour: 10, in: q.timeZone)
        let streamedStore = try Store(path: folder + "/streamed.sqlite")
        let receipt = try #require(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).store(
                into: streamedStore, path: path, name: "gen.csv", questionnaire: q,
                received: received))
        // One submission per delegation, its respondents inside (as the general reader stores
        // the same file).
        #expect(receipt.submissions.count == receipt.memberStates.count)
        #expect(receipt.respondents == 300)
        let bytes = try TestSupport.bytes(path)
        #expect(try streamedStore.originalBytes(fileID: receipt.fileID) == bytes)
        #expect(receipt.checksum == SHA256.hex(of: bytes))

        let generalStore = try Store(path: folder + "/general.sqlite")
        _ = try Submitter(catalog: QuestionnaireCatalog(questionnaires: [q])).submit(
            SubmitRequest(paths: [path], questionnaire: q.id, received: .instant(received)),
            into: generalStore)
        let general = try generalStore.submissions(questionnaire: q.id)
        let streamed = try streamedStore.submissions(questionnaire: q.id)
        #expect(streamed.map(\.delegation) == general.map(\.delegation))
        #expect(streamed.map(\.response.respondentCount) == general.map(\.response.respondentCount))
        let answers = { (all: [Submission]) in
            all.flatMap(\.answers).map { answer in
                "\(answer.delegation)/\(answer.response.respondent ?? "-") line \(answer.response.line): "
                    + answer.response.mentions.map { "\($0.threat):\($0.priority ?? 0)" }.sorted()
                    .joined(separator: " ")
            }
        }
        #expect(answers(streamed).count == 300)
        #expect(answers(streamed) == answers(general))

        for options in [
            RankingOptions(), RankingOptions(method: .borda), RankingOptions(onTimeOnly: true),
        ] {
            let counted = try CountedAnswers.load(
                store: streamedStore, questionnaire: q, asOf: options.asOf,
                receivedBefore: options.onTimeOnly ? q.onTimeCutoff : nil)
            #expect(counted.reading == .cachedSums)
            let fast = Ranking(counted: counted, options: options)
            let slow = Ranking(questionnaire: q, submissions: general, options: options)
            #expect(fast.json.serialized() == slow.json.serialized())
        }
        let early = RankingOptions(
            asOf: CivilDate(year: 2026, month: 2, day: 1)!.endOfDay(in: q.timeZone))
        let counted = try CountedAnswers.load(
            store: streamedStore, questionnaire: q, asOf: early.asOf)
        #expect(counted.reading == .cachedSums)
        #expect(Ranking(counted: counted, options: early).responded.isEmpty)
    }

    @Test(
        "Overlapping streamed files: sums recomputed from their current answers equal reading every submission, with every option"
    )
    func overlap() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try FastPathTests.benchQuestionnaire()
        let catalog = QuestionnaireCatalog(questionnaires: [q])
        let store = try Store(path: folder + "/s.sqlite")
        let when = CivilDate(year: 2026, month: 3, day: 1)!.at(hour: 10, in: q.timeZone)
        // a: R1–R50; b: R1–R20 an hour later (replacing a's answers of the same Member State);
        // c: R10–R60 after the deadline (replacing both, unless only on-time answers count).
        for (name, respondents, seed, offset) in [
            ("a.csv", 50, UInt64(1), 0.0), ("b.csv", 20, 2, 3600), ("c.csv", 60, 3, 40 * 86_400),
        ] {
            var path = try generated(respondents, seed: seed, name: name)
            if name == "c.csv" {  // renumber R1… as R10…, so c overlaps a and b only in part
                var text = try String(contentsOfFile: path, encoding: .utf8)
                text = text.replacingOccurrences(of: ",R00000", with: ",R10000")
                path = folder + "/c2.csv"
                try TestSupport.write(text, to: path)
            }
            _ = try #require(
                try StreamingSubmitter(catalog: catalog).store(
                    into: store, path: path, name: name, questionnaire: q,
                    received: when.addingTimeInterval(offset)))
        }
        // The files share respondents: their answers are read, each respondent's latest counts.
        #expect(
            try CountedAnswers.load(store: store, questionnaire: q, asOf: nil).submissions
                .contains { !$0.response.respondents.isEmpty })
        let asOfB = Timestamp.iso(when.addingTimeInterval(7200), in: q.timeZone)
        for (asOf, onTime) in [(nil, false), (nil, true), (asOfB, false), (asOfB, true)] {
            let options: (Bool) -> AnalysisRequest = {
                AnalysisRequest(
                    questionnaire: q.id, asOf: asOf.flatMap(DateTimeInput.init),
                    onTimeOnly: onTime, allowSums: $0)
            }
            var documents: [String] = []
            for allowSums in [true, false] {
                let input = try AnalysisInput.load(
                    options(allowSums), catalog: catalog, store: store)
                for method in RankingOptions.Method.allCases {
                    var o = input.options
                    o.method = method
                    documents.append(
                        input.ranking(o).document().render(as: .json))
                }
                documents.append(
                    input.breakdown(
                        .builtIn[0], alpha: RegionalBreakdown.defaultAlpha, options: input.options
                    )
                    .document().render(as: .json))
            }
            let half = documents.count / 2
            #expect(
                Array(documents[..<half]) == Array(documents[half...]),
                "as of \(asOf ?? "now"), on time only \(onTime)")
        }
        // The general rule, by hand: every (Member State, respondent) counts once.
        let all = try store.submissions(questionnaire: q.id)
        let pairs = Set(
            all.flatMap(\.answers).map { "\($0.delegation)/\($0.response.respondent ?? "")" })
        #expect(Ranking(questionnaire: q, submissions: all).respondents == pairs.count)
        #expect(pairs.count < 130)
    }

    @Test("A file the streaming path declines stores nothing")
    func declined() throws {
        defer { TestSupport.cleanUp(folder) }
        let store = try Store(path: folder + "/s.sqlite")
        let path = folder + "/x.csv"
        try TestSupport.write("delegation,threat\nFR,drugs\n", to: path)
        let q = try TestSupport.questionnaire()
        #expect(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).store(
                into: store, path: path, name: "x.csv", questionnaire: q, received: Date()) == nil)
        try TestSupport.write(
            "delegation,respondent,threat\nFR,R1,drugs\nFR,R2,fire arms\n", to: path)
        #expect(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).store(
                into: store, path: path, name: "x.csv", questionnaire: q, received: Date()) == nil)
        #expect(try store.db.query("SELECT COUNT(*) FROM files") { $0.int(0) } == [0])
        #expect(try store.db.query("SELECT COUNT(*) FROM submissions") { $0.int(0) } == [0])
    }

    @Test(
        "Incremental SHA-256 equals the one-shot digest, however the bytes are cut",
        arguments: [1, 63, 64, 65, 1000])
    func incrementalHash(cut: Int) {
        let bytes = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256.Hasher()
        var start = 0
        while start < bytes.count {
            let end = min(start + cut, bytes.count)
            bytes[start..<end].withUnsafeBytes { hasher.update($0) }
            start = end
        }
        #expect(hasher.finalizeHex() == SHA256.hex(of: bytes))
    }
}
