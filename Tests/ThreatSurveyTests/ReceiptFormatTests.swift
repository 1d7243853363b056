import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// Receipts and `show` name the format an answer came in and the part read (`xlsx, sheet
/// Answers`, `docx, table 1`, `odt`), not the reading and a text encoding (`csv-long,
/// UTF-8`), which describe a CSV file; the JSON keeps `format` and `encoding` and adds
/// `source`.
@Suite("Receipts name the real format")
struct ReceiptFormatTests {
    static let cases: [(file: String, delegation: String, source: String, reading: String)] = [
        ("pl.xlsx", "PL", "xlsx, sheet Answers", "csv-long"),
        ("pl.ods", "PL", "ods, sheet Answers", "csv-long"),
        ("pl-table.docx", "PL", "docx, table 1", "csv-long"),
        ("ie-letter.odt", "IE", "odt", "prose"),
        ("ie-letter.docx", "IE", "docx", "prose"),
    ]

    let folder: String
    var store: String { folder + "/store.sqlite" }

    init() throws {
        folder = try TestSupport.temporaryFolder()
    }

    @Test(
        "The receipt, `show` and its JSON name the Office format and the part read",
        arguments: cases)
    func officeFormat(_ entry: (file: String, delegation: String, source: String, reading: String))
        throws
    {
        defer { TestSupport.cleanUp(folder) }
        let path = ZipFixture.resource("office-answers/" + entry.file)
        let line = "file:          \(entry.file) (\(entry.source), read as \(entry.reading))"
        let run = runCLI(
            [
                "submit", path, "--questionnaire", "9396/1/15", "--delegation", entry.delegation,
                "--received", "2015-09-04",
            ], store: store)
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.contains(line))
        #expect(!run.out.contains("UTF-8"))
        let shown = runCLI(["show", "1"], store: store)
        #expect(shown.out.contains(line))
        let json = runCLI(["show", "1", "--format", "json"], store: store)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["source"] as? String == entry.source)
        #expect(object["format"] as? String == entry.reading)
        #expect(object["encoding"] as? String == "UTF-8")
    }

    @Test("A CSV file keeps its reading, encoding and delimiter, and no source")
    func textFormat() throws {
        defer { TestSupport.cleanUp(folder) }
        let run = runCLI(
            ["submit", TestSupport.fixture("pl.csv"), "--received", "2015-09-04"], store: store)
        #expect(run.out.contains("file:          pl.csv (csv-long, UTF-8 with BOM, delimiter ;)"))
        let json = runCLI(["show", "1", "--format", "json"], store: store)
        #expect(!json.out.contains("\"source\""))
    }
}
