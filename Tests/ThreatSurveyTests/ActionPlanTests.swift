import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// `plan`: a draft Action Plan drawn from `rank` and `regions` (CONTRACT.md, `plan`).
@Suite("plan: EU-wide and regional actions, leads, participants, what is not retained")
struct ActionPlanTests {
    let consultation: PlanConsultation

    init() throws { consultation = try PlanConsultation() }

    func actions(_ arguments: [String] = []) throws -> [[String: Any]] {
        let plan = try consultation.json(["plan"] + arguments)
        return try #require(plan["actions"] as? [[String: Any]])
    }

    @Test("The default plan: EU-wide by rank, then regional by p-value; every field")
    func defaultPlan() throws {
        defer { consultation.cleanUp() }
        let plan = try consultation.json(["plan", "--date", "2026-02-03"])
        #expect(plan["questionnaire"] as? String == "1/2/26")
        #expect(plan["replied"] as? Int == 8)
        #expect(plan["minShare"] as? Double == 0.5)
        #expect(plan["maxActions"] as? Int == 10)
        #expect(plan["plan"] as? Int == 3)
        #expect(plan["grouping"] as? String == "eurovoc")
        let actions = try #require(plan["actions"] as? [[String: Any]])
        #expect(actions.map { $0["number"] as? String } == ["3.1", "3.2", "3.3", "3.4"])
        #expect(
            actions.map { $0["threat"] as? String } == [
                "firearms", "drugs", "cultural-goods", "tobacco",
            ])
        #expect(actions.map { $0["scope"] as? String } == ["eu", "eu", "regional", "regional"])

        let firearms = actions[0]
        #expect(firearms["title"] as? String == "Illicit trafficking in firearms")
        #expect(firearms["region"] is NSNull)
        #expect(firearms["memberStates"] as? Int == 6)
        #expect(firearms["leads"] as? [String] == ["BE", "DE"])
        #expect(firearms["participants"] as? [String] == ["BE", "CZ", "DE", "EL", "PL", "SK"])
        #expect(firearms["coordinateWith"] as? [String] == ["EMPACT Firearms"])
        #expect(
            firearms["reason"] as? String
                == "named by 6 of 8 replying Member States, 2 as their first priority")
        let mean = try #require(firearms["meanPriority"] as? Double)
        #expect(abs(mean - 10.0 / 6) < 1e-9)

        let cultural = actions[2]
        #expect(cultural["region"] as? String == "southern")
        #expect(cultural["memberStates"] as? Int == 3)
        #expect(cultural["leads"] as? [String] == ["EL", "IT"])
        #expect(cultural["participants"] as? [String] == ["EL", "ES", "IT"])
        #expect(cultural["coordinateWith"] as? [String] == [])
        let p = try #require(cultural["pValue"] as? Double)
        #expect(abs(p - 1.0 / 56) < 1e-12)
        #expect(
            cultural["reason"] as? String
                == "a signal for Southern Europe: 3 of 3 there, 0 of 5 elsewhere, p = 0.018")

        let notRetained = try #require(plan["notRetained"] as? [[String: Any]])
        #expect(notRetained.map { $0["threat"] as? String } == ["cash"])
        #expect(notRetained.first?["memberStates"] as? Int == 1)
        #expect(notRetained.first?["reason"] as? String == "below-min-share")
    }

    @Test("Every figure is the one rank and regions print")
    func figuresFromRankAndRegions() throws {
        defer { consultation.cleanUp() }
        let ranked = try #require(consultation.json(["rank"])["threats"] as? [[String: Any]])
        let regions = try #require(consultation.json(["regions"])["regions"] as? [[String: Any]])
        for action in try actions() {
            let id = try #require(action["threat"] as? String)
            if action["scope"] as? String == "eu" {
                let line = try #require(ranked.first { $0["id"] as? String == id })
                #expect(action["memberStates"] as? Int == line["memberStates"] as? Int)
                #expect(action["participants"] as? [String] == line["mentionedBy"] as? [String])
                #expect(action["meanPriority"] as? Double == line["meanPriority"] as? Double)
            } else {
                let region = try #require(
                    regions.first { $0["id"] as? String == action["region"] as? String })
                let signals = try #require(region["signals"] as? [[String: Any]])
                let signal = try #require(signals.first { $0["id"] as? String == id })
                #expect(action["pValue"] as? Double == signal["pValue"] as? Double)
                #expect(action["memberStates"] as? Int == signal["inRegion"] as? Int)
            }
        }
    }

    @Test("A tie at the cut keeps every tied threat; their signals are then not regional actions")
    func tieAtTheCut() throws {
        defer { consultation.cleanUp() }
        let tied = try actions(["--min-share", "0.3", "--max-actions", "3"])
        #expect(
            tied.map { $0["threat"] as? String } == [
                "firearms", "drugs", "tobacco", "cultural-goods",
            ])
        #expect(tied.allSatisfy { $0["scope"] as? String == "eu" })
        let cut = try actions(["--min-share", "0.3", "--max-actions", "2"])
        #expect(cut.map { $0["scope"] as? String } == ["eu", "eu", "regional", "regional"])
    }

    @Test("A threat given no priority has its lead to be decided")
    func noPriorityNoLead() throws {
        defer { consultation.cleanUp() }
        let all = try actions(["--min-share", "0.1"])
        let cash = try #require(all.first { $0["threat"] as? String == "cash" })
        #expect(cash["leads"] as? [String] == [])
        #expect(cash["participants"] as? [String] == ["DE"])
        #expect(cash["meanPriority"] is NSNull)
        let table = consultation.run(["plan", "--min-share", "0.1"])
        #expect(table.out.contains("Proposed lead: to be decided."))
    }

    @Test("A joint reply counts for each signatory; a negated mention is not counted")
    func jointAndNegated() throws {
        defer { consultation.cleanUp() }
        let all = try actions()
        let tobacco = try #require(all.first { $0["threat"] as? String == "tobacco" })
        #expect(tobacco["leads"] as? [String] == ["CZ", "PL", "SK"])
        #expect(tobacco["participants"] as? [String] == ["CZ", "PL", "SK"])
        let drugs = try #require(all.first { $0["threat"] as? String == "drugs" })
        #expect(drugs["participants"] as? [String] == ["BE", "DE", "ES", "IT"])
        #expect(drugs["memberStates"] as? Int == 4)
    }

    @Test("--number numbers the actions; the document says why, who leads and with whom")
    func numberAndDocument() throws {
        defer { consultation.cleanUp() }
        #expect(try actions(["--number", "9"]).first?["number"] as? String == "9.1")
        let text = consultation.run(["plan", "--date", "2026-02-03"]).out
        #expect(text.contains("Action 3.1: Illicit trafficking in firearms"))
        #expect(text.contains("Coordinate with: EMPACT Firearms (to avoid duplication)."))
        #expect(text.contains("Action 3.4: Cigarette smuggling (Central and Eastern Europe)"))
        #expect(text.contains("Subject: Draft 3rd Action Plan: Threats for the 3rd Action Plan"))
        #expect(text.contains("To: Customs Cooperation Working Party (Experts)"))
    }

    @Test(
        "Bad options exit 64 with what is expected; an unknown questionnaire 64; no store 66",
        arguments: [
            (["--min-share", "1.5"], "--min-share 1.5: expected a share from 0 to 1"),
            (["--max-actions", "0"], "--max-actions 0: expected a whole number from 1 to 1000"),
            (["--number", "-1"], "--number -1"),
            (["--alpha", "1"], "--alpha 1: expected a number between 0 and 1"),
        ])
    func badOptions(arguments: [String], message: String) {
        defer { consultation.cleanUp() }
        let result = consultation.run(["plan"] + arguments)
        #expect(result.status == .usage)
        #expect(result.err.contains(message), "\(result.err)")
        #expect(result.out.isEmpty)
    }

    @Test("An unknown questionnaire exits 64, a missing store 66")
    func unknownAndMissing() {
        defer { consultation.cleanUp() }
        let unknown = consultation.run(["plan", "--questionnaire", "7/7/77"])
        #expect(unknown.status == .usage)
        #expect(unknown.err.contains("unknown questionnaire \"7/7/77\""))
        let missing = runCLI(
            ["plan"], store: consultation.folder + "/none.sqlite",
            questionnaires: PlanConsultation.questionnaires)
        #expect(missing.status == .noInput)
        #expect(!FileManager.default.fileExists(atPath: consultation.folder + "/none.sqlite"))
    }

    @Test("--out writes the document whole and says where")
    func outFile() throws {
        defer { consultation.cleanUp() }
        let path = consultation.folder + "/plan.md"
        let result = consultation.run(["plan", "--format", "markdown", "--out", path])
        #expect(result.status == .success)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("draft plan written to \(path)"))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("\nProposed lead: BE, DE.\n"))
        #expect(written.contains("### Action 3.1: Illicit trafficking in firearms"))
    }

    @Test("demo ends with the draft plan and writes the plan and the compilation")
    func demo() throws {
        defer { consultation.cleanUp() }
        let result = runCLI(["demo"])
        #expect(result.status == .success)
        #expect(result.out.contains("Draft 8th Action Plan"))
        #expect(result.out.contains("Action 8.1: Illicit trafficking in firearms"))
        let folder = NSTemporaryDirectory() + "threatsurvey-demo"
        #expect(
            result.err.contains("compilation of the replies written to \(folder)/compilation.md"))
        let compilation = try String(contentsOfFile: folder + "/compilation.md", encoding: .utf8)
        #expect(compilation.contains("Compilation of replies"))
    }
}
