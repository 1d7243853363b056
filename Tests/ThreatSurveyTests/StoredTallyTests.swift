import Foundation
import Testing

@testable import ThreatSurvey

/// `tally` reads streamed files by their sums (issue 11).
///
/// On a store holding a streamed consultation it loaded every respondent's submission (11 s,
/// 2 GB for a million). It now reads streamed files by their sums; the
/// result must be the one reading every submission gives.
@Suite("Stored tally")
struct StoredTallyTests {
    let folder: String
    init() throws { folder = try TestSupport.temporaryFolder() }

    /// BENCH/1/26 with the questions of 10618/15, so that answers can be tallied.
    func questionnaire() throws -> Questionnaire {
        var q = try FastPathTests.benchQuestionnaire()
        q.questions = try TestSupport.questionnaire("10618/15").questions
        return q
    }

    func answer(_ state: String, _ cyber: String, _ channel: String) -> String {
        """
        {"delegation": "\(state)", "threats": [{"threat": "vat-fraud", "priority": 1}],
         "answers": {"cyber-unit": "\(cyber)", "main-channel": "\(channel)"}}
        """
    }

    /// Three JSON answers with answers to questions, a streamed file of 400 respondents a day
    /// later, and a second answer from FR after it.
    func mixedStore() throws -> (Store, Questionnaire, early: Date, later: Date) {
        let q = try questionnaire()
        let store = try Store(path: folder + "/s.sqlite")
        let zone = q.timeZone
        let early = try #require(CivilDate(year: 2026, month: 3, day: 1)).at(hour: 10, in: zone)
        var paths: [String] = []
        for (state, cyber, channel) in [
            ("AT", "yes", "postal"), ("FR", "no", "both equally"), ("MT", "yes", "postal"),
        ] {
            let path = folder + "/\(state).json"
            try TestSupport.write(answer(state, cyber, channel), to: path)
            paths.append(path)
        }
        let submitter = Submitter(catalog: QuestionnaireCatalog(questionnaires: [q]))
        _ = try submitter.submit(
            SubmitRequest(paths: paths, questionnaire: q.id, received: .instant(early)), into: store
        )
        // A million respondents in miniature, received a day later.
        let generated = folder + "/gen.csv"
        var text = ""
        var generator = ConsultationGenerator(respondents: 400, seed: 3)
        _ = generator.generate { text += $0 }
        try TestSupport.write(text, to: generated)
        let later = early.addingTimeInterval(86_400)
        #expect(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).store(
                into: store, path: generated, name: "gen.csv", questionnaire: q, received: later)
                != nil)
        // FR answers again later (its second answer has no answer to the questions).
        let again = folder + "/FR2.json"
        try TestSupport.write(#"{"delegation": "FR", "threats": ["firearms"]}"#, to: again)
        _ = try submitter.submit(
            SubmitRequest(
                paths: [again], questionnaire: q.id,
                received: .instant(later.addingTimeInterval(60))),
            into: store)

        return (store, q, early, later)
    }

    /// Streams a second generated file of 150 respondents (R0000001…, so overlapping the
    /// first) into `store`, received at `received`.
    func addOverlappingFile(_ store: Store, _ q: Questionnaire, received: Date) throws {
        var text = ""
        var generator = ConsultationGenerator(respondents: 150, seed: 4)
        _ = generator.generate { text += $0 }
        try TestSupport.write(text, to: folder + "/gen2.csv")
        #expect(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).store(
                into: store, path: folder + "/gen2.csv", name: "gen2.csv", questionnaire: q,
                received: received) != nil)
        #expect(
            try CountedAnswers.load(store: store, questionnaire: q, asOf: nil).submissions
                .contains { !$0.response.respondents.isEmpty })
    }

    /// The tally from the stored sums is the tally of `all`, for every option and grouping.
    func expectSameTally(
        _ store: Store, _ q: Questionnaire, all: [Submission], _ cases: [RankingOptions]
    ) throws {
        for options in cases {
            for grouping in Grouping.builtIn {
                let fromSums = try Tally.fromStore(
                    store, questionnaire: q, grouping: grouping, options: options)
                let fromAll = Tally(
                    questionnaire: q, submissions: all, grouping: grouping, options: options)
                #expect(
                    fromSums.document().json.serialized() == fromAll.document().json.serialized())
                #expect(
                    fromSums.document().render(as: .table) == fromAll.document().render(as: .table))
            }
        }
    }

    @Test("Streamed files are tallied from their sums exactly as from every submission")
    func sameAsEverySubmission() throws {
        defer { TestSupport.cleanUp(folder) }
        let (store, q, early, later) = try mixedStore()
        let all = try store.submissions(questionnaire: q.id)
        #expect(all.filter { !$0.gathersRespondents }.count == 4)
        #expect(all.map(\.response.respondentCount).reduce(0, +) == 400)
        let cases: [RankingOptions] = [
            .init(), .init(onTimeOnly: true), .init(asOf: early.addingTimeInterval(60)),
            .init(asOf: later.addingTimeInterval(1)),
        ]
        try expectSameTally(store, q, all: all, cases)
        // A second streamed file whose respondents overlap the first's: still tallied from
        // the sums (who answered does not depend on which answer is current), still the same.
        try addOverlappingFile(store, q, received: later.addingTimeInterval(120))
        try expectSameTally(
            store, q, all: try store.submissions(questionnaire: q.id),
            cases + [.init(asOf: later.addingTimeInterval(90))])
        // The streamed states count as responding, without answers to the questions.
        let tally = try Tally.fromStore(store, questionnaire: q, grouping: .eurovoc)
        #expect(tally.responded.count > 20)
        let cyber = try #require(tally.questions.first { $0.question.id == "cyber-unit" })
        #expect(cyber.answers.first { $0.value == "yes" }?.memberStates == ["MT", "AT"])
    }
}

extension StoredTallyTests {
    /// The text of the report's section headed `title`.
    func section(_ html: String, _ title: String) throws -> String {
        let start = try #require(html.range(of: "<h2>\(title)"))
        let end = try #require(
            html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.lowerBound])
    }

    @Test(
        "The report reads streamed files by their sums: same ranking, heat map, regions, deadline, tally, robustness"
    )
    func reportFromSums() throws {
        defer { TestSupport.cleanUp(folder) }
        let (store, q, _, later) = try mixedStore()
        let probe = try CountedAnswers.load(store: store, questionnaire: q, asOf: nil)
        #expect(probe.submissions.filter { !$0.gathersRespondents }.count == 4)
        #expect(probe.reading == .cachedSums)
        let generated = later.addingTimeInterval(3600)
        for today in [
            CivilDate(year: 2026, month: 3, day: 1)!, CivilDate(year: 2026, month: 3, day: 9)!,
        ] {
            let slow = HTMLReport(
                model: ReportModel(
                    ReportInputs(
                        questionnaire: q, submissions: try store.submissions(questionnaire: q.id),
                        today: today, generated: generated))
            ).render()
            let inputs = try ReportInputs.load(
                store: store, questionnaire: q, grouping: .eurovoc, today: today,
                generated: generated)
            #expect(inputs.counted?.reading == .cachedSums)
            let fast = HTMLReport(model: ReportModel(inputs)).render()
            for title in [
                "Ranking", "Member States × threats", "Regional breakdown", "Deadline status",
                "Questions", "How robust",
            ] {
                #expect(try section(fast, title) == section(slow, title), "\(title) on \(today)")
            }
        }
    }
}

extension StoredTallyTests {
    @Test(
        "The report on streamed files that share respondents: same sections as reading every submission, before and after the second arrives"
    )
    func reportFromOverlappingSums() throws {
        defer { TestSupport.cleanUp(folder) }
        let (store, q, _, later) = try mixedStore()
        let second = later.addingTimeInterval(8 * 86_400)
        try addOverlappingFile(store, q, received: second)
        let generated = second.addingTimeInterval(3600)
        for today in [
            CivilDate(year: 2026, month: 3, day: 1)!, CivilDate(year: 2026, month: 3, day: 3)!,
            CivilDate(year: 2026, month: 3, day: 20)!,
        ] {
            let slow = HTMLReport(
                model: ReportModel(
                    ReportInputs(
                        questionnaire: q, submissions: try store.submissions(questionnaire: q.id),
                        today: today, generated: generated))
            ).render()
            let inputs = try ReportInputs.load(
                store: store, questionnaire: q, grouping: .eurovoc, today: today,
                generated: generated)
            #expect(
                Set(inputs.counted?.submissions.filter(\.gathersRespondents).map(\.fileID) ?? [])
                    .count == 2)
            let fast = HTMLReport(model: ReportModel(inputs)).render()
            for title in [
                "Ranking", "Member States × threats", "Regional breakdown", "Deadline status",
                "Questions", "How robust",
            ] {
                #expect(try section(fast, title) == section(slow, title), "\(title) on \(today)")
            }
        }
    }

    @Test(
        "submit asks the store only for the current answers of the states and respondents it names")
    func supersededFromTheNamedKeys() throws {
        defer { TestSupport.cleanUp(folder) }
        let (store, q, _, later) = try mixedStore()
        // FR's current answer is its second; AT's its first; the respondents' are streamed rows.
        let fr = try #require(try store.submissions(questionnaire: q.id).last)
        #expect(fr.delegation == "FR")
        let asked: Set<SubmissionKey> = [
            SubmissionKey(memberState: "FR", respondent: ""),
            SubmissionKey(memberState: "AT", respondent: ""),
            SubmissionKey(memberState: "DE", respondent: ""),
        ]
        let current = try store.currentSubmissions(questionnaire: q.id, keys: asked)
        #expect(current.map(\.delegation) == ["AT", "FR"])
        #expect(current.last?.id == fr.id)
        // A joint answer from FR and AT supersedes exactly those two, and says so.
        let joint = folder + "/joint.json"
        try TestSupport.write(
            #"{"delegation": "FR", "cosignatories": ["AT"], "threats": ["firearms"]}"#, to: joint)
        let receipts = try Submitter(catalog: QuestionnaireCatalog(questionnaires: [q])).submit(
            SubmitRequest(
                paths: [joint], questionnaire: q.id,
                received: .instant(later.addingTimeInterval(120))),
            into: store)
        let receipt = try #require(receipts.first)
        #expect(receipt.supersedes.map(\.memberState) == ["FR", "AT"])
        #expect(receipt.supersedes.map(\.other.id) == [fr.id] + current.prefix(1).map(\.id))
        // A dry run numbers from the highest id of the questionnaire (the same bytes again,
        // so --again: otherwise they are recognised as already stored).
        var request = SubmitRequest(
            paths: [joint], questionnaire: q.id,
            received: .instant(later.addingTimeInterval(180)), dryRun: true)
        request.again = true
        let dry = try Submitter(catalog: QuestionnaireCatalog(questionnaires: [q])).submit(
            request, into: store)
        #expect(dry.first?.submission.id == receipt.submission.id + 1)
        #expect(
            dry.first?.supersedes.map(\.other.id) == [receipt.submission.id, receipt.submission.id])
    }
}
