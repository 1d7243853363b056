import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// `--format docx|odt` on the command line: written with `--out FILE` or to a file or pipe,
/// refused on a terminal, `--out` onto anything but a regular file refused (CONTRACT.md,
/// "Council documents").
@Suite("Word and OpenDocument output")
struct OfficeOutputTests {
    let folder: String

    init() throws {
        folder = try TestSupport.temporaryFolder()
        let submitted = runCLI(
            [
                "submit", TestSupport.fixture("de-excel.csv"), TestSupport.fixture("bg.json"),
                "--received", "2015-09-04",
            ], store: folder + "/answers.sqlite")
        try #require(submitted.status == .success, "\(submitted.err)")
    }

    /// Two answers in a store of their own.
    var answers: [String] {
        ["--store", folder + "/answers.sqlite", "--questionnaire", "9396/1/15"]
    }

    @Test(
        "summary --format docx|odt --out FILE: a file whose paragraph is the JSON summary's",
        arguments: ["docx", "odt"])
    func summaryToFile(format: String) throws {
        defer { TestSupport.cleanUp(folder) }
        let json = runCLI(["summary", "--format", "json"] + answers)
        #expect(json.status == .success)
        let summary = try #require(
            try JSONParser.parse(Array(json.out.utf8))["summary"]?.string)
        let path = folder + "/summary." + format
        let result = runCLI(["summary", "--format", format, "--out", path] + answers)
        #expect(result.status == .success, "\(result.err)")
        #expect(result.out.isEmpty)
        #expect(result.err == "summary written to \(path)\n")
        let read = try WordDocument.read(bytes: TestSupport.bytes(path))
        // The Council's header opens the document, then the paragraph.
        #expect(read.paragraphs.first == "Council of the European Union")
        #expect(read.paragraphs.contains("OUTCOME OF PROCEEDINGS"))
        #expect(read.paragraphs.last == summary)
        let archive = try ZipArchive(bytes: TestSupport.bytes(path))
        let metadata = String(
            decoding: try archive.data(named: format == "docx" ? "docProps/core.xml" : "meta.xml"),
            as: UTF8.self)
        #expect(
            metadata.contains(
                "<dc:title>Threats and challenges for the 8th Action Plan (situational "
                    + "awareness paper): written comments</dc:title>"))
        #expect(metadata.contains("<dc:language>en</dc:language>"))
    }

    @Test("To a pipe or file the bytes go to standard output, the same each time")
    func summaryToStandardOutput() throws {
        defer { TestSupport.cleanUp(folder) }
        let first = runCLI(["summary", "--format", "docx", "--language", "fr"] + answers)
        #expect(first.status == .success)
        let second = runCLI(["summary", "--format", "docx", "--language", "fr"] + answers)
        #expect(first.outBytes == second.outBytes)
        let read = try WordDocument.readDOCX(bytes: first.outBytes)
        #expect(read.paragraphs.first == "Council of the European Union")
        #expect(read.paragraphs.last?.isEmpty == false)
        let styles = String(
            decoding: try ZipArchive(bytes: first.outBytes).data(named: "word/styles.xml"),
            as: UTF8.self)
        #expect(styles.contains("<w:lang w:val=\"fr\""))
    }

    @Test(
        "A binary format to a terminal is refused (64) with the way out; nothing written",
        arguments: ["docx", "odt"])
    func terminalRefused(format: String) throws {
        defer { TestSupport.cleanUp(folder) }
        let console = Console(capture: true)
        console.outIsTerminal = true
        let result = runCLI(["summary", "--format", format] + answers, console: console)
        #expect(result.status.rawValue == 64)
        #expect(result.err.contains("use --out FILE"))
        #expect(result.outBytes.isEmpty)
        // The one-line text summary still goes to --out on a terminal.
        let console2 = Console(capture: true)
        console2.outIsTerminal = true
        let path = folder + "/summary.txt"
        let text = runCLI(["summary", "--out", path] + answers, console: console2)
        #expect(text.status == .success)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix(".\n"))
    }

    @Test("--out onto a FIFO, a symbolic link or a device is refused (73) before any work")
    func outRefused() throws {
        defer { TestSupport.cleanUp(folder) }
        let fifo = folder + "/fifo.docx"
        try #require(mkfifo(fifo, 0o600) == 0)
        let link = folder + "/link.docx"
        try FileManager.default.createSymbolicLink(
            atPath: link, withDestinationPath: folder + "/target.docx")
        for path in [fifo, link, "/dev/null"] {
            let result = runCLI(["summary", "--format", "docx", "--out", path] + answers)
            #expect(result.status.rawValue == 73, "\(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/target.docx"))
    }

    @Test("A command that does not offer docx refuses it as a usage error")
    func notOffered() {
        #expect(runCLI(["deadline", "--format", "docx"]).status.rawValue == 64)
    }

    @Test(
        "Real documents of the demo store read back with their tables, equal to the JSON figures",
        arguments: [OutputFormat.docx, .odt])
    func demoDocuments(format: OutputFormat) throws {
        defer { TestSupport.cleanUp(folder) }
        let store = folder + "/demo.sqlite"
        #expect(runCLI(["demo", "--store", store]).status == .success)
        let opened = try Store(path: store, readOnly: true)
        let questionnaire = try TestSupport.questionnaire()
        let submissions = try opened.countedSubmissions(questionnaire: questionnaire.id)
        let ranking = Ranking(questionnaire: questionnaire, submissions: submissions)
        let regions = RegionalBreakdown(
            questionnaire: questionnaire, submissions: submissions, grouping: .eurovoc)
        var document = ranking.document()
        document.blocks.insert(
            .chart(
                BarChart(
                    title: "Threats by Member States", categories: ranking.threats.map(\.title),
                    values: ranking.threats.map { Double($0.memberStates) },
                    valueTitle: "Member States",
                    alternativeText: "The ranking's Member States per threat, as the table.")),
            at: 1)
        document.blocks += regions.document().blocks
        document.title = "\(questionnaire.id) ranking"
        let bytes = try format.render(document)
        try OfficeSample.exportIfAsked("demo-ranking.\(format.rawValue)", bytes)

        let read = try WordDocument.read(bytes: bytes)
        let tables = document.blocks.compactMap { block -> [[String]]? in
            guard case .table(let table) = block else { return nil }
            return [table.columns] + table.rows
        }
        if format == .docx {
            #expect(read.tables == tables)
        } else {
            #expect(read.tables == tables.map(ODTWriterTests.trimmed))
        }
        // The ranking table's Member States column is the JSON's memberStates, threat by threat.
        let json = runCLI(
            ["rank", "--format", "json", "--questionnaire", "9396/1/15"], store: store)
        let threats = try #require(try JSONParser.parse(Array(json.out.utf8))["threats"]?.array)
        let expected = threats.compactMap { threat -> [String]? in
            guard let id = threat["id"]?.string,
                case .number(let count) = threat["memberStates"]?.value
            else { return nil }
            return [id, count]
        }
        #expect(!expected.isEmpty)
        #expect(read.tables.first?.dropFirst().map { [$0[1], $0[2]] } == expected)
    }
}
