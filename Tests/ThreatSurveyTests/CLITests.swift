import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// The command line, run in-process through `CLI.run`.
@Suite("Command line")
struct CLITests {
    let folder: String
    var store: String { folder + "/store.sqlite" }

    init() throws {
        folder = try TestSupport.temporaryFolder()
    }

    @Test("--version and --help")
    func versionAndHelp() {
        defer { TestSupport.cleanUp(folder) }
        #expect(runCLI(["--version"]).out == CLI.version + "\n")
        let help = runCLI(["--help"])
        #expect(help.status == .success)
        for name in ["submit", "history", "show", "questionnaires", "template", "demo"] {
            #expect(help.out.contains("  \(name) "))
            let commandHelp = runCLI([name, "--help"])
            #expect(commandHelp.status == .success)
            #expect(commandHelp.out.hasPrefix("usage: threatsurvey \(name)"))
        }
    }

    @Test("Usage errors exit 64 with a suggestion")
    func usageErrors() {
        defer { TestSupport.cleanUp(folder) }
        let unknown = runCLI(["sumbit"])
        #expect(unknown.status == .usage)
        #expect(unknown.err.contains("did you mean 'submit'?"))
        let option = runCLI(["history", "--delgation", "FR"], store: store)
        #expect(option.status == .usage)
        #expect(option.err.contains("did you mean '--delegation'?"))
        #expect(runCLI(["submit"], store: store).status == .usage)
        #expect(runCLI(["show", "abc"], store: store).status == .usage)
        #expect(runCLI(["history", "--format", "html"], store: store).status == .usage)
        #expect(
            runCLI(["submit", "x.csv", "--received", "next week"], store: store).status == .usage)
        #expect(runCLI([]).status == .usage)
    }

    @Test("A missing input file exits 66 and creates no store")
    func missingInput() {
        defer { TestSupport.cleanUp(folder) }
        let result = runCLI(["submit", folder + "/nope.csv"], store: store)
        #expect(result.status == .noInput)
        #expect(result.err == folder + "/nope.csv: error: no such file\n")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test("Bad data exits 65, lists every problem on standard error, stores nothing")
    func badData() throws {
        defer { TestSupport.cleanUp(folder) }
        let path = folder + "/bad.csv"
        try TestSupport.write("ms;threat;priority\nFR;fire arms;1\nXX;drugs;0\n", to: path)
        let result = runCLI(["submit", path, "--questionnaire", "9396/1/15"], store: store)
        #expect(result.status == .dataError)
        #expect(result.out.isEmpty)
        #expect(
            result.err.split(separator: "\n").map(String.init) == [
                "\(path):2:4: error: unknown threat \"fire arms\" in 9396/1/15; did you mean \"firearms\"?",
                "\(path):3:1: error: unknown Member State \"XX\"",
                "\(path):3:10: error: bad priority \"0\"; a priority is a whole number from 1 (highest)",
            ])
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test("Walkthrough: template, fill in, submit, history, show, show --original")
    func walkthrough() throws {
        defer { TestSupport.cleanUp(folder) }
        let template = runCLI(["template", "9396-1-15", "--form", "long"])
        #expect(template.status == .success)
        #expect(
            template.out.hasPrefix(
                "\u{FEFF}questionnaire,delegation,threat,mentioned,priority,comment\r\n"))
        #expect(template.err.contains("rows left blank"))
        // A delegation keeps three rows and fills them in.
        let lines = template.out.split(separator: "\r\n").map(String.init)
        let filled =
            [
                lines[0], "9396/1/15,PT,firearms,,1,", "9396/1/15,PT,drugs,,2,Cocaine by sea",
                "9396/1/15,PT,internet-crime,x,,",
            ]
            .joined(separator: "\r\n") + "\r\n"
        let path = folder + "/pt.csv"
        try TestSupport.write(filled, to: path)

        let dry = runCLI(["submit", path, "--received", "2015-09-03", "--dry-run"], store: store)
        #expect(dry.status == .success)
        #expect(dry.out.contains("(dry run, not stored)"))
        #expect(!FileManager.default.fileExists(atPath: store))

        let receipt = runCLI(["submit", path, "--received", "2015-09-03"], store: store)
        #expect(receipt.status == .success)
        #expect(receipt.out.contains("Submission #1 to 9396/1/15 from PT"))
        #expect(receipt.out.contains("2015-09-03T12:00:00+02:00 (date only: 12:00 assumed)"))
        let drugs = receipt.out.split(separator: "\n").first { $0.hasPrefix("  drugs ") }
        #expect(drugs?.hasSuffix(" 2  line 3    counted   Cocaine by sea") == true)

        let history = runCLI(["history"], store: store)
        #expect(
            history.out.contains(
                "#1  2015-09-03 12:00  9396/1/15      PT          pt.csv        3  current"))

        let json = runCLI(["show", "1", "--format", "json"], store: store)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["delegation"] as? String == "PT")
        #expect((object["mentions"] as? [[String: Any]])?.count == 3)
        #expect(json.err.isEmpty)

        let original = runCLI(["show", "#1", "--original"], store: store)
        #expect(original.outBytes == Array(filled.utf8))

        let missing = runCLI(["show", "9"], store: store)
        #expect(missing.status == .noInput)
    }

    @Test("Prose without --delegation is a usage error naming the fix")
    func proseNeedsDelegation() throws {
        defer { TestSupport.cleanUp(folder) }
        let result = runCLI(
            ["submit", TestSupport.fixture("se-comments.txt"), "--questionnaire", "9396/1/15"],
            store: store)
        #expect(result.status == .usage)
        #expect(result.err.contains("--delegation"))
    }

    @Test("JSON output goes to standard output alone")
    func jsonOutput() throws {
        defer { TestSupport.cleanUp(folder) }
        let result = runCLI(
            [
                "submit", TestSupport.fixture("hr.json"), "--received", "2015-08-28T13:15:00+02:00",
                "--format", "json",
            ],
            store: store)
        #expect(result.status == .success)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let submissions = try #require(object["submissions"] as? [[String: Any]])
        #expect(submissions.first?["delegation"] as? String == "HR")
        #expect(submissions.first?["received"] as? String == "2015-08-28T13:15:00+02:00")
        #expect(!result.err.isEmpty)
    }

    @Test("history --delegation filters, and formats agree")
    func historyFilter() throws {
        defer { TestSupport.cleanUp(folder) }
        _ = runCLI(
            ["submit", TestSupport.fixture("be-nl-lu-joint.json"), "--received", "2015-09-04"],
            store: store)
        _ = runCLI(
            ["submit", TestSupport.fixture("hr.json"), "--received", "2015-09-01"], store: store)
        #expect(
            runCLI(["history", "--delegation", "Luxembourg"], store: store).out.contains(
                "BE +LU +NL"))
        #expect(!runCLI(["history", "--delegation", "LU"], store: store).out.contains("HR"))
        let csv = runCLI(["history", "--format", "csv"], store: store).out
        #expect(
            csv.hasPrefix("\u{FEFF}#,received,questionnaire,delegation,file,threats,status\r\n"))
        #expect(csv.split(separator: "\r\n").count == 3)
    }

    @Test("The demo loads every fixture")
    func demo() {
        let result = runCLI(["demo"])
        #expect(result.status == .success)
        #expect(result.out.contains("9396/1/15"))
        #expect(result.out.contains("20 of 28 Member States answered"))
        #expect(result.out.contains("LATE"))
        #expect(result.out.contains("supersedes"))
        TestSupport.cleanUp(folder)
    }
}
