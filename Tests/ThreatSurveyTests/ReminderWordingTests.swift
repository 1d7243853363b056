import Foundation
import Testing

@testable import ThreatSurvey

/// A reminder asks for what was asked for: written comments on a paper, or a reply to a
/// questionnaire with questions.
@Suite("Reminder wording")
struct ReminderWordingTests {
    private func draft(_ id: String) throws -> String {
        let questionnaire = try TestSupport.questionnaire(id)
        let today = try #require(CivilDate(iso: "2015-09-01"))
        let writer = ReminderWriter(
            questionnaire: questionnaire, today: today,
            date: today.at(hour: 9, in: questionnaire.timeZone))
        let state = try #require(MemberState.withCode("CY"))
        // Subject and body before header encoding and line wrapping.
        return
            ([writer.subject(days: 29)] + writer.bodyEnglish(state: state, days: 29)
            + writer.bodyFrench(state: state, days: 29)).joined(separator: "\n")
    }

    @Test("A questionnaire with questions: a reply to the questionnaire, in English and French")
    func questionnaire() throws {
        let text = try draft("10618/15")
        #expect(text.contains("reply to the questionnaire due 30 September 2015"))
        #expect(text.contains("the reply of the CY delegation to questionnaire 10618/15"))
        #expect(text.contains("la réponse de la délégation CY au questionnaire 10618/15"))
        #expect(!text.contains("written comments"))
        #expect(!text.contains("commentaires"))
    }

    @Test("A call for written comments: comments")
    func comments() throws {
        let text = try draft("9396/1/15")
        #expect(text.contains("written comments of the CY delegation on document 9396/1/15"))
        #expect(text.contains("les commentaires écrits de la délégation CY"))
    }
}
