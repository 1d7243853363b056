import Foundation
import Testing

@testable import ThreatSurvey

/// Each input format, read from the bundled fixtures as delegations sent them.
@Suite("Answer formats")
struct AnswerFormatTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try TestSupport.questionnaire()
    }

    func read(_ name: String, delegation: String? = nil) throws -> (
        file: AnswerFile, responses: [Response], diagnostics: [Diagnostic]
    ) {
        let path = TestSupport.fixture(name)
        let file = try AnswerFile.read(bytes: try TestSupport.bytes(path), name: path)
        let parsed = try AnswerParser(
            questionnaire: questionnaire, delegation: delegation.flatMap(MemberState.withCode)
        ).parse(file)
        return (file, parsed.responses, parsed.diagnostics)
    }

    @Test("Long CSV from a European Excel: semicolons, BOM, CRLF, three delegations")
    func longEuropeanExcel() throws {
        let (file, responses, diagnostics) = try read("baltic-states.csv")
        #expect(file.format == .csvLong)
        #expect(file.text.encoding == .utf8BOM)
        #expect(file.dialect?.delimiterName == ";")
        #expect(responses.map(\.delegation) == ["EE", "LV", "LT"])
        #expect(
            responses[2].threats == [
                "tobacco-smuggling", "excise-fraud", "firearms", "drugs",
                "stolen-vehicles-property",
            ])
        #expect(responses[2].priority(of: "drugs") == 4)
        #expect(responses[1].mentions[1].comment == "Alcohol and fuel")
        #expect(diagnostics.isEmpty)
    }

    @Test("Quoted comments with delimiters, doubled quotes and line breaks survive")
    func quotedComments() throws {
        let (_, responses, _) = try read("de-excel.csv")
        let de = try #require(responses.first)
        #expect(de.mentions[0].comment == "Converted and reactivated weapons; parts sold online")
        #expect(de.mentions[1].comment == "Darknet marketplaces,\r\nsocial media")
        #expect(de.mentions[4].threat == "postal-express")
        #expect(de.mentions[4].comment == "small consignments; see JCO \"Postbox\"")
        // The row after the two-line comment is on line 5 of the file.
        #expect(de.mentions[2].line == 5)
    }

    @Test("Matrix CSV in Windows-1252 with German headers and a native name")
    func matrixWindows1252() throws {
        let (file, responses, diagnostics) = try read("at-matrix.csv")
        #expect(file.format == .csvMatrix)
        #expect(file.text.encoding == .windows1252)
        #expect(
            diagnostics.contains { $0.severity == .warning && $0.message.contains("Windows-1252") })
        let at = try #require(responses.first)
        #expect(at.delegation == "AT")
        #expect(at.threats == ["firearms", "internet-crime", "drugs", "vat-fraud"])
        #expect(at.priority(of: "vat-fraud") == 4)
        #expect(at.comments == "Schwerpunkt: Westbalkanroute")
    }

    @Test("Matrix CSV with x marks: mentions without priority")
    func matrixMarks() throws {
        let (_, responses, _) = try read("fi-matrix.csv")
        #expect(
            responses.first?.threats == ["tobacco-smuggling", "excise-fraud", "firearms", "drugs"])
        #expect(responses.first?.mentions.allSatisfy { $0.priority == nil } == true)
    }

    @Test("A 1 is a priority unless the whole file holds nothing but 1s (a tick export, said so)")
    func matrixOnes() throws {
        let text = "ms,firearms,drugs,vat-fraud\nPT,1,1,\nSI,1,2,3\n"
        let (responses, diagnostics) = try TestSupport.parse(
            text, name: "m.csv", questionnaire: questionnaire)
        #expect(responses[0].mentions.map(\.priority) == [1, 1])
        #expect(responses[1].mentions.map(\.priority) == [1, 2, 3])
        #expect(!diagnostics.contains { $0.message.contains("tick export") })
        let ticks = "ms,firearms,drugs,vat-fraud\nPT,1,1,\nSI,1,0,1\n"
        let (ticked, warnings) = try TestSupport.parse(
            ticks, name: "t.csv", questionnaire: questionnaire)
        #expect(ticked.flatMap(\.mentions).allSatisfy { $0.priority == nil })
        #expect(ticked.map(\.threats) == [["firearms", "drugs"], ["firearms", "vat-fraud"]])
        #expect(warnings.contains { $0.severity == .warning && $0.message.contains("tick export") })
    }

    @Test("JSON joint answer with cosignatories, priorities and comments")
    func jointJSON() throws {
        let (file, responses, _) = try read("be-nl-lu-joint.json")
        #expect(file.format == .json)
        let be = try #require(responses.first)
        #expect(be.delegation == "BE")
        #expect(be.cosignatories == ["LU", "NL"])
        #expect(be.memberStates == ["BE", "LU", "NL"])
        #expect(be.dated == CivilDate(year: 2015, month: 9, day: 4))
        #expect(be.priority(of: "vat-fraud") == 3)
        #expect(be.mentions.first?.comment == "Including parts and components bought online.")
    }

    @Test("JSON array, Greek native name, bare threat names")
    func jsonArray() throws {
        let (_, responses, _) = try read("el.json")
        #expect(responses.first?.delegation == "EL")
        #expect(responses.first?.mentions.first?.priority == nil)
        #expect(responses.first?.threats.count == 5)
    }

    @Test(
        "Prose in English, French and German: every match with its line and phrase",
        arguments: [
            (
                "se-comments.txt", "SE",
                ["firearms", "drugs", "environmental-crime", "internet-crime"]
            ),
            (
                "fr-commentaires.txt", "FR",
                ["firearms", "internet-crime", "vat-fraud", "synthetic-drugs-precursors"]
            ),
            (
                "de-stellungnahme.txt", "DE",
                ["firearms", "internet-crime", "drugs", "postal-express", "counterfeit-ipr"]
            ),
            (
                "ro-commentaires.txt", "RO",
                ["tobacco-smuggling", "excise-fraud", "firearms", "internet-crime"]
            ),
            (
                "uk-comments.md", "UK",
                [
                    "internet-crime", "firearms", "excise-fraud", "vat-fraud",
                    "money-laundering-cash",
                ]
            ),
        ])
    func prose(name: String, delegation: String, threats: [String]) throws {
        let (file, responses, _) = try read(name, delegation: delegation)
        #expect(file.format == .prose)
        let r = try #require(responses.first)
        #expect(r.delegation == delegation)
        #expect(r.threats == threats)
        #expect(r.mentions.allSatisfy { $0.origin == .prose && $0.line != nil && $0.phrase != nil })
    }

    @Test("Prose match positions and the longest alias winning")
    func proseDetails() throws {
        let matcher = ProseMatcher(questionnaire: questionnaire)
        let found = matcher.mentions(
            in:
                "Intro.\nWe fear Excise and VAT fraud, and counterfeit medicines.\nNo weapons of mass destruction."
        )
        #expect(
            found.map(\.threat) == [
                "excise-fraud", "vat-fraud", "health-safety-goods", "dual-use-wmd",
            ])
        #expect(found[0].line == 2)
        #expect(found[0].column == 9)
        #expect(found[0].phrase == "Excise")
        #expect(found[1].phrase == "VAT fraud")
        #expect(found[2].phrase == "counterfeit medicines")
        // Whole words only: "cashier" is not "cash", "e-mail" is not a threat.
        #expect(matcher.mentions(in: "The cashier sent an e-mail.").isEmpty)
        // Case and diacritics ignored.
        #expect(matcher.mentions(in: "ARMES A FEU").first?.threat == "firearms")
    }

    @Test("Prose needs a delegation")
    func proseNeedsDelegation() throws {
        let file = try AnswerFile.read(bytes: Array("firearms".utf8), name: "c.txt")
        #expect(throws: SurveyError.self) {
            try AnswerParser(questionnaire: questionnaire).parse(file)
        }
    }

    @Test("Questions answered in JSON and in long CSV (10618/15)")
    func questions() throws {
        let q = try TestSupport.questionnaire("10618/15")
        let csv = try AnswerFile.read(
            bytes: try TestSupport.bytes(TestSupport.fixtures + "/10618-15/pl.csv"), name: "pl.csv")
        let pl = try #require(try AnswerParser(questionnaire: q).parse(csv).responses.first)
        #expect(pl.threats == ["tobacco-products", "doping-substances", "counterfeit-goods"])
        #expect(
            pl.answers.map(\.value) == [
                "yes", "no", "yes", "postal", "new action", "Parcels from Asia; e-cigarettes",
            ])
        let json = try AnswerFile.read(
            bytes: try TestSupport.bytes(TestSupport.fixtures + "/10618-15/fr.json"),
            name: "fr.json")
        let fr = try #require(try AnswerParser(questionnaire: q).parse(json).responses.first)
        #expect(fr.answers.first { $0.question == "cyber-unit" }?.value == "yes")
        #expect(fr.threats.contains("falsified-medicines"))
    }

    @Test("Excel's sep= line, trailing empty columns, and Unicode text saved as .txt")
    func excelQuirks() throws {
        let sep = try TestSupport.parse(
            "sep=;\ndelegation;threat;priority;;\nSK;tobacco;1;;\n", name: "s.csv",
            questionnaire: questionnaire)
        #expect(sep.responses.first?.mentions.first?.line == 3)
        #expect(sep.responses.first?.threats == ["tobacco-smuggling"])
        #expect(sep.diagnostics.isEmpty)
        let table = "Member State\tThreat\r\nMagyarország\tVAT fraud\r\n"
        let bytes: [UInt8] =
            [0xFF, 0xFE] + table.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let file = try AnswerFile.read(bytes: bytes, name: "hu.txt")
        #expect(file.format == .csvLong)
        #expect(file.text.encoding == .utf16LE)
        #expect(
            try AnswerParser(questionnaire: questionnaire).parse(file).responses.first?.delegation
                == "HU")
    }
}
