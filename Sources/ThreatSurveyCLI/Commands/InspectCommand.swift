import ThreatSurvey

/// The `inspect` command.
///
/// `inspect FILE… [--format table|json]`: what the tool reads from each file before
/// interpreting it (sheets and cells, paragraphs and tables, a mail's fields and attachments,
/// CSV dialect and records). Stores nothing and needs no store. With `--format json`, one
/// file gives one object, several files an array of them (CONTRACT.md, "inspect --format json").
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "inspect", summary: "what the tool reads from files before interpreting them",
        examples: [
            .init(
                "threatsurvey inspect pl.xlsx",
                "The sheets and cells of a workbook, as the tool reads them."),
            .init(
                "threatsurvey inspect answer.eml --format json",
                "A mail's sender, dates, body and attachments, as JSON."),
        ])

    @Argument("FILE…", help: "the files to inspect", completion: .file)
    var files: [String]
    @Option("FORMAT", help: "output format", values: [.table, .json])
    var format: OutputFormat = .table

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        var inspections: [Inspection] = []
        var problems: [Diagnostic] = []
        for file in files {
            let bytes = try Submitter.readFromDisk(file)
            do {
                inspections.append(try Inspection.inspect(bytes: bytes, name: file))
            } catch {
                guard case .invalidData(let diagnostics) = error else { throw error }
                problems += diagnostics
            }
        }
        // Every file's problem is reported at once; nothing is printed when one fails.
        if !problems.isEmpty { throw .invalidData(problems) }
        try context.print(Inspection.document(inspections), format: format)
        return .success
    }
}
