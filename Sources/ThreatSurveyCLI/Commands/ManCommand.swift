import ThreatSurvey

/// The `man` command: the man page, generated from the commands' declarations.
struct ManCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "man",
        summary: "the man page (roff), generated from the command declarations",
        discussion: """
            Every command with its options, defaults and examples, the exit statuses and the
            guides; the same declarations drive the parser, --help and the completions.
              man -l threatsurvey.1
            """,
        examples: [
            .init(
                "threatsurvey man > threatsurvey.1",
                "Writes the man page; read it with 'man -l threatsurvey.1'."),
            .init(
                "threatsurvey man > ~/.local/share/man/man1/threatsurvey.1",
                "Installs it for 'man threatsurvey'."),
        ])

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        try context.console.out(CommandReference.manPage)
        return .success
    }
}
