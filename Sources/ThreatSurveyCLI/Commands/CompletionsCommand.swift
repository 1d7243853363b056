import ThreatSurvey

/// The `completions` command.
///
/// `completions bash|zsh|fish`: a shell completion script on standard output.
struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "completions",
        summary: "a shell completion script (bash, zsh or fish)",
        discussion: """
            Save the script where the shell looks for completions, for example:
              threatsurvey completions bash > ~/.bash_completion.d/threatsurvey
              threatsurvey completions zsh > ~/.zfunc/_threatsurvey
              threatsurvey completions fish > ~/.config/fish/completions/threatsurvey.fish
            """,
        examples: [
            .init(
                "threatsurvey completions bash > ~/.bash_completion.d/threatsurvey",
                "Installs bash completion (source the file, or start a new shell).")
        ])

    @Argument("SHELL", help: "the shell")
    var shell: CompletionScript.Shell

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        try context.console.out(CompletionScript.script(for: shell))
        return .success
    }
}
