import ThreatSurvey

/// The options of the commands that write a Council document (`summary`, `compile`, `plan`):
/// its header (``CouncilHeaderOptions``), `--format` and `--out FILE`, declared once, so that a
/// format added here (Word, OpenDocument) is offered by all three.
public struct DocumentOutputOptions: ParsableArguments {
    @OptionGroup var header: CouncilHeaderOptions
    @Option("FORMAT", help: "output format", values: [.table, .markdown, .html, .json])
    var format: OutputFormat = .table
    @Option("FILE", help: "write the document here (default standard output)", completion: .file)
    var out: String?

    /// Every option at its default, ready for the parser.
    public init() {}

    /// Refuses an `--out` path that is not a regular file (73) before any work is done.
    func check() throws(SurveyError) {
        if let out { try OutputFile.checkReplaceable(out) }
    }

    /// Prints `document`, or writes it to `--out` saying that `what` was written there.
    func print(_ document: Document, what: String, _ context: CommandContext) throws(SurveyError) {
        try context.print(document, format: format, out: out, what: what)
    }

    /// Prints plain `text` (the summary's paragraph), or writes it to `--out`.
    func print(text: String, what: String, _ context: CommandContext) throws(SurveyError) {
        guard let out else { return try context.console.out(text) }
        let bytes = Array(text.utf8)
        try OutputFile.write(out) { (output) throws(SurveyError) in try output.write(bytes) }
        try context.console.err("\(what) written to \(out)")
    }
}
