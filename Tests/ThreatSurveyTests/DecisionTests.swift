import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// The officer's decisions on the record: review (accept, reject, priority, add) and void.
@Suite("The officer's decisions: review and void, followed by every count")
struct DecisionTests {
    static let resources = TestSupport.root + "/Tests/ThreatSurveyTests/Resources/decisions/"
    let folder: String
    let store: String

    init() throws {
        folder = try TestSupport.temporaryFolder()
        store = folder + "/store.sqlite"
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = runCLI(arguments + ["--format", "json"], store: store)
        #expect(result.status == .success, "\(arguments): \(result.err)")
        return try #require(
            try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    }

    /// The rank JSON entry of `threat`.
    func ranked(_ threat: String) throws -> [String: Any] {
        let threats = try #require(try json(["rank"])["threats"] as? [[String: Any]])
        return try #require(threats.first { $0["id"] as? String == threat })
    }

    func submitSwedishProse() {
        let result = runCLI(
            [
                "submit", Self.resources + "se-negated.txt", "--questionnaire", "9396/1/15",
                "--delegation", "SE",
                "--received", "2015-09-01",
            ], store: store)
        #expect(result.status == .success)
    }

    @Test("A negated prose match accepted with a reason is counted; the reading is unchanged")
    func acceptNegated() throws {
        defer { TestSupport.cleanUp(folder) }
        submitSwedishProse()
        #expect(try ranked("environmental-crime")["memberStates"] as? Int == 0)
        let listing = runCLI(["review", "1"], store: store)
        #expect(listing.out.contains("3  environmental-crime"))
        #expect(listing.out.contains("negated by \"no\""))
        let accepted = runCLI(
            [
                "review", "1", "--accept", "3", "--reason",
                "no significant problems: still a concern", "--by", "anna",
            ],
            store: store)
        #expect(accepted.status == .success)
        #expect(accepted.err.contains("accepted mention 3 (environmental-crime)"))
        #expect(try ranked("environmental-crime")["memberStates"] as? Int == 1)
        // The machine's reading and the bytes are as they were.
        let shown = try json(["show", "1"])
        let mentions = try #require(shown["mentions"] as? [[String: Any]])
        #expect(mentions[2]["negated"] as? Bool == true)
        let decisions = try #require(shown["decisions"] as? [[String: Any]])
        #expect(decisions.first?["action"] as? String == "accept")
        #expect(decisions.first?["by"] as? String == "anna")
        #expect(decisions.first?["reason"] as? String == "no significant problems: still a concern")
        let original = runCLI(["show", "1", "--original"], store: store)
        #expect(original.outBytes == (try TestSupport.bytes(Self.resources + "se-negated.txt")))
    }

    @Test("Rejected mention, changed priority and added threat: rank, summary and history follow")
    func rejectPriorityAdd() throws {
        defer { TestSupport.cleanUp(folder) }
        submitSwedishProse()
        #expect(try ranked("firearms")["memberStates"] as? Int == 1)
        #expect(try ranked("drugs")["meanPriority"] as? Double == 2)
        #expect(try ranked("tobacco-smuggling")["memberStates"] as? Int == 0)
        let result = runCLI(
            [
                "review", "#1", "--reject", "1", "--priority", "2=5", "--add", "cigarettes",
                "--reason", "checked with the delegation by phone",
            ], store: store)
        #expect(result.status == .success)
        #expect(try ranked("firearms")["memberStates"] as? Int == 0)
        #expect(try ranked("drugs")["meanPriority"] as? Double == 5)
        #expect(try ranked("tobacco-smuggling")["memberStates"] as? Int == 1)
        // The added threat is numbered after the reading's and can be decided on in turn.
        let review = try json(["review", "1"])
        let mentions = try #require(review["mentions"] as? [[String: Any]])
        // Ten read (F-gases and waste, one threat in one clause, listed once) and one added.
        try #require(mentions.count == 11)
        #expect(mentions[10]["threat"] as? String == "tobacco-smuggling")
        #expect(mentions[10]["origin"] as? String == "officer")
        #expect(mentions[0]["counts"] as? Bool == false)
        let history = runCLI(["history"], store: store)
        #expect(history.out.contains("rejected mention 1 (firearms)"))
        #expect(history.out.contains("added tobacco-smuggling"))
        let historyJSON = try json(["history"])
        let first = try #require((historyJSON["submissions"] as? [[String: Any]])?.first)
        #expect((first["decisions"] as? [[String: Any]])?.count == 3)
    }

    @Test(
        "Decisions need a reason, a mention that exists and a known threat; nothing is recorded otherwise"
    )
    func refusals() throws {
        defer { TestSupport.cleanUp(folder) }
        submitSwedishProse()
        let noReason = runCLI(["review", "1", "--accept", "3"], store: store)
        #expect(noReason.status == .usage)
        #expect(noReason.err.contains("--reason"))
        let outOfRange = runCLI(["review", "1", "--reject", "40", "--reason", "x"], store: store)
        #expect(outOfRange.status == .usage)
        #expect(outOfRange.err.contains("10 mentions"))
        let unknown = runCLI(["review", "1", "--add", "fire arms", "--reason", "x"], store: store)
        #expect(unknown.status == .usage)
        #expect(unknown.err.contains("did you mean \"firearms\"?"))
        // One bad value refuses the whole command: the good decision beside it is not recorded.
        let mixed = runCLI(
            ["review", "1", "--accept", "3", "--priority", "2=0", "--reason", "x"], store: store)
        #expect(mixed.status == .usage)
        let opened = try Store(path: store, readOnly: true)
        #expect(try opened.decisions().isEmpty)
        #expect(
            runCLI(["review", "9", "--accept", "1", "--reason", "x"], store: store).status
                == .noInput)
        #expect(runCLI(["void", "1", "--reason", " "], store: store).status == .usage)
    }

    @Test(
        "A mistaken submission voided: the earlier answer is current again in rank, deadline and history"
    )
    func voidMistake() throws {
        defer { TestSupport.cleanUp(folder) }
        submitSwedishProse()
        let mistake = runCLI(
            [
                "submit", Self.resources + "se-mistake.csv", "--questionnaire", "9396/1/15",
                "--received", "2015-09-20",
            ],
            store: store)
        #expect(mistake.status == .success)
        #expect(try ranked("firearms")["memberStates"] as? Int == 0)
        // A file from another delegation, stored under DK by mistake: DK looks late.
        let wrong = runCLI(
            [
                "submit", Self.resources + "dk-wrong-delegation.csv", "--questionnaire",
                "9396/1/15",
                "--received", "2015-09-21",
            ], store: store)
        #expect(wrong.status == .success)
        var deadline = try json(["deadline", "--today", "2015-09-30"])
        #expect(
            (deadline["resubmittedLate"] as? [[String: Any]])?.first?["delegation"] as? String
                == "SE")
        #expect((deadline["late"] as? [[String: Any]])?.first?["delegation"] as? String == "DK")
        #expect(try ranked("firearms")["mentionedBy"] as? [String] == ["DK"])

        let void = runCLI(
            ["void", "2", "--reason", "test file sent to the wrong store", "--by", "anna"],
            store: store)
        #expect(void.status == .success)
        #expect(void.out.contains("SE: #1 is current again"))
        #expect(try ranked("firearms")["mentionedBy"] as? [String] == ["DK", "SE"])
        #expect(try ranked("drugs")["meanPriority"] as? Double == 2)
        #expect(
            runCLI(
                ["void", "3", "--reason", "wrong delegation: the file is Denmark's draft"],
                store: store
            ).status == .success)
        #expect(try ranked("firearms")["mentionedBy"] as? [String] == ["SE"])
        deadline = try json(["deadline", "--today", "2015-09-30"])
        #expect((deadline["late"] as? [[String: Any]])?.isEmpty == true)
        #expect((deadline["resubmittedLate"] as? [[String: Any]])?.isEmpty == true)
        #expect(deadline["onTime"] as? [String] == ["SE"])
        #expect((deadline["missing"] as? [String])?.contains("DK") == true)
        let history = runCLI(["history"], store: store)
        #expect(history.out.contains("voided: test file sent to the wrong store"))
        let shown = try json(["show", "2"])
        #expect(
            (shown["voided"] as? [String: Any])?["reason"] as? String
                == "test file sent to the wrong store")
        #expect(shown["status"] as? String == "voided: test file sent to the wrong store")
        #expect(try json(["show", "1"])["status"] as? String == "current")
        // Once is enough; decisions about a voided submission are refused.
        #expect(runCLI(["void", "2", "--reason", "again"], store: store).status == .usage)
        #expect(
            runCLI(["review", "2", "--reject", "1", "--reason", "x"], store: store).status == .usage
        )
    }

    @Test(
        "The report's provenance says why each answer counts or not, decisions and voids included")
    func reportProvenance() throws {
        defer { TestSupport.cleanUp(folder) }
        submitSwedishProse()
        for (file, when) in [
            ("se-mistake.csv", "2015-09-03"), ("dk-wrong-delegation.csv", "2015-09-04"),
        ] {
            #expect(
                runCLI(
                    [
                        "submit", Self.resources + file, "--questionnaire", "9396/1/15",
                        "--received", when,
                    ],
                    store: store
                ).status == .success)
        }
        #expect(
            runCLI(
                [
                    "review", "2", "--priority", "1=3", "--reason", "as agreed in the meeting",
                    "--by", "anna",
                ], store: store
            ).status == .success)
        #expect(
            runCLI(["void", "3", "--reason", "wrong delegation", "--by", "anna"], store: store)
                .status == .success)
        let report = runCLI(["report", "--today", "2015-09-30"], store: store)
        #expect(report.status == .success)
        #expect(report.out.contains("<td>not counted: SE superseded by #2</td>"))
        #expect(
            report.out.contains(
                "counted; decision #1: priority of mention 1 (drugs) set to 3 — as agreed in the meeting (anna)"
            ))
        #expect(report.out.contains("voided: wrong delegation (decision #2, anna)"))
        #expect(!report.out.contains("<td>counted</td>"))
    }

    @Test(
        "Voiding a delegation's respondents (a streamed file's submission) takes every one of their answers out, counted by the kept sums; review refuses mention decisions on it"
    )
    func voidRespondents() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try FastPathTests.benchQuestionnaire()
        let path = folder + "/gen.csv"
        var text = ""
        var generator = ConsultationGenerator(respondents: 60, seed: 3)
        _ = generator.generate { text += $0 }
        try TestSupport.write(text, to: path)
        let opened = try Store(path: store)
        let when = CivilDate(year: 2026, month: 3, day: 1)!.at(hour: 10, in: q.timeZone)
        _ = try #require(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).store(
                into: opened, path: path, name: "gen.csv", questionnaire: q, received: when)
        )
        #expect(
            try CountedAnswers.load(store: opened, questionnaire: q, asOf: nil).reading
                == .cachedSums)
        let all = try opened.submissions(questionnaire: q.id)
        let first = try #require(all.first)
        #expect(first.gathersRespondents)
        let threat = try #require(first.response.respondents.first?.mentions.first?.threat)
        let before = Ranking(questionnaire: q, submissions: all)
        // Its respondents who name the threat.
        let naming = first.response.respondents.filter { $0.threats.contains(threat) }.count
        #expect(naming > 0)
        let refused = runCLI(
            ["review", "\(first.id)", "--reject", "1", "--reason", "a test"], store: store)
        #expect(refused.status == .usage)
        #expect(
            refused.err.contains(
                "holds the answers of \(first.response.respondentCount) respondents"))
        #expect(refused.err.contains("threatsurvey void \(first.id)"))
        // Listing it says what it holds and the one decision that applies.
        let listed = runCLI(["review", "\(first.id)"], store: store)
        #expect(listed.status == .success)
        #expect(
            listed.out.contains(
                "holds the answers of \(first.response.respondentCount) respondents"))
        let said = listed.out + listed.err
        #expect(said.contains("threatsurvey void \(first.id) --reason TEXT"))
        #expect(!said.contains("--accept N"))
        try opened.record([
            Decision(submission: first.id, action: .void, reason: "a test file", by: "anna")
        ])
        let input = try AnalysisInput.load(
            AnalysisRequest(questionnaire: q.id),
            catalog: QuestionnaireCatalog(questionnaires: [q]), store: opened)
        #expect(input.counted.reading == .cachedSums)
        let after = input.ranking(.init())
        let respondentsBefore = try #require(before.threats.first { $0.id == threat }?.respondents)
        #expect(after.threats.first { $0.id == threat }?.respondents == respondentsBefore - naming)
        #expect(
            after.json.serialized()
                == Ranking(
                    questionnaire: q,
                    submissions: try opened.countedSubmissions(questionnaire: q.id)
                ).json.serialized())
    }

    @Test("Decisions are append-only: the store refuses to change or delete them")
    func appendOnly() throws {
        defer { TestSupport.cleanUp(folder) }
        submitSwedishProse()
        #expect(
            runCLI(["void", "1", "--reason", "wrong delegation"], store: store).status == .success)
        let opened = try Store(path: store)
        #expect(throws: (any Error).self) {
            try opened.db.execute("UPDATE decisions SET reason = 'nothing'")
        }
        #expect(throws: (any Error).self) { try opened.db.execute("DELETE FROM decisions") }
        #expect(try opened.decisions().first?.reason == "wrong delegation")
    }

    @Test("Provenance says an answer off the roster is not counted (UK, 2026)")
    func offRoster() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let store = folder + "/store.sqlite"
        let resources = TestSupport.root + "/Tests/ThreatSurveyTests/Resources/decisions/"
        let submit = runCLI(
            ["submit", resources + "uk-fr-2026.csv", "--received", "2026-09-01"], store: store,
            questionnaires: resources + "q2026")
        #expect(submit.status == .success)
        let report = runCLI(
            ["report", "--today", "2026-09-30"], store: store, questionnaires: resources + "q2026")
        // One row for the file (provenance by file): it counts for FR, not for UK.
        #expect(report.out.contains("<td>counted for FR; not counted: UK not on the roster</td>"))
    }
}
