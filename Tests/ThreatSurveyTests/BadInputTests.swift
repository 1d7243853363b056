import Foundation
import Testing

@testable import ThreatSurvey

/// Every bad input of the contract: exact location, every problem at once, a suggestion.
@Suite("Bad input")
struct BadInputTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try TestSupport.questionnaire()
    }

    func messages(_ text: String, name: String = "answer.csv", delegation: String? = nil)
        -> [String]
    {
        TestSupport.problems(text, name: name, questionnaire: questionnaire, delegation: delegation)
            .filter { $0.severity == .error }.map(\.description)
    }

    @Test("Unknown threat, with a suggestion")
    func unknownThreat() {
        #expect(
            messages("delegation,threat\nFR,fire arms\n")
                == [
                    "answer.csv:2:4: error: unknown threat \"fire arms\" in 9396/1/15; did you mean \"firearms\"?"
                ])
    }

    @Test("Unknown Member State, with a suggestion")
    func unknownMemberState() {
        #expect(
            messages("delegation;threat\nCyprys;drugs\n")
                == [
                    "answer.csv:2:1: error: unknown Member State \"Cyprys\"; did you mean \"Cyprus\"?"
                ])
    }

    @Test("Bad priorities")
    func badPriority() {
        #expect(
            messages(
                "delegation,threat,priority\nFR,drugs,0\nFR,firearms,high\nFR,vat,-2\nFR,excise,2.5\n"
            )
                == [
                    "answer.csv:2:10: error: bad priority \"0\"; a priority is a whole number from 1 (highest)",
                    "answer.csv:3:13: error: bad priority \"high\"; a priority is a whole number from 1 (highest)",
                    "answer.csv:4:8: error: bad priority \"-2\"; a priority is a whole number from 1 (highest)",
                    "answer.csv:5:11: error: bad priority \"2.5\"; a priority is a whole number from 1 (highest)",
                ])
    }

    @Test("Unclosed quote, and the rows before it still checked")
    func unclosedQuote() {
        let found = messages(
            "delegation,threat,comment\nFR,fire arms,ok\nFR,drugs,\"never closed\nFR,vat\n")
        #expect(found.count == 2)
        #expect(found[0].hasPrefix("answer.csv:2:4: error: unknown threat \"fire arms\""))
        #expect(
            found[1]
                == "answer.csv:3:10: error: quoted field is not closed; the rest of the file would be one cell (add the missing '\"')"
        )
    }

    @Test("A half-good file reports every problem, in file order")
    func halfGood() {
        let text = """
            delegation;threat;priority
            FR;firearms;1
            FR;internet crime;2
            Frnace;drugs;3
            FR;vat fraud;x
            DE;tobaco;1
            DE;excise;2

            """
        #expect(
            messages(text) == [
                "answer.csv:4:1: error: unknown Member State \"Frnace\"; did you mean \"France\"?",
                "answer.csv:5:14: error: bad priority \"x\"; a priority is a whole number from 1 (highest)",
                "answer.csv:6:4: error: unknown threat \"tobaco\" in 9396/1/15; did you mean \"tobacco\"?",
            ])
    }

    @Test("Empty files", arguments: ["", "   \n\r\n", "\u{FEFF}"])
    func empty(text: String) {
        #expect(messages(text) == ["answer.csv: error: file is empty"])
    }

    @Test("Binary garbage")
    func binary() {
        let garbage: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xFF, 0xD8]
        #expect(throws: SurveyError.self) {
            try AnswerFile.read(bytes: garbage, name: "answer.csv")
        }
        do {
            _ = try AnswerFile.read(bytes: garbage, name: "answer.csv")
        } catch {
            // Zip magic: read as a (damaged) Office file, whatever the name says.
            #expect(
                error.description.hasPrefix(
                    "answer.csv: error: this zip archive (an Office file?) cannot be read"))
            #expect(error.exitStatus == .dataError)
        }
    }

    @Test("An Excel workbook is refused with what to do instead")
    func workbook() {
        do {
            _ = try AnswerFile.read(bytes: [0x50, 0x4B], name: "answers.xlsx")
            Issue.record("expected rejection")
        } catch {
            #expect(error.description.contains("save it as CSV UTF-8"))
        }
    }

    @Test("Truncated JSON is reported where the file ends")
    func truncatedJSON() {
        #expect(
            messages("{\"delegation\": \"FR\",\n \"threats\": [\"firearms\", ", name: "fr.json")
                == ["fr.json:2:26: error: unexpected end of file; expected a value"])
        #expect(
            messages("{\"delegation\": \"FR\", \"threats\": [\"fire", name: "fr.json")
                == ["fr.json:1:34: error: unexpected end of file inside a string that starts here"])
    }

    @Test("Bad JSON values are all reported with positions")
    func badJSONValues() {
        let text = """
            {"delegation": "Frankreich", "cosignatories": ["Atlantis"],
             "threats": [{"threat": "drugs", "priority": "first"}, 42, "armes a feux"],
             "answers": {"cyber-unit": "yes"}, "date": "7 Sept"}
            """
        #expect(
            messages(text, name: "x.json") == [
                "x.json:1:48: error: unknown Member State \"Atlantis\"",
                "x.json:2:46: error: bad priority \"first\"; a priority is a whole number from 1 (highest)",
                "x.json:2:56: error: a threat is a name or {\"threat\": …, \"priority\": …}, found a number",
                "x.json:2:60: error: unknown threat \"armes a feux\" in 9396/1/15; did you mean \"armes à feu\"?",
                "x.json:3:14: error: unknown question \"cyber-unit\" in 9396/1/15 (it has no questions)",
                "x.json:3:44: error: \"date\" is not a date (YYYY-MM-DD, or day first as DD/MM/YYYY or DD.MM.YYYY): \"7 Sept\"",
            ])
    }

    @Test("Missing columns are named")
    func missingColumns() {
        #expect(
            messages("name,priority\nFR,1\n") == [
                "answer.csv:1:1: error: no delegation column (a header such as delegation, member state, ms, "
                    + "État membre or Lidstaat, in any official language of the Union); not known: \"name\"; "
                    + "or give --delegation",
                "answer.csv:1:1: error: no threat column (a header such as threat, menace or Bedrohung, in any "
                    + "official language of the Union); not known: \"name\"",
            ])
    }

    @Test("A file contradicting --delegation is refused")
    func contradictsDelegation() {
        #expect(
            messages("delegation,threat\nFR,drugs\n", delegation: "DE")
                == ["answer.csv:2:1: error: row is for FR but --delegation says DE"])
    }

    @Test("Questionnaire definitions are validated, every problem at once")
    func questionnaireValidation() {
        let text = """
            {"id": "1/15", "title": "T", "issued": "2015-09-10", "deadline": "2015-09-31",
             "threats": [{"id": "a", "title": "A", "aliases": {"en": ["shared"]}},
                         {"id": "a", "title": "A2"},
                         {"id": "b", "title": "B", "aliases": {"en": ["Shared"]}}],
             "questions": [{"id": "q", "type": "yes-or-no", "text": "?"}]}
            """
        do {
            _ = try Questionnaire.load(bytes: Array(text.utf8), file: "q.json")
            Issue.record("expected rejection")
        } catch {
            guard case .invalidData(let d) = error else {
                Issue.record("expected invalid data, got \(error)")
                return
            }
            #expect(
                d.map(\.description) == [
                    "q.json:1:66: error: \"deadline\" is not a date in the form YYYY-MM-DD: \"2015-09-31\"",
                    "q.json:3:21: error: duplicate threat id \"a\" (first defined on line 2)",
                    "q.json:4:59: error: alias \"Shared\" of threat \"b\" is also claimed by threat \"a\" (line 2)",
                    "q.json:5:36: error: unknown question type \"yes-or-no\" for \"q\"; did you mean \"yes-no\"?",
                ])
        }
    }
}
