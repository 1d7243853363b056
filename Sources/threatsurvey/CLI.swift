import Foundation
import ThreatSurvey

/// The command-line shell: finds the command, parses its arguments, maps errors to exit codes.
///
/// `run` never calls `exit`, so tests drive it in-process; `main.swift` does.
enum CLI {
    static let version = "threatsurvey 0.1.0"

    static let commands: [any Command.Type] = [
        SubmitCommand.self, HistoryCommand.self, ShowCommand.self, QuestionnairesCommand.self,
        TemplateCommand.self, RankCommand.self, RegionsCommand.self, TallyCommand.self, DeadlineCommand.self, GenerateCommand.self, ReportCommand.self, SummaryCommand.self, DemoCommand.self, CSVRecordsCommand.self,
    ]

    static var help: String {
        var lines = [
            "usage: threatsurvey COMMAND [options]",
            "",
            "Turns Member State delegations' answers to a Council questionnaire into a ranked",
            "list of threats, a regional breakdown and a deadline check.",
            "",
            "commands:",
        ]
        for command in commands {
            let name = command.spec.name
            lines.append("  " + name + String(repeating: " ", count: max(1, 16 - name.count)) + command.spec.summary)
        }
        lines += [
            "",
            "global options: --store PATH, --questionnaires DIR, --help, --version",
            "Run 'threatsurvey COMMAND --help' for a command's options.",
        ]
        return lines.joined(separator: "\n")
    }

    /// Runs one command line (without the program name) and returns the exit status.
    static func run(
        _ arguments: [String], console: Console,
        variables: [String: String] = ProcessInfo.processInfo.environment
    ) -> ExitStatus {
        var rest = arguments
        var leading: [String] = []
        // Global options may come before the command name.
        while let first = rest.first, first.hasPrefix("-") {
            if first == "--version" {
                console.out(version + "\n")
                return .success
            }
            if first == "--help" || first == "-h" {
                console.out(help + "\n")
                return .success
            }
            let optionName = String(first.dropFirst(2).prefix { $0 != "=" })
            guard optionName == "store" || optionName == "questionnaires" else {
                console.err("error: '\(first)' must come after the command name (see threatsurvey --help)")
                return .usage
            }
            rest.removeFirst()
            leading.append(first)
            if !first.contains("="), let value = rest.first {
                leading.append(value)
                rest.removeFirst()
            }
        }
        guard let name = rest.first else {
            console.err(help)
            return .usage
        }
        if name == "help" {
            console.out(help + "\n")
            return .success
        }
        guard let command = commands.first(where: { $0.spec.name == name }) else {
            let suggestion = EditDistance.suggestion(
                for: name, among: commands.map { (TextFolding.key($0.spec.name), $0.spec.name) })
            console.err(
                "error: unknown command '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                    + " (see threatsurvey --help)")
            return .usage
        }
        do {
            let parsed = try ArgumentParser.parse(leading + Array(rest.dropFirst()), for: command.spec)
            if parsed.flag("help") {
                console.out(command.spec.help + "\n")
                return .success
            }
            let environment = Environment(console: console, arguments: parsed, variables: variables)
            return try command.run(parsed, environment)
        } catch {
            console.err(error.description)
            return error.exitStatus
        }
    }
}
