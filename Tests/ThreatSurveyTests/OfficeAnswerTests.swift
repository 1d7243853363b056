import Foundation
import Testing

@testable import ThreatSurvey

/// Office answers (fixtures made by fixtures/tools/make_office_answers.py) read through the
/// same readers as CSV and prose, with positions named as the officer would look for them.
@Suite("Office files as answers")
struct OfficeAnswerTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try TestSupport.questionnaire()
    }

    static func resource(_ name: String) -> String {
        ZipFixture.resource("office-answers/" + name)
    }

    func read(_ path: String, name: String? = nil, delegation: String? = nil) throws -> (
        file: AnswerFile, responses: [Response], diagnostics: [Diagnostic]
    ) {
        let file = try AnswerFile.read(
            bytes: try TestSupport.bytes(path), name: name ?? (path as NSString).lastPathComponent)
        let parsed = try AnswerParser(
            questionnaire: questionnaire, delegation: delegation.flatMap(MemberState.withCode)
        ).parse(file)
        return (file, parsed.responses, parsed.diagnostics)
    }

    /// What a reader gives that a user would notice: who, which threats, priorities, comments.
    func summary(_ responses: [Response]) -> [String] {
        responses.flatMap { response in
            response.mentions.map {
                "\(response.delegation) \($0.threat) \($0.priority.map(String.init) ?? "-") \($0.comment ?? "") \($0.counts)"
            }
        }
    }

    func error(_ path: String, name: String? = nil, delegation: String? = nil) throws -> String {
        do {
            _ = try read(path, name: name, delegation: delegation)
        } catch let error as SurveyError {
            return error.description
        }
        Issue.record("\(path) was read without an error")
        return ""
    }

    @Test(
        "An Excel workbook with an instructions sheet gives the same responses as the CSV",
        arguments: ["pl.xlsx", "pl.ods"])
    func workbookAsCSV(name: String) throws {
        let office = try read(Self.resource(name))
        let csv = try read(TestSupport.fixture("pl.csv"))
        #expect(office.file.format == .csvLong)
        #expect(
            office.file.readingDescription
                == "\(name.hasSuffix("ods") ? "ods" : "xlsx") (sheet Answers), csv-long reading")
        #expect(summary(office.responses) == summary(csv.responses))
        #expect(office.responses.first?.priority(of: "firearms") == 5)
    }

    @Test(
        "A matrix sheet (delegations down, threats across) gives the same responses as the matrix CSV"
    )
    func matrixSheet() throws {
        let csv = try read(TestSupport.fixture("at-matrix.csv"))
        let rows = csv.file.records.map(\.fields)
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        try TestSupport.write(
            bytes: try ZipFixture.xlsx(sheets: [
                ("Read me", [["Fill in the matrix"]]), ("Matrix", [["Austria"]] + rows),
            ]), to: folder + "/at.xlsx")
        let office = try read(folder + "/at.xlsx")
        #expect(office.file.readingDescription == "xlsx (sheet Matrix), csv-matrix reading")
        #expect(!summary(office.responses).isEmpty)
        #expect(summary(office.responses) == summary(csv.responses))
    }

    @Test("A Word table in long form gives the same responses as the CSV")
    func wordTableAsCSV() throws {
        let office = try read(Self.resource("pl-table.docx"))
        let csv = try read(TestSupport.fixture("pl.csv"))
        #expect(office.file.readingDescription == "docx (table 1), csv-long reading")
        #expect(summary(office.responses) == summary(csv.responses))
    }

    @Test(
        "A Word or OpenDocument letter reads as the same prose, numbered priorities and negation kept",
        arguments: ["ie-letter.docx", "ie-letter.odt"])
    func letterAsProse(name: String) throws {
        let office = try read(Self.resource(name), delegation: "IE")
        let prose = try read(Self.resource("ie-letter.txt"), delegation: "IE")
        #expect(office.file.format == .prose)
        #expect(
            String(decoding: office.file.text.utf8, as: UTF8.self).contains(
                "1. Firearms trafficking\n2. Cybercrime"))
        #expect(summary(office.responses) == summary(prose.responses))
        let ie = try #require(office.responses.first)
        #expect(ie.priority(of: "firearms") == 1)
        #expect(ie.mentions.first { $0.threat == "vat-fraud" }?.counts == false)
    }

    @Test("A letter without --delegation asks for one, as prose does")
    func letterNeedsDelegation() throws {
        #expect(try error(Self.resource("ie-letter.docx")).contains("--delegation"))
    }

    @Test("Errors in a workbook name the sheet and cell")
    func sheetPositions() throws {
        let rows = [
            ["Delegation", "Threat", "Priority"], ["PL", "fire arms", "1"],
            ["PL", "vat-fraud", "two"],
        ]
        let bytes = try ZipFixture.xlsx(sheets: [("Réponses PL", rows)])
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/pl.xlsx"
        try TestSupport.write(bytes: bytes, to: path)
        let message = try error(path, name: "pl.xlsx")
        #expect(
            message.contains("pl.xlsx:'Réponses PL'!B2: error: unknown threat \"fire arms\""),
            "\(message)")
        #expect(message.contains("pl.xlsx:'Réponses PL'!C3: error:"), "\(message)")
    }

    @Test("Errors in a Word table and in a Word letter name the table cell and the paragraph")
    func documentPositions() throws {
        let table = try ZipFixture.docx(
            paragraphs: ["Reply"], table: [["Delegation", "Threat"], ["PL", "fire arms"]])
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        try TestSupport.write(bytes: table, to: folder + "/t.docx")
        #expect(
            try error(folder + "/t.docx", name: "t.docx").contains(
                "t.docx:table 1, row 2, column 2: error: unknown threat"))
        let letter = try ZipFixture.docx(
            paragraphs: ["Dear colleagues,", "Priority 99: firearms."], table: nil)
        try TestSupport.write(bytes: letter, to: folder + "/l.docx")
        let (_, _, diagnostics) = try read(folder + "/l.docx", name: "l.docx", delegation: "IE")
        #expect(
            diagnostics.contains { $0.description.hasPrefix("l.docx:2: warning:") },
            "\(diagnostics)")
    }

    @Test("Formats are told by content; what cannot be read is refused with what to ask for")
    func refusals() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        // A workbook renamed .csv is still read as a workbook.
        try TestSupport.write(
            bytes: try TestSupport.bytes(Self.resource("pl.xlsx")), to: folder + "/pl.csv")
        #expect(try read(folder + "/pl.csv").file.source?.container == .xlsx)
        let cases: [(String, [UInt8], String)] = [
            ("a.pdf", Array("%PDF-1.4\n%\u{E2}\n".utf8), "PDF"),
            ("a.zip", try ZipFixture.zip([("readme.txt", Array("hello".utf8))]), "zip archive"),
            (
                "legacy.xls",
                try TestSupport.bytes(ZipFixture.resource("office-corpus/msg/quick.msg")),
                "submit it as a mail"
            ),
        ]
        for (name, bytes, expected) in cases {
            try TestSupport.write(bytes: bytes, to: folder + "/" + name)
            let message = try error(folder + "/" + name, name: name)
            #expect(
                message.hasPrefix("\(name): error: ") && message.contains(expected), "\(message)")
        }
        let two = try ZipFixture.xlsx(sheets: [
            ("A", [["Delegation", "Threat"], ["PL", "firearms"]]),
            ("B", [["Delegation", "Threat"], ["PL", "drugs"]]),
        ])
        try TestSupport.write(bytes: two, to: folder + "/two.xlsx")
        #expect(
            try error(folder + "/two.xlsx", name: "two.xlsx").contains(
                "several sheets look like answers: \"A\", \"B\""))
        let none = try ZipFixture.xlsx(sheets: [("Notes", [["Hello"]]), ("Sheet2", [])])
        try TestSupport.write(bytes: none, to: folder + "/none.xlsx")
        #expect(
            try error(folder + "/none.xlsx", name: "none.xlsx").contains(
                "(sheet \"Notes\" has no header row (no row with two or more cells); sheet \"Sheet2\" has no header row"
            ))
    }
}
