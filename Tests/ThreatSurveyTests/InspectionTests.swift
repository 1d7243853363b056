import Foundation
import Testing

@testable import ThreatSurvey

/// `inspect` against well-known readers on the shared corpus (openpyxl, python-docx,
/// extract-msg), and its JSON shape (CONTRACT.md, "inspect --format json").
@Suite("inspect")
struct InspectionTests {
    static func corpus(_ folder: String) -> String {
        ZipFixture.resource("office-corpus/" + folder)
    }

    static func files(_ folder: String, _ ext: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus(folder))) ?? []).filter {
            $0.hasSuffix(ext)
        }.sorted()
    }

    static func expected(_ folder: String, _ file: String) throws -> [String: Any] {
        let data = try #require(
            FileManager.default.contents(atPath: corpus(folder) + "/expected.json"))
        let all = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(all[file] as? [String: Any])
    }

    /// The JSON `inspect --format json FILE…` prints, parsed.
    func inspectJSON(_ paths: [String]) throws -> Any {
        let result = runCLI(["inspect", "--format", "json"] + paths, addQuestionnaires: false)
        #expect(result.status == .success, "\(result.err)")
        return try JSONSerialization.jsonObject(with: Data(result.out.utf8))
    }

    /// Fails when a corpus folder, or a file its `expected.json` describes, is missing.
    ///
    /// The parameterised tests below run once per corpus file: without the corpus they would
    /// run zero times and pass.
    @Test(
        "The corpus is present: every file expected.json describes, for each reader",
        arguments: [("xlsx", ".xlsx", 12), ("docx", ".docx", 8), ("msg", ".msg", 5)])
    func corpusPresent(folder: String, ext: String, count: Int) throws {
        let found = Self.files(folder, ext)
        try #require(found.count == count, "office-corpus/\(folder) holds \(found.count) files")
        let data = try #require(
            FileManager.default.contents(atPath: Self.corpus(folder) + "/expected.json"))
        let described = try #require(
            try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(described.keys).isSubset(of: Set(found)), "\(folder)")
    }

    @Test(
        "Workbooks: inspect shows openpyxl's non-empty cells in every sheet",
        arguments: files("xlsx", ".xlsx"))
    func workbooks(file: String) throws {
        let object = try #require(
            try inspectJSON([Self.corpus("xlsx") + "/" + file]) as? [String: Any])
        #expect(object["kind"] as? String == "spreadsheet")
        let sheets = try #require(object["sheets"] as? [[String: Any]])
        let want = try #require(try Self.expected("xlsx", file)["sheets"] as? [[String: Any]])
        #expect(
            sheets.compactMap { $0["name"] as? String } == want.compactMap { $0["name"] as? String }
        )
        for (sheet, expected) in zip(sheets, want) {
            let rows = try #require(sheet["rows"] as? [[String]])
            let cells = try #require(expected["cells"] as? [String: [String: Any]])
            for (place, value) in cells {
                let rc = place.split(separator: ",").compactMap { Int($0) }
                let got =
                    rc[0] <= rows.count && rc[1] <= rows[rc[0] - 1].count
                    ? rows[rc[0] - 1][rc[1] - 1] : ""
                if file == "60289.xlsx" && place == "2,2" {
                    // Excel's _x000D_ decoded; openpyxl keeps it
                    #expect(got == "Rich Text\r\nTest")
                } else if let number = value["num"] as? Double {
                    #expect(Double(got) == number, "\(file) \(place)")
                } else if let text = value["str"] as? String {
                    #expect(got == text, "\(file) \(place)")
                } else if let flag = value["bool"] as? Bool {
                    #expect(got == (flag ? "TRUE" : "FALSE"), "\(file) \(place)")
                } else if let date = value["date"] as? String {
                    #expect(got == String(date.prefix(10)), "\(file) \(place)")
                }
            }
            #expect(
                rows.reduce(0) { $0 + $1.filter { !$0.isEmpty }.count } == cells.count, "\(file)")
        }
    }

    @Test(
        "Documents: inspect shows python-docx's paragraphs (list labels aside) and tables",
        arguments: files("docx", ".docx"))
    func documents(file: String) throws {
        let object = try #require(
            try inspectJSON([Self.corpus("docx") + "/" + file]) as? [String: Any])
        #expect(object["kind"] as? String == "document")
        let expected = try Self.expected("docx", file)
        let paragraphs = try #require(object["paragraphs"] as? [String])
        #expect(
            paragraphs.map { WordDocumentTests.collapsed(WordDocumentTests.withoutLabel($0)) }
                == expected["paragraphs"] as? [String])
        let tables = try #require(object["tables"] as? [[[String]]])
        #expect(
            tables.map { $0.map { $0.map(WordDocumentTests.collapsed) } } == expected["tables"]
                as? [[[String]]])
    }

    @Test(
        "Outlook messages: inspect shows extract-msg's sender, subject, date and attachments",
        arguments: files("msg", ".msg"))
    func messages(file: String) throws {
        let object = try #require(
            try inspectJSON([Self.corpus("msg") + "/" + file]) as? [String: Any])
        let expected = try Self.expected("msg", file)
        #expect(object["kind"] as? String == "mail")
        // extract-msg's sender is `"Name" <address>`, `Name` or `<address>`.
        let sender = try #require(expected["sender"] as? String)
        if let open = sender.firstIndex(of: "<") {
            #expect(
                object["from"] as? String == String(sender[sender.index(after: open)...].dropLast())
            )
            let name = sender[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\""))
            if !name.isEmpty { #expect(object["fromName"] as? String == name) }
        } else {
            #expect(object["fromName"] as? String == sender)
        }
        // extract-msg keeps a NUL that ends one subject property; the tool drops it.
        let subject = try #require(expected["subject"] as? String).replacing("\u{0}", with: "")
        #expect(object["subject"] as? String == subject)
        // Seconds agree; extract-msg adds the FILETIME's fraction of a second.
        let date = try #require(expected["date"] as? String)
        #expect(object["date"] as? String == String(date.prefix(19)) + "+00:00")
        let attachments = try #require(object["attachments"] as? [[String: Any]])
        let want = try #require(expected["attachments"] as? [[String: Any]])
        #expect(
            attachments.compactMap { $0["name"] as? String }
                == want.compactMap { $0["name"] as? String })
        #expect(attachments.map { $0["bytes"] as? Int } == want.map { $0["bytes"] as? Int })
        for attachment in attachments {
            #expect((attachment["sha256"] as? String)?.count == 64)
        }
    }

    @Test("Several files give an array in argument order; CSV gives its dialect and records")
    func severalFiles() throws {
        let list = try #require(
            try inspectJSON([TestSupport.fixture("pl.csv"), OfficeAnswerTests.resource("pl.xlsx")])
                as? [[String: Any]])
        #expect(list.compactMap { $0["kind"] as? String } == ["csv", "spreadsheet"])
        #expect(list[0]["encoding"] as? String == "UTF-8 with BOM")
        #expect(list[0]["delimiter"] as? String == ";")
        #expect((list[0]["records"] as? [[String]])?.last == ["Polska", "firearms", "5", ""])
        let sheets = try #require(list[1]["sheets"] as? [[String: Any]])
        #expect(
            (sheets[1]["rows"] as? [[String]])?[1] == [
                "Polska", "tobacco-smuggling", "1",
                "Cigarettes from Belarus and Ukraine; illicit whites",
            ])
    }

    @Test("A Word letter shows its list numbers; the table view names each paragraph")
    func letter() throws {
        let object = try #require(
            try inspectJSON([OfficeAnswerTests.resource("ie-letter.odt")]) as? [String: Any])
        #expect(
            (object["paragraphs"] as? [String])?[3...5] == [
                "1. Firearms trafficking", "2. Cybercrime and the Internet",
                "3. Cigarette smuggling",
            ])
        let table = runCLI(
            ["inspect", OfficeAnswerTests.resource("ie-letter.docx")], addQuestionnaires: false)
        #expect(table.out.contains("4  1. Firearms trafficking"), "\(table.out)")
    }

    @Test("A file that cannot be read is refused with exit 65, naming it and what to ask for")
    func refusal() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { TestSupport.cleanUp(folder) }
        try TestSupport.write(bytes: Array("%PDF-1.7\n".utf8), to: folder + "/answer.pdf")
        let result = runCLI(["inspect", folder + "/answer.pdf"], addQuestionnaires: false)
        #expect(result.status == .dataError)
        #expect(result.err.contains("answer.pdf: error: this is a PDF document"))
        #expect(result.out.isEmpty)
    }
}
