import Foundation
import Testing

@testable import ThreatSurvey
@testable import ThreatSurveyCLI

/// A command declared only for testing the parser.
struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(name: "probe", summary: "parser probe")

    @Argument("FILE…", help: "files")
    var files: [String]
    @Option("FILE…", help: "more files")
    var from: [String] = []
    @Option("N", help: "a count", range: 1...9)
    var count: Int
    @Option("DATE", help: "a day")
    var asOf: CivilDate?
    @Flag(help: "a switch")
    var dryRun: Bool

    func run(_ context: CommandContext) throws(SurveyError) -> ThreatSurvey.ExitStatus { .success }
}

@Suite("Argument parser")
struct ArgumentParserTests {
    func parse(_ arguments: [String]) throws(SurveyError) -> ProbeCommand {
        let command = ProbeCommand()
        _ = try CommandParser.parse(arguments, into: command)
        return command
    }

    @Test(
        "Names come from the properties; values are typed; repeatable options take the words after them"
    )
    func typedValues() throws {
        let names = ArgumentSet(ProbeCommand()).declarations.filter { $0.kind != .positional }
            .compactMap(\.name)
        #expect(names == ["from", "count", "as-of", "dry-run"])
        let command = try parse([
            "a", "--from", "b", "c", "--count=3", "--as-of", "2015-09-07", "--dry-run", "--from",
            "d", "--", "--e",
        ])
        #expect(command.files == ["a", "--e"])
        #expect(command.from == ["b", "c", "d"])
        #expect(command.count == 3)
        #expect(command.asOf == CivilDate(year: 2015, month: 9, day: 7))
        #expect(command.dryRun)
        let defaults = try parse(["a", "--count", "1"])
        #expect(defaults.from.isEmpty && defaults.asOf == nil && !defaults.dryRun)
    }

    @Test("Every kind of mistake is a usage error saying what is wrong")
    func mistakes() {
        let cases: [([String], String)] = [
            (["--count", "1"], "'probe' needs FILE…"),
            (["a"], "'probe' needs --count N"),
            (["a", "--count", "10"], "--count 10: use 1 to 9"),
            (["a", "--count", "x"], "--count x: expected a whole number"),
            (["a", "--count"], "--count needs a value (N)"),
            (["a", "--count", "1", "--count", "2"], "--count is given twice"),
            (["a", "--count", "1", "--dry-run=yes"], "--dry-run takes no value"),
            (
                ["a", "--count", "1", "--as-of", "2015-02-30"],
                "--as-of 2015-02-30: not a date; accepted: YYYY-MM-DD"
            ),
            (
                ["a", "--count", "1", "-x"],
                "unknown option '-x' for 'probe'; options start with '--'"
            ),
            (
                ["a", "--count", "1", "--dryrun"],
                "unknown option '--dryrun' for 'probe'; did you mean '--dry-run'?"
            ),
        ]
        for (arguments, message) in cases {
            do {
                _ = try parse(arguments)
                Issue.record("\(arguments) was accepted")
            } catch {
                guard case .usage(let text) = error else {
                    Issue.record("\(arguments): \(error)")
                    continue
                }
                #expect(text.hasPrefix(message), "\(arguments): \(text)")
            }
        }
    }

    @Test("KEY=VALUE pairs convert both sides")
    func pairs() {
        let pair = ArgumentPair<Int, Int>(argument: "3=1")
        #expect(pair?.key == 3 && pair?.value == 1)
        #expect(ArgumentPair<Int, String>(argument: "2=a=b")?.value == "a=b")
        for bad in ["3", "=1", "x=1", "3=x", "3="] {
            #expect(ArgumentPair<Int, Int>(argument: bad) == nil, "\(bad)")
        }
    }

    @Test("--help wins over missing required arguments")
    func help() throws {
        #expect(try CommandParser.parse(["--help"], into: ProbeCommand()) == .help)
        #expect(try CommandParser.parse(["-h"], into: ProbeCommand()) == .help)
    }

    @Test("Help text wraps at 80 columns and keeps words whole")
    func wrapping() {
        let text = String(repeating: "word ", count: 60)
        let lines = HelpFormatter.wrap(text, indent: 4)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    word") })
        #expect(lines.joined(separator: " ").split(separator: " ").count == 60)
    }
}
