import ThreatSurvey

/// The options of the commands that write a Council document (`summary`, `compile`, `plan`):
/// its header (``CouncilHeaderOptions``), `--format` and `--out FILE` (``OutputOptions``),
/// declared once, so that every format is offered by all three.
public struct DocumentOutputOptions: ParsableArguments {
    @OptionGroup var header: CouncilHeaderOptions
    @Option(
        "FORMAT", help: "output format (docx and odt need --out FILE on a terminal)",
        values: [.table, .markdown, .html, .json, .docx, .odt])
    var format: OutputFormat = .table
    @OptionGroup var output: OutputOptions

    /// Every option at its default, ready for the parser.
    public init() {}

    /// The `--out` path, if one was given.
    var out: String? { output.out }

    /// Refuses, before any work is done, an `--out` path that is not a regular file (73) and
    /// a binary format bound for a terminal (64).
    func check(_ context: CommandContext) throws(SurveyError) {
        try output.check(format, context)
    }

    /// Prints `document`, or writes it to `--out` saying that `what` was written there.
    func print(_ document: Document, what: String, _ context: CommandContext) throws(SurveyError) {
        try context.print(document, format: format, to: output, what: what)
    }

    /// Prints plain `text` (the summary's paragraph), or writes it to `--out`.
    func print(text: String, what: String, _ context: CommandContext) throws(SurveyError) {
        try context.write(Array(text.utf8), to: output, what: what)
    }
}
