import Foundation
package import ThreatSurvey

/// The command-line shell: finds the command, parses its arguments, maps errors to exit codes.
///
/// `run` never calls `exit`, so tests drive it in-process; ``main()`` does.
public enum CLI {
    /// What `--version` prints.
    package static let version = "threatsurvey 0.1.0"

    /// Every command, in the order of the help.
    static var commands: [any ParsableCommand.Type] {
        [
            SubmitCommand.self, HistoryCommand.self, ShowCommand.self, InspectCommand.self,
            QuestionnairesCommand.self,
            TemplateCommand.self, RankCommand.self, RegionsCommand.self, TallyCommand.self,
            DeadlineCommand.self, ReviewCommand.self, VoidCommand.self,
            GenerateCommand.self, ReportCommand.self, SummaryCommand.self, CompileCommand.self,
            PlanCommand.self, DemoCommand.self,
            CompletionsCommand.self, ManCommand.self,
        ]
    }

    /// Options that may come before the command name (`threatsurvey --store s.sqlite history`).
    static let leadingOptions = ["store", "questionnaires"]

    /// The top-level help, wrapped at ``HelpFormatter/width`` columns.
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
            let name = command.configuration.name
            let label = "  " + name + String(repeating: " ", count: max(1, 18 - name.count))
            lines += HelpFormatter.wrap(command.configuration.summary, indent: 20, firstIndent: 20)
                .enumerated().map {
                    $0.offset == 0 ? label + $0.element.dropFirst(20) : $0.element
                }
        }
        lines += ["", "guides (threatsurvey help TOPIC):"]
        for topic in HelpTopic.all {
            let label = "  " + topic.name
            lines.append(
                label + String(repeating: " ", count: max(1, 30 - label.count)) + topic.title)
        }
        lines.append("")
        lines += HelpFormatter.wrap(
            "options: --help, --version; --store PATH and --questionnaires DIR where a command uses them. "
                + "Run 'threatsurvey COMMAND --help' for a command's options, "
                + "'threatsurvey completions bash|zsh|fish' for shell completion.",
            indent: 0)
        return lines.joined(separator: "\n")
    }

    /// Runs the process's command line and exits with its status.
    public static func main() -> Never {
        InternalErrorTrap.install()
        exit(run(Array(CommandLine.arguments.dropFirst()), console: .standard).rawValue)
    }

    /// Runs one command line (without the program name) and returns the exit status.
    ///
    /// A failure to write the output itself (a full disk, `> /dev/full`) is exit 74 with a
    /// message on standard error when that still works.
    package static func run(
        _ arguments: [String], console: Console,
        variables: [String: String] = ProcessInfo.processInfo.environment
    ) -> ExitStatus {
        do {
            return try dispatch(arguments, console: console, variables: variables)
        } catch {
            let error = hinted(error, arguments: arguments)
            try? console.err(error.description)
            return error.exitStatus
        }
    }

    private static func dispatch(
        _ arguments: [String], console: Console, variables: [String: String]
    ) throws(SurveyError) -> ExitStatus {
        var rest = arguments
        var leading: [String] = []
        while let first = rest.first, first.hasPrefix("-") {
            if first == "--version" {
                try console.out(version + "\n")
                return .success
            }
            if first == "--help" || first == "-h" {
                try console.out(help + "\n")
                return .success
            }
            let optionName = String(first.dropFirst(2).prefix { $0 != "=" })
            guard first.hasPrefix("--"), leadingOptions.contains(optionName) else {
                throw .usage(
                    "'\(first)' must come after the command name (see threatsurvey --help)")
            }
            rest.removeFirst()
            leading.append(first)
            if !first.contains("="), let value = rest.first {
                leading.append(value)
                rest.removeFirst()
            }
        }
        guard let name = rest.first else {
            try console.err(help)
            return .usage
        }
        if name == "help" {
            let text = try helpOutput(Array(rest.dropFirst()))
            try console.out(text + "\n")
            return .success
        }
        guard let type = commands.first(where: { $0.configuration.name == name }) else {
            let suggestion = EditDistance.suggestion(
                for: name,
                among: commands.map {
                    (TextFolding.key($0.configuration.name), $0.configuration.name)
                })
            throw .usage(
                "unknown command '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                    + " (see threatsurvey --help)")
        }
        let command = type.init()
        switch try CommandParser.parse(leading + Array(rest.dropFirst()), into: command) {
        case .help:
            try console.out(helpText(for: type) + "\n")
            return .success
        case .run:
            return try command.run(CommandContext(console: console, variables: variables))
        }
    }

    /// What `threatsurvey help [NAME]` prints: the top-level help, a command's help, a guide
    /// (an article of the documentation catalog), or, for the hidden `--markdown-reference`,
    /// the command reference article as committed to the catalog.
    ///
    /// - Throws: ``SurveyError/usage(_:)`` for a name that is neither a command nor a topic.
    static func helpOutput(_ words: [String]) throws(SurveyError) -> String {
        guard let word = words.first else { return help }
        if word == "--markdown-reference" { return CommandReference.markdown }
        if let command = commands.first(where: { $0.configuration.name == word }) {
            return helpText(for: command)
        }
        if let topic = HelpTopic.named(word) { return topic.terminalText }
        throw .usage(unknownHelpMessage(word))
    }

    /// "no command or guide 'X'", with the nearest name.
    private static func unknownHelpMessage(_ word: String) -> String {
        let names: [String] = commands.map { $0.configuration.name } + HelpTopic.all.map(\.name)
        let candidates: [(String, String)] = names.map { (TextFolding.key($0), $0) }
        var message = "no command or guide '\(word)'"
        if let suggestion = EditDistance.suggestion(for: word, among: candidates) {
            message += "; did you mean '\(suggestion)'?"
        }
        return message + " (threatsurvey help lists them)"
    }

    /// A command's `--help`, from its declarations.
    static func helpText(for type: any ParsableCommand.Type) -> String {
        HelpFormatter.help(type.configuration, ArgumentSet(type.init()).declarations)
    }
}
