import Foundation
import Testing

@testable import ThreatSurvey

/// A delegation's respondents are one submission whose answers are packed: every field the
/// general reader finds comes back, damaged bytes never trap and never pass for answers, and
/// the sums kept beside a pack are the sums of its answers.
@Suite("Respondent packs")
struct RespondentPackTests {
    /// Answers with every field the codec keeps, and some it may leave out.
    static let answers: [Response] = {
        var a = Response(
            delegation: "FR", respondent: "R0000001",
            dated: CivilDate(year: 2015, month: 9, day: 4),
            mentions: [
                Mention(
                    threat: "firearms", priority: 1, comment: "« armes » \"quoted\"", line: 2,
                    column: 3),
                Mention(
                    threat: "drugs", origin: .prose, phrase: "drug trafficking", line: 9,
                    column: 14,
                    negated: true, cue: "not a priority"),
            ],
            answers: [.init(question: "cyber-unit", value: "yes", line: 4)], comments: "Zürich\n✓",
            line: 2)
        a.respondents = []
        let b = Response(
            delegation: "FR", respondent: "R0000002",
            mentions: [Mention(threat: "vat-fraud", priority: 1000)], line: 5)
        let empty = Response(delegation: "FR", respondent: "", line: 0)
        return [a, b, empty]
    }()

    @Test("Every field of a respondent's answer comes back from its pack")
    func roundTrip() {
        let bytes = RespondentPack.encode(Self.answers)
        let read = RespondentPack.decode(bytes, delegation: "FR", cosignatories: ["BE"])
        #expect(read.complete)
        var expected = Self.answers
        for i in expected.indices { expected[i].cosignatories = ["BE"] }
        #expect(read.answers == expected)
        // The first one alone, for `show`'s listing.
        let first = RespondentPack.decode(
            bytes, delegation: "FR", cosignatories: ["BE"], limit: 1)
        #expect(first.complete)
        #expect(first.answers == [expected[0]])
    }

    @Test("A damaged pack never traps: cut anywhere, or a byte changed, it says it is incomplete")
    func damagedBytes() {
        let bytes = RespondentPack.encode(Self.answers)
        for cut in 0..<bytes.count {
            let read = RespondentPack.decode(
                Array(bytes[..<cut]), delegation: "FR", cosignatories: [])
            #expect(!read.complete, "cut at \(cut)")
        }
        // Trailing bytes past the last answer are damage too.
        #expect(!RespondentPack.decode(bytes + [0], delegation: "FR", cosignatories: []).complete)
        // A huge count or length claims more than the bytes hold: refused, nothing allocated.
        var huge = PackedBytes()
        huge.byte(RespondentPack.format)
        huge.varint(Int.max >> 2)
        #expect(
            RespondentPack.decode(huge.bytes, delegation: "FR", cosignatories: []).answers
                .isEmpty)
        for position in bytes.indices {
            var changed = bytes
            changed[position] ^= 0xFF
            _ = RespondentPack.decode(changed, delegation: "FR", cosignatories: [])
        }
    }

    @Test("A store whose pack is damaged says which submission, and counts nothing from it")
    func damagedInStore() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let q = try TestSupport.questionnaire()
        let path = folder + "/r.csv"
        try TestSupport.write(
            "delegation,respondent,threat,priority\nFR,R1,firearms,1\nFR,R2,drugs,\n", to: path)
        let store = try Store(path: folder + "/s.sqlite")
        _ = try Submitter(catalog: try TestSupport.catalog()).submit(
            SubmitRequest(paths: [path], questionnaire: q.id), into: store)
        #expect(try store.submission(id: 1)?.response.respondents.count == 2)
        try store.db.execute("DROP TRIGGER submissions_never_changed")
        try store.db.execute("UPDATE submissions SET respondents = substr(respondents, 1, 9)")
        #expect(throws: SurveyError.self) { try store.submission(id: 1) }
        do {
            _ = try store.submission(id: 1)
        } catch {
            #expect("\(error)".contains("submission 1"))
            #expect("\(error)".contains("damaged"))
        }
    }

    @Test(
        "Gathering: one response per delegation and cosignatories, respondents in file order, a delegation's own answer untouched"
    )
    func gathering() {
        let own = Response(delegation: "DE", mentions: [Mention(threat: "drugs")], line: 2)
        let blank = Response(delegation: "AT", respondent: "", line: 3)
        let r1 = Response(
            delegation: "FR", respondent: "R1", mentions: [Mention(threat: "a")], line: 4)
        let joint = Response(
            delegation: "FR", cosignatories: ["BE"], respondent: "R9", line: 5)
        let r2 = Response(
            delegation: "FR", respondent: "R2", mentions: [Mention(threat: "b")], line: 6)
        let again = Response(
            delegation: "FR", respondent: "R1", mentions: [Mention(threat: "c", priority: 2)],
            line: 7)
        let gathered = Response.gathered([own, blank, r1, joint, r2, again])
        #expect(gathered.count == 4)
        #expect(gathered[0] == own)
        #expect(gathered[1] == blank)
        #expect(gathered[2].delegation == "FR" && gathered[2].cosignatories.isEmpty)
        #expect(gathered[2].respondents == [r1, r2, again])
        #expect(gathered[2].respondentCount == 3)
        #expect(gathered[2].line == 4)
        #expect(gathered[2].mentions.isEmpty && gathered[2].respondent == nil)
        // R1 named twice: its later answer counts.
        #expect(gathered[2].respondentThreats == ["b", "c"])
        #expect(gathered[3].cosignatories == ["BE"] && gathered[3].respondents == [joint])
        let sums = gathered[2].respondentSums(threats: ["a", "b", "c"])
        #expect(sums.answers == 2)
        #expect(sums.mentions == [0, 1, 1])
        #expect(sums.bestPriority == [0, 0, 2])
    }

    @Test("Kept sums come back over the same threat list, and only over it")
    func sums() {
        var sums = MentionAggregate.StateSums(threats: 3)
        sums.addAnswer(priorities: [1, -1, 0])
        sums.addAnswer(priorities: [2, 1, -1])
        let bytes = PackedSums.encode(sums, threats: ["a", "b", "c"])
        #expect(PackedSums.decode(bytes, threats: ["a", "b", "c"]) == sums)
        // Sums of respondents who answered questions cannot stand for their answers.
        let answering = PackedSums.encode(sums, threats: ["a", "b", "c"], answersQuestions: true)
        #expect(PackedSums.decode(answering, threats: ["a", "b", "c"]) == nil)
        #expect(PackedSums.mentionedThreats(in: answering) == ["a", "b", "c"])
        #expect(PackedSums.decode(bytes, threats: ["a", "c", "b"]) == nil)
        #expect(PackedSums.decode(bytes, threats: ["a", "b"]) == nil)
        #expect(PackedSums.decode(Array(bytes.dropLast()), threats: ["a", "b", "c"]) == nil)
        #expect(PackedSums.mentions(of: "a", in: bytes) == 2)
        #expect(PackedSums.mentions(of: "z", in: bytes) == 0)
        #expect(PackedSums.mentionedThreats(in: bytes) == ["a", "b", "c"])
    }

    @Test(
        "Respondents who answered the questions: their kept sums do not stand for them, so tally counts their answers as reading every answer does"
    )
    func answersToQuestions() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        // The bench questionnaire with the questions of 10618/15.
        var q = try FastPathTests.benchQuestionnaire()
        q.questions = try TestSupport.questionnaire("10618/15").questions
        try TestSupport.write(
            #"[{"delegation": "FR", "respondent": "R1", "threats": ["firearms"], "answers": {"cyber-unit": "yes"}},"#
                + #"{"delegation": "FR", "respondent": "R2", "threats": ["synthetic-drugs"], "answers": {"cyber-unit": "no"}},"#
                + #"{"delegation": "DE", "respondent": "R3", "threats": ["synthetic-drugs"]}]"#,
            to: folder + "/answers.json")
        let store = try Store(path: folder + "/s.sqlite")
        _ = try Submitter(catalog: QuestionnaireCatalog(questionnaires: [q])).submit(
            SubmitRequest(paths: [folder + "/answers.json"], questionnaire: q.id), into: store)
        #expect(
            try store.submissions(questionnaire: q.id).map(\.response.respondentCount) == [2, 1])
        let kept = try store.respondentSums(questionnaire: q.id, threats: q.threats.map(\.id))
        #expect(kept.keys.sorted() == [2])
        let fromStore = try Tally.fromStore(store, questionnaire: q, grouping: .eurovoc)
        let fromAll = Tally(
            questionnaire: q, submissions: try store.submissions(questionnaire: q.id),
            grouping: .eurovoc)
        #expect(fromStore.document().json.serialized() == fromAll.document().json.serialized())
        let cyber = try #require(fromStore.questions.first { $0.question.id == "cyber-unit" })
        #expect(cyber.answers.contains { $0.memberStates == ["FR"] })
    }

    @Test(
        "A pack's kept sums count each respondent's answer as the current-answer rule does, whatever order the pack holds them in"
    )
    func keptSumsFollowTheRule() throws {
        let q = try TestSupport.questionnaire()
        let ids = q.threats.map(\.id)
        let later = Response(
            delegation: "FR", respondent: "R1", mentions: [Mention(threat: ids[2], priority: 1)],
            line: 7)
        let earlier = Response(
            delegation: "FR", respondent: "R1", mentions: [Mention(threat: ids[0])], line: 4)
        let other = Response(
            delegation: "FR", respondent: "R2", mentions: [Mention(threat: ids[1])], line: 5)
        var pack = Response(delegation: "FR", line: 4)
        pack.respondents = [later, earlier, other]
        pack.respondentCount = 3
        let submission = Submission(
            id: 1, questionnaire: q.id, received: Date(timeIntervalSince1970: 0), sourceFile: "f",
            format: .csvLong, encoding: "UTF-8", delimiter: ",", checksum: "", fileID: 1,
            response: pack, warnings: [])
        let rule = MentionAggregate(questionnaire: q, current: CurrentAnswers([submission]))
        #expect(pack.respondentSums(threats: ids) == rule.states["FR"])
        #expect(pack.countedRespondents().map(\.line) == [7, 5])
    }
}
