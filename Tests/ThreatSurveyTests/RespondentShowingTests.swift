import Foundation
import Testing

@testable import ThreatSurvey

/// A submission gathering respondents is shown, listed and reviewed as one delegation's answer
/// from one file: `show` lists its first respondents and says how many more, `history` counts
/// them, receipts tell each threat's respondents, and `review` refuses to decide on one
/// mention among thousands of answers.
@Suite("Showing a delegation's respondents")
struct RespondentShowingTests {
    let folder: String
    init() throws { folder = try TestSupport.temporaryFolder() }

    /// `count` respondents of FR (R1…), each naming firearms with priority 1 and, for odd
    /// numbers, drugs; one comment.
    func respondents(_ count: Int) -> String {
        var text = "delegation,respondent,threat,priority,comment\n"
        for r in 1...count {
            text += "FR,R\(r),firearms,1,\(r == 1 ? "\"ports, mostly\"" : "")\n"
            if r % 2 == 1 { text += "FR,R\(r),drugs,,\n" }
        }
        return text
    }

    @Test(
        "show lists the first 100 respondents with their lines and threats, and how many more; JSON gives every one"
    )
    func showLists() throws {
        defer { TestSupport.cleanUp(folder) }
        try TestSupport.write(respondents(150), to: folder + "/fr.csv")
        let store = folder + "/s.sqlite"
        let submit = runCLI(
            [
                "submit", folder + "/fr.csv", "--questionnaire", "9396/1/15", "--received",
                "2015-09-01",
            ],
            store: store)
        #expect(submit.status == .success)
        // The receipt: one submission, its respondents counted per threat.
        #expect(submit.out.contains("respondents:   150"))
        #expect(submit.out.contains("firearms") && submit.out.contains("150"))
        #expect(submit.out.contains("drugs") && submit.out.contains("75"))
        let shown = runCLI(["show", "1"], store: store)
        #expect(shown.status == .success)
        #expect(shown.out.contains("R1 "))
        #expect(shown.out.contains("firearms (1), drugs"))
        #expect(shown.out.contains("the first 100 of 150 respondents"))
        #expect(!shown.out.contains("R101 "))
        #expect(!shown.out.contains("fast reader"))
        let json = runCLI(["show", "1", "--format", "json"], store: store)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["respondentCount"] as? Int == 150)
        let listed = try #require(object["respondents"] as? [[String: Any]])
        #expect(listed.count == 150)
        #expect(listed.first?["respondent"] as? String == "R1")
        #expect(listed.first?["line"] as? Int == 2)
        let mentions = try #require(listed.first?["mentions"] as? [[String: Any]])
        #expect(mentions.first?["comment"] as? String == "ports, mostly")
        let history = runCLI(["history"], store: store)
        #expect(history.out.contains("FR (150 respondents)"))
    }

    @Test("A streamed submission's listing says its lines and comments are in the original")
    func streamedShow() throws {
        defer { TestSupport.cleanUp(folder) }
        let q = try FastPathTests.benchQuestionnaire()
        var text = ""
        var generator = ConsultationGenerator(respondents: 50, seed: 2)
        _ = generator.generate { text += $0 }
        try TestSupport.write(text, to: folder + "/gen.csv")
        let path = folder + "/s.sqlite"
        _ = try #require(
            try StreamingSubmitter(catalog: QuestionnaireCatalog(questionnaires: [q])).store(
                into: try Store(path: path), path: folder + "/gen.csv", questionnaire: q,
                received: Date()))
        let shown = runCLI(
            ["show", "1"], store: path, questionnaires: TestSupport.fixtures + "/load-test")
        #expect(shown.status == .success)
        #expect(shown.out.contains("read by the fast reader"))
        // Each respondent's line is kept as the general reader gives it: the first at line 2.
        let opened = try Store(path: path)
        let submission = try #require(try opened.submission(id: 1, respondents: false))
        let first = try #require(try opened.respondentAnswers(of: submission, limit: 1).first)
        #expect(first.line >= 2)
        #expect(shown.out.contains("\(first.respondent ?? "?")  "))
        #expect(shown.out.contains("threatsurvey show 1 --original"))
    }

    @Test(
        "A later file of some respondents: its receipt says whose answers it supersedes, and history says what of the earlier one still counts"
    )
    func partlySuperseded() throws {
        defer { TestSupport.cleanUp(folder) }
        try TestSupport.write(respondents(4), to: folder + "/first.csv")
        try TestSupport.write(
            "delegation,respondent,threat\nFR,R2,vat fraud\nFR,R3,vat fraud\nFR,R9,drugs\n",
            to: folder + "/again.csv")
        let store = folder + "/s.sqlite"
        for (file, day) in [("first.csv", "2015-09-01"), ("again.csv", "2015-09-02")] {
            #expect(
                runCLI(
                    [
                        "submit", folder + "/" + file, "--questionnaire", "9396/1/15", "--received",
                        day,
                    ],
                    store: store
                ).status == .success)
        }
        let receipt = runCLI(
            [
                "submit", folder + "/again.csv", "--questionnaire", "9396/1/15", "--received",
                "2015-09-03", "--again", "--dry-run", "--format", "json",
            ], store: store)
        #expect(receipt.status == .success)
        #expect(receipt.out.contains("\"respondents\""))
        let text = runCLI(
            [
                "submit", folder + "/again.csv", "--questionnaire", "9396/1/15", "--received",
                "2015-09-03", "--again", "--dry-run",
            ], store: store)
        #expect(text.out.contains("supersedes #2 for FR: 3 respondents' answers"))
        let history = runCLI(["history"], store: store)
        #expect(
            history.out.contains(
                "current for FR: 2 of 4 respondents' answers count; the others superseded by #2"))
        // The counts follow: R1 and R4 from the first file, R2, R3 and R9 from the second.
        let rank = runCLI(["rank", "--format", "json"], store: store)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(rank.out.utf8)) as? [String: Any])
        #expect(object["respondents"] as? Int == 5)
    }
}
