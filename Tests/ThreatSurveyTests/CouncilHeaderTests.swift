import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// The Council's document header on `summary`, `compile` and `plan` (CONTRACT.md, "Council
/// documents").
@Suite("The Council document header: defaults, options, where it appears")
struct CouncilHeaderTests {
    @Test("Defaults: Brussels and the date as the Council writes it, the GSC, the working party")
    func defaults() throws {
        var questionnaire = try TestSupport.questionnaire()
        questionnaire.workingParty = nil
        let date = try #require(CivilDate(iso: "2015-09-07"))
        let header = CouncilHeader(
            questionnaire: questionnaire, kind: CouncilHeader.note, subject: "S",
            details: .init(date: date))
        #expect(header.institution == "Council of the European Union")
        #expect(header.placeAndDate == "Brussels, 7 September 2015")
        #expect(header.reference == "")
        #expect(header.kind == "NOTE")
        #expect(header.from == "General Secretariat of the Council")
        #expect(header.to == "Customs Cooperation Working Party")
        #expect(header.textLines.contains("[reference]"))
        questionnaire.workingParty = "Working Party on Customs Union"
        let named = CouncilHeader(
            questionnaire: questionnaire, kind: CouncilHeader.outcomeOfProceedings, subject: "S",
            details: .init(date: date, reference: "12345/15", from: "Presidency", to: nil))
        #expect(named.to == "Working Party on Customs Union")
        #expect(named.from == "Presidency")
        #expect(named.reference == "12345/15")
    }

    @Test(
        "Plans are numbered as the Council writes them",
        arguments: [
            (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (8, "8th"), (11, "11th"),
            (12, "12th"), (13, "13th"), (21, "21st"), (22, "22nd"), (111, "111th"),
        ])
    func ordinals(n: Int, written: String) {
        #expect(CouncilHeader.ordinal(n) == written)
    }

    @Test("The questionnaire's workingParty, plan and otherFora are read; bad ones refused")
    func questionnaireFields() throws {
        let questionnaire = try TestSupport.questionnaire()
        #expect(questionnaire.workingParty == "Customs Cooperation Working Party")
        #expect(questionnaire.plan == 8)
        let plan = try QuestionnaireCatalog.load(folder: PlanConsultation.questionnaires).find(
            "1/2/26")
        #expect(plan.threat("firearms")?.otherFora == ["EMPACT Firearms"])
        #expect(plan.threat("drugs")?.otherFora == [])
        let bad = """
            {"id": "1/1/26", "title": "t", "issued": "2026-01-01", "deadline": "2026-01-31",
             "plan": "eight",
             "threats": [{"id": "a", "title": "A", "otherFora": "EMPACT"}]}
            """
        #expect(throws: SurveyError.self) {
            _ = try Questionnaire.load(bytes: Array(bad.utf8), file: "bad.json")
        }
        do {
            _ = try Questionnaire.load(bytes: Array(bad.utf8), file: "bad.json")
        } catch {
            #expect(error.description.contains("\"plan\" is the number of the Action Plan"))
            #expect(error.description.contains("\"otherFora\" is a list"))
        }
    }

    @Test("summary: the header in the document formats, never in the paragraph or its JSON field")
    func summaryHeader() throws {
        let consultation = try PlanConsultation()
        defer { consultation.cleanUp() }
        let options = ["--date", "2026-02-03", "--reference", "6000/26", "--from", "Presidency"]
        let piped = consultation.run(["summary"] + options)
        #expect(piped.status == .success)
        #expect(!piped.out.contains("Council of the European Union"))
        let paragraph = piped.out.trimmingCharacters(in: .newlines)
        let object = try consultation.json(["summary"] + options)
        #expect(object["summary"] as? String == paragraph)
        let header = try #require(object["header"] as? [String: Any])
        #expect(header["institution"] as? String == "Council of the European Union")
        #expect(header["placeAndDate"] as? String == "Brussels, 3 February 2026")
        #expect(header["reference"] as? String == "6000/26")
        #expect(header["kind"] as? String == "OUTCOME OF PROCEEDINGS")
        #expect(header["from"] as? String == "Presidency")
        #expect(header["to"] as? String == "Customs Cooperation Working Party (Experts)")
        #expect(
            header["subject"] as? String == "Threats for the 3rd Action Plan (test consultation)")
        let markdown = consultation.run(["summary", "--format", "markdown"] + options).out
        #expect(markdown.hasPrefix("Council of the European Union  \nBrussels, 3 February 2026"))
        #expect(markdown.contains("OUTCOME OF PROCEEDINGS"))
        #expect(markdown.contains("From: Presidency"))
        let html = consultation.run(["summary", "--format", "html"] + options).out
        #expect(html.contains("<header class=\"council\">"))
        let file = consultation.folder + "/summary.txt"
        let written = consultation.run(["summary", "--out", file] + options)
        #expect(written.out.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == piped.out)
    }

    @Test("compile and plan are NOTEs with their own subject; --to overrides the working party")
    func compileAndPlanHeaders() throws {
        let consultation = try PlanConsultation()
        defer { consultation.cleanUp() }
        let options = ["--date", "2026-02-03", "--to", "Delegations"]
        for (command, subject) in [
            (
                "compile",
                "Compilation of replies: Threats for the 3rd Action Plan (test consultation)"
            ),
            ("plan", "Draft 3rd Action Plan: Threats for the 3rd Action Plan (test consultation)"),
        ] {
            let header = try #require(
                try consultation.json([command] + options)["header"] as? [String: Any])
            #expect(header["kind"] as? String == "NOTE", "\(command)")
            #expect(header["subject"] as? String == subject, "\(command)")
            #expect(header["to"] as? String == "Delegations", "\(command)")
            #expect(header["reference"] as? String == "", "\(command)")
            let text = consultation.run([command] + options).out
            #expect(
                text.hasPrefix(
                    "Council of the European Union\nBrussels, 3 February 2026 (OR. en)\n[reference]\nNOTE\n"
                ), "\(command)")
        }
    }
}
