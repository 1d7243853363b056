import Foundation
import Testing

@testable import ThreatSurvey

/// Every answer is counted by one rule, whichever way it was stored or read (issue 18): the
/// counted-answers module gives the same sums, first and counted times, and file provenance
/// for a consultation stored as one streamed file or as one file per delegation, for streamed
/// files that share respondents, and with the officer's decisions on record.
@Suite("Counted answers")
struct CountedAnswersTests {
    let folder: String
    init() throws { folder = try TestSupport.temporaryFolder() }

    /// A generated consultation of `respondents`, whole and split by delegation.
    func consultation(respondents: Int, seed: UInt64) throws -> (
        whole: String, byState: [String: String]
    ) {
        var text = ""
        var generator = ConsultationGenerator(respondents: respondents, seed: seed)
        _ = generator.generate { text += $0 }
        let records = CSVReader.records(in: Array(text.utf8), delimiter: UInt8(ascii: ",")).records
        let header = try #require(records.first).fields.joined(separator: ",") + "\n"
        let quote = { (field: String) -> String in
            field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        var byState: [String: String] = [:]
        for record in records.dropFirst() {
            byState[record.fields[0], default: header] +=
                record.fields.map(quote).joined(separator: ",") + "\n"
        }
        return (text, byState)
    }

    /// Streams `text` into `store` as the file `name`, received at `received`.
    func stream(
        _ text: String, as name: String, into store: Store, _ q: Questionnaire, _ received: Date
    )
        throws
    {
        try TestSupport.write(text, to: folder + "/" + name)
        #expect(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).store(
                into: store, path: folder + "/" + name, name: name, questionnaire: q,
                received: received) != nil)
    }

    /// The sums as comparable text: per Member State, each threat's counts (Borda points to
    /// nine decimals: the order of addition may differ in the last bit).
    func sums(_ counted: CountedAnswers) -> [String] {
        let a = counted.aggregate
        return MemberState.sortedByProtocol(a.states.keys).compactMap { state in
            guard let s = a.states[state] else { return nil }
            let perThreat = a.threats.indices.map { t in
                "\(a.threats[t]):\(s.mentions[t]),\(s.prioritySum[t]),\(s.priorityCount[t]),"
                    + "\(s.firsts[t]),\(s.bestPriority[t]),\(String(format: "%.9f", s.borda[t]))"
            }
            return "\(state) \(s.answers) " + perThreat.joined(separator: " ")
        }
    }

    /// The report's provenance by file: name, answers, how many count, when, checksum, the
    /// submissions' numbers.
    func provenance(_ counted: CountedAnswers, today: CivilDate) -> [String] {
        ReportModel(ReportInputs.withCounted(counted, today: today)).provenance.map { row in
            "\(row.file) \(row.answers) \(row.counted) \(row.received.timeIntervalSince1970) "
                + "\(row.checksum) \(row.submissions)"
        }
    }

    /// The same counted answers read from the cached sums and from every submission.
    func expectSameBothWays(
        _ store: Store, _ q: Questionnaire, asOf: Date?, receivedBefore: Date? = nil,
        today: CivilDate
    ) throws {
        let cached = try CountedAnswers.load(
            store: store, questionnaire: q, asOf: asOf, receivedBefore: receivedBefore)
        let general = try CountedAnswers.load(
            store: store, questionnaire: q, asOf: asOf, receivedBefore: receivedBefore,
            useCache: false)
        #expect(general.reading == .submissions)
        #expect(sums(cached) == sums(general))
        #expect(cached.answerTimes == general.answerTimes)
        #expect(
            Ranking(counted: cached).json.serialized()
                == Ranking(counted: general).json.serialized())
        // The joint-answer caveat too: a streamed respondent is an answer of its own.
        for grouping in Grouping.builtIn {
            #expect(
                RegionalBreakdown(counted: cached, grouping: grouping).document().json.serialized()
                    == RegionalBreakdown(counted: general, grouping: grouping).document().json
                    .serialized())
        }
        // The report's provenance, as of the end of its day (what it counts then).
        if receivedBefore == nil, asOf == today.endOfDay(in: q.timeZone) {
            #expect(provenance(cached, today: today) == provenance(general, today: today))
        }
    }

    @Test(
        "One streamed file and one file per delegation: same sums, same first and counted times, every answer in provenance"
    )
    func oneFileOrPerDelegation() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try FastPathTests.benchQuestionnaire()
        let (whole, byState) = try consultation(respondents: 300, seed: 11)
        let received = CivilDate(year: 2026, month: 3, day: 1)!.at(hour: 10, in: q.timeZone)
        let streamed = try Store(path: folder + "/streamed.sqlite")
        try stream(whole, as: "all.csv", into: streamed, q, received)
        let loaded = try Store(path: folder + "/loaded.sqlite")
        var paths: [String] = []
        for (state, text) in byState {
            paths.append(folder + "/\(state).csv")
            try TestSupport.write(text, to: folder + "/\(state).csv")
        }
        _ = try Submitter(catalog: QuestionnaireCatalog(questionnaires: [q])).submit(
            SubmitRequest(paths: paths.sorted(), questionnaire: q.id, received: .instant(received)),
            into: loaded)

        let today = CivilDate(year: 2026, month: 3, day: 2)!
        let asOf = today.endOfDay(in: q.timeZone)
        let one = try CountedAnswers.load(store: streamed, questionnaire: q, asOf: asOf)
        let perState = try CountedAnswers.load(store: loaded, questionnaire: q, asOf: asOf)
        // One stored shape: either way, a submission per delegation gathering its
        // respondents, counted by the sums kept with it.
        #expect(one.reading == .cachedSums)
        #expect(perState.reading == .cachedSums)
        #expect(one.submissions.count == byState.count)
        #expect(perState.submissions.count == byState.count)
        #expect(
            one.submissions.map(\.response.respondentCount).sorted()
                == perState.submissions.map(\.response.respondentCount).sorted())
        #expect(sums(one) == sums(perState))
        #expect(one.answerTimes == perState.answerTimes)
        #expect(Set(one.answerTimes.keys) == Set(byState.keys))
        #expect(one.lateStates(.memberState) == perState.lateStates(.memberState))
        #expect(one.lateStates(.answer) == perState.lateStates(.answer))
        // Provenance by file: one row for the streamed file, one per delegation's file; the
        // same answers count.
        let oneRows = ReportModel(ReportInputs.withCounted(one, today: today)).provenance
        let perStateRows = ReportModel(ReportInputs.withCounted(perState, today: today)).provenance
        #expect(oneRows.count == 1)
        #expect(oneRows.first?.answers == 300)
        #expect(oneRows.first?.counted == 300)
        #expect(oneRows.first?.respondents == 300)
        #expect(oneRows.first?.checksum == SHA256.hex(of: Array(whole.utf8)))
        #expect(perStateRows.count == byState.count)
        #expect(perStateRows.map(\.answers).reduce(0, +) == 300)
        #expect(oneRows.map(\.counted).reduce(0, +) == perStateRows.map(\.counted).reduce(0, +))
        // The deadline check names each state's first submission in the file, as loading
        // its rows would.
        let check = DeadlineCheck(questionnaire: q, submissions: one.submissions, today: today)
        #expect(check.onTime.count == byState.count)
        for answer in check.onTime {
            #expect(
                try streamed.submission(id: answer.submission)?.delegation == answer.memberState)
        }
        #expect(
            check.onTime.map(\.submission)
                == DeadlineCheck(
                    questionnaire: q, submissions: try streamed.submissions(questionnaire: q.id),
                    today: today
                ).onTime.map(\.submission))
        // Before the file arrived, nothing counts either way, and the ranking says the same
        // (no respondents yet).
        let before = received.addingTimeInterval(-60)
        let noneYet = try CountedAnswers.load(store: streamed, questionnaire: q, asOf: before)
        let noneYetLoaded = try CountedAnswers.load(store: loaded, questionnaire: q, asOf: before)
        #expect(noneYet.aggregate.states.isEmpty)
        #expect(
            Ranking(counted: noneYet).json.serialized()
                == Ranking(counted: noneYetLoaded).json.serialized())
    }

    @Test(
        "Streamed files sharing respondents: a later file replaces answers, a file wholly replaced counts nothing, as when reading every submission"
    )
    func sharedRespondents() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try FastPathTests.benchQuestionnaire()
        let store = try Store(path: folder + "/s.sqlite")
        let when = CivilDate(year: 2026, month: 3, day: 1)!.at(hour: 10, in: q.timeZone)
        let (a, _) = try consultation(respondents: 50, seed: 1)
        let (b, _) = try consultation(respondents: 20, seed: 2)
        try stream(a, as: "a.csv", into: store, q, when)
        try stream(b, as: "b.csv", into: store, q, when.addingTimeInterval(3600))
        // The same answers again after the deadline: b's are all replaced.
        try stream(b + "\n", as: "c.csv", into: store, q, when.addingTimeInterval(40 * 86_400))
        let today = CivilDate(year: 2026, month: 4, day: 30)!
        for asOf in [when.addingTimeInterval(7200), today.endOfDay(in: q.timeZone)] {
            try expectSameBothWays(store, q, asOf: asOf, today: today)
            try expectSameBothWays(
                store, q, asOf: asOf, receivedBefore: q.onTimeCutoff, today: today)
        }
        let counted = try CountedAnswers.load(
            store: store, questionnaire: q, asOf: today.endOfDay(in: q.timeZone))
        // The files share respondents: their answers were read, and each respondent's latest
        // counts.
        #expect(counted.submissions.contains { !$0.response.respondents.isEmpty })
        let rows = ReportModel(ReportInputs.withCounted(counted, today: today)).provenance
        let files = Dictionary(uniqueKeysWithValues: rows.map { ($0.file, $0) })
        #expect(files["a.csv"]?.answers == 50)
        #expect(files["b.csv"]?.answers == 20)
        #expect(files["b.csv"]?.counted == 0)
        #expect(files["c.csv"]?.counted == 20)
        #expect(files["b.csv"]?.status.contains("20 superseded by later answers") == true)
        #expect(!counted.lateStates(.answer).isEmpty)
        // The deadline check from the counted submissions names what reading every answer
        // names: each state's first, and its late resubmission.
        let fromStandIns = DeadlineCheck(
            questionnaire: q, submissions: counted.submissions, today: today)
        let fromRows = DeadlineCheck(
            questionnaire: q, submissions: try store.submissions(questionnaire: q.id), today: today)
        #expect(!fromRows.resubmittedLate.isEmpty)
        #expect(fromStandIns.document().json.serialized() == fromRows.document().json.serialized())
    }

    @Test(
        "With a decision on record: a void of another answer keeps the kept sums, the same counts; a void of a delegation's respondents takes them all out"
    )
    func decisionOnRecord() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try FastPathTests.benchQuestionnaire()
        let store = try Store(path: folder + "/s.sqlite")
        let when = CivilDate(year: 2026, month: 3, day: 1)!.at(hour: 10, in: q.timeZone)
        let json = folder + "/MT.json"
        try TestSupport.write(
            #"{"delegation": "MT", "cosignatories": ["CY", "EL"], "threats": [{"threat": "vat-fraud", "priority": 1}]}"#,
            to: json)
        _ = try Submitter(catalog: QuestionnaireCatalog(questionnaires: [q])).submit(
            SubmitRequest(paths: [json], questionnaire: q.id, received: .instant(when)),
            into: store)
        let (text, _) = try consultation(respondents: 80, seed: 7)
        try stream(text, as: "gen.csv", into: store, q, when.addingTimeInterval(86_400))
        let today = CivilDate(year: 2026, month: 3, day: 9)!
        let asOf = today.endOfDay(in: q.timeZone)
        try expectSameBothWays(store, q, asOf: asOf, today: today)
        let mt = try #require(
            try store.submissions(questionnaire: q.id).first {
                $0.delegation == "MT" && $0.response.respondent == nil
            })
        try store.record([
            Decision(submission: mt.id, action: .void, reason: "sent by mistake", by: "anna")
        ])
        try expectSameBothWays(store, q, asOf: asOf, today: today)
        let afterVoid = try CountedAnswers.load(store: store, questionnaire: q, asOf: asOf)
        #expect(!afterVoid.submissions.contains { $0.id == mt.id })
        // `questionnaires` counts every stored submission (the voided one too: it is on the
        // record) and the Member States that answered, the same whichever way it was read.
        let stored = try store.submissions(questionnaire: q.id)
        let cachedCounts = try CountedAnswers.answerCounts(store: store, questionnaire: q)
        #expect(afterVoid.reading == .cachedSums)
        #expect(cachedCounts.submissions == stored.count)
        #expect(cachedCounts.memberStates == afterVoid.responded.count)
        // A void of one delegation's respondents: its answers all leave, read either way.
        let row = try #require(
            try store.submissions(questionnaire: q.id).first(where: \.gathersRespondents))
        try store.record([
            Decision(submission: row.id, action: .void, reason: "a test file", by: "anna")
        ])
        try expectSameBothWays(store, q, asOf: asOf, today: today)
        let general = try CountedAnswers.load(store: store, questionnaire: q, asOf: asOf)
        #expect(general.reading == .cachedSums)
        let rowCounts = try CountedAnswers.answerCounts(store: store, questionnaire: q)
        #expect(rowCounts.submissions == stored.count)
        #expect(rowCounts.memberStates == general.responded.count)
        let answers = general.aggregate.states.values.reduce(0) { $0 + $1.answers }
        let before = afterVoid.aggregate.states.values.reduce(0) { $0 + $1.answers }
        #expect(answers == before - row.response.respondentCount)
    }
}

extension ReportInputs {
    /// Report inputs of `counted`, as ``load(store:questionnaire:grouping:today:generated:)``
    /// makes them (without decisions).
    static func withCounted(_ counted: CountedAnswers, today: CivilDate) -> ReportInputs {
        var inputs = ReportInputs(
            questionnaire: counted.questionnaire, submissions: counted.submissions,
            today: today, generated: Date(timeIntervalSince1970: 0))
        inputs.counted = counted
        return inputs
    }
}
