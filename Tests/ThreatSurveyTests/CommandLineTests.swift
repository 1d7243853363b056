import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// The typed command line: values checked before work, help from the declarations.
@Suite("Typed command line")
struct CommandLineTests {
    let folder: String
    var store: String { folder + "/store.sqlite" }

    init() throws {
        folder = try TestSupport.temporaryFolder()
    }

    /// A file whose reading would print a warning (a Windows-1252 file) and an error.
    func noisyFile() throws -> String {
        let path = folder + "/noisy.csv"
        try TestSupport.write(
            bytes: Array("delegation,threat,priority\nFR,fire arms,1\nXX,caf\u{E9},2\n".utf8),
            to: path)
        return path
    }

    @Test("A bad value for every command exits 64 before anything is read or stored")
    func badValuePerCommand() throws {
        defer { TestSupport.cleanUp(folder) }
        let noisy = try noisyFile()
        let cases: [[String]] = [
            ["submit", noisy, "--received", "next week"],
            ["history", "--format", "html"],
            ["show", "abc"],
            ["questionnaires", "--format", "pdf"],
            ["template", "9396/1/15", "--form", "wide"],
            ["rank", "--from", noisy, "--method", "best"],
            ["regions", "--from", noisy, "--alpha", "2"],
            ["tally", "--from", noisy, "--as-of", "yesterday", "--received", "2015-09-01"],
            ["deadline", "--today", "2015-13-40"],
            ["generate", "--respondents", "0x10"],
            ["report", "--today", "soon"],
            ["summary", "--from", noisy, "--language", "de"],
            ["compile", "--by", "region"],
            ["plan", "--min-share", "1.5"],
            ["demo", "--fixture", folder],
            ["completions", "tcsh"],
            ["inspect"],
            ["review", "1", "--priority", "2=high", "--reason", "x"],
            ["void", "one", "--reason", "x"],
            ["man", "rank"],
        ]
        let names = CLI.commands.map { $0.configuration.name }
        #expect(Set(cases.map { $0[0] }) == Set(names))
        for arguments in cases {
            let result = runCLI(
                arguments,
                store: arguments[0] == "generate" || arguments[0] == "completions"
                    || arguments[0] == "inspect" || arguments[0] == "template" ? nil : store,
                questionnaires: TestSupport.questionnaires, leadingGlobals: true)
            #expect(result.status == .usage, "\(arguments)")
            #expect(result.out.isEmpty, "\(arguments)")
            #expect(result.err.hasPrefix("error: "), "\(arguments): \(result.err)")
            #expect(result.err.split(separator: "\n").count == 1, "\(arguments): \(result.err)")
            #expect(
                !result.err.contains("noisy.csv"), "\(arguments): the file was read: \(result.err)")
            #expect(!FileManager.default.fileExists(atPath: store), "\(arguments)")
        }
    }

    @Test("rank --from FILE --method best names the value, not the file's problems")
    func methodRefusedFirst() throws {
        defer { TestSupport.cleanUp(folder) }
        let result = runCLI(["rank", "--from", try noisyFile(), "--method", "best"])
        #expect(result.status == .usage)
        #expect(result.err == "error: --method best: expected one of count, borda\n")
        let delegation = runCLI(
            ["submit", try noisyFile(), "--delegation", "Frnace"], store: store)
        #expect(delegation.status == .usage)
        #expect(
            delegation.err
                == "error: --delegation Frnace: unknown Member State; did you mean \"France\"?\n")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test("Numbers are plain decimal digits within their range")
    func numbers() {
        defer { TestSupport.cleanUp(folder) }
        for value in ["-1", "+3", "1e3", "0x10", "100000001", "99999999999999999999"] {
            let result = runCLI(["generate", "--respondents", value])
            #expect(result.status == .usage, "\(value)")
        }
        #expect(runCLI(["generate", "--respondents", "2"]).status == .success)
        #expect(runCLI(["generate"]).err.contains("'generate' needs --respondents N"))
        #expect(runCLI(["show", "#0"], store: store).status == .usage)
    }

    @Test("Each command's help: usage line with what is required, only its options, 80 columns")
    func helpPerCommand() {
        defer { TestSupport.cleanUp(folder) }
        let usesStore: Set = [
            "submit", "history", "show", "questionnaires", "rank", "regions", "tally", "deadline",
            "report", "summary", "compile", "plan", "demo", "review", "void",
        ]
        let usesQuestionnaires: Set = usesStore.union(["template"])
        let required = [
            "submit": "usage: threatsurvey submit FILE… [options]",
            "show": "usage: threatsurvey show SUBMISSION [options]",
            "template": "usage: threatsurvey template ID [options]",
            "generate": "usage: threatsurvey generate --respondents N [options]",
            "completions": "usage: threatsurvey completions SHELL [options]",
            "inspect": "usage: threatsurvey inspect FILE… [options]",
            "rank": "usage: threatsurvey rank [options]",
        ]
        for type in CLI.commands {
            let name = type.configuration.name
            let help = runCLI(
                [name, "--help"], questionnaires: TestSupport.questionnaires, leadingGlobals: false,
                addQuestionnaires: false)
            #expect(help.status == .success, "\(name)")
            let lines = help.out.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(
                lines.first.map(String.init)?.hasPrefix("usage: threatsurvey \(name)") == true,
                "\(name)")
            if let usage = required[name] { #expect(lines.first.map(String.init) == usage) }
            for line in lines { #expect(line.count <= 80, "\(name): \(line)") }
            #expect(help.out.contains("  --store PATH") == usesStore.contains(name), "\(name)")
            #expect(
                help.out.contains("  --questionnaires DIR") == usesQuestionnaires.contains(name),
                "\(name)")
            for declaration in ArgumentSet(type.init()).declarations {
                #expect(
                    help.out.contains("  " + declaration.label),
                    "\(name) lacks \(declaration.label)")
            }
            #expect(help.out.contains("  --help"))
            #expect(help.out.contains(type.configuration.summary.prefix(30)))
        }
        let rankHelp = runCLI(["rank", "--help"]).out.split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        #expect(
            rankHelp.contains {
                $0.hasPrefix("--method METHOD ")
                    && $0.hasSuffix(" how threats are ordered (count|borda) [default:")
            })
        #expect(rankHelp.contains("count]"))
        #expect(runCLI(["help", "rank"]).out.hasPrefix("usage: threatsurvey rank"))
        let top = runCLI(["--help"], addQuestionnaires: false).out
        for line in top.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        for type in CLI.commands { #expect(top.contains("  \(type.configuration.name) ")) }
    }

    @Test("Unknown options and commands suggest the nearest; no command prints usage and exits 64")
    func suggestions() {
        defer { TestSupport.cleanUp(folder) }
        let option = runCLI(["rank", "--metod", "borda"], store: store)
        #expect(option.status == .usage)
        #expect(option.err.contains("did you mean '--method'?"))
        let notHere = runCLI(
            ["generate", "--respondents", "1", "--store", store], addQuestionnaires: false)
        #expect(notHere.status == .usage)
        #expect(notHere.err.contains("unknown option '--store' for 'generate'"))
        let none = runCLI([], addQuestionnaires: false)
        #expect(none.status == .usage)
        #expect(none.out.isEmpty)
        #expect(none.err.hasPrefix("usage: threatsurvey COMMAND [options]"))
        #expect(runCLI(["--version"], addQuestionnaires: false).out == CLI.version + "\n")
        let twice = runCLI(["rank", "--method", "count", "--method", "borda"], store: store)
        #expect(twice.err.contains("--method is given twice"))
    }

    @Test("--store and --questionnaires may come before the command name")
    func leadingGlobals() throws {
        defer { TestSupport.cleanUp(folder) }
        let submit = runCLI(
            [
                "--store", store, "--questionnaires", TestSupport.questionnaires, "submit",
                TestSupport.fixture("hr.json"),
                "--received", "2015-08-28",
            ], addQuestionnaires: false)
        #expect(submit.status == .success)
        #expect(runCLI(["--store", store, "history"]).out.contains("HR"))
    }

    @Test("Read commands on a missing store exit 66 with the path and a hint, and create nothing")
    func missingStore() {
        defer { TestSupport.cleanUp(folder) }
        for arguments in [
            ["history"], ["show", "1"], ["rank"], ["regions"], ["tally"], ["summary"], ["deadline"],
            ["report"], ["compile"], ["plan"],
        ] {
            let result = runCLI(arguments, store: store)
            #expect(result.status == .noInput, "\(arguments)")
            #expect(
                result.err.hasPrefix(store + ": error: no store here; submit answers first"),
                "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: store), "\(arguments)")
        }
        // The list of questionnaires is what a new user runs first: it needs no store.
        #expect(runCLI(["questionnaires"], store: store).status == .success)
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test("show of an unknown submission exits 66; an unknown --questionnaire exits 64")
    func notFound() {
        defer { TestSupport.cleanUp(folder) }
        #expect(
            runCLI(
                ["submit", TestSupport.fixture("hr.json"), "--received", "2015-08-28"], store: store
            ).status == .success)
        let show = runCLI(["show", "99999"], store: store)
        #expect(show.status == .noInput)
        #expect(show.err.contains("no submission #99999"))
        for arguments in [
            ["rank", "--questionnaire", "1/2/3"], ["history", "--questionnaire", "1/2/3"],
            ["deadline", "--questionnaire", "1/2/3"], ["template", "1/2/3"],
            ["compile", "--questionnaire", "1/2/3"], ["plan", "--questionnaire", "1/2/3"],
            ["summary", "--questionnaire", "1/2/3"],
            ["submit", TestSupport.fixture("hr.json"), "--questionnaire", "1/2/3"],
        ] {
            let result = runCLI(arguments, store: arguments[0] == "template" ? nil : store)
            #expect(result.status == .usage, "\(arguments)")
            #expect(result.err.contains("unknown questionnaire \"1/2/3\""), "\(arguments)")
        }
    }
}
