import Foundation
import ThreatSurvey

/// The `report` command.
///
/// `report [--out FILE] [--format html|markdown|json] [--questionnaire ID] [--grouping G]
/// [--today DATE]`: the figures come from one ``ReportModel``, whatever the format.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "report",
        summary:
            "one self-contained HTML report: ranking chart, heat map, regions, deadline, robustness",
        discussion:
            "No script, nothing fetched: the file can be attached to an e-mail or printed on A4.")

    @Option("FILE", help: "write the report here (default standard output)", completion: .file)
    var out: String?
    @Option("FORMAT", help: "output format", values: [.html, .markdown, .json])
    var format: OutputFormat = .html
    @Option("ID", help: "the questionnaire (when more than one is in play)")
    var questionnaire: String?
    @OptionGroup var regions: GroupingOptions
    @Option("DATE", help: "the report as it stood at the end of this day (default today)")
    var today: CivilDate?
    @OptionGroup var store: StoreOptions
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        if let out { try OutputFile.checkReplaceable(out) }
        let grouping = try regions.resolve()
        let opened = try store.forReading(context)
        let catalog = try questionnaires.catalog(with: opened)
        let chosen = try QuestionnaireResolver(catalog: catalog).resolve(
            explicit: questionnaire, store: opened)
        let model = try ReportModel.load(
            store: opened, questionnaire: chosen, grouping: grouping,
            today: today ?? DeadlineCheck.today(in: chosen.timeZone), generated: Date())
        let text =
            format == .html
            ? HTMLReport(model: model).render() : model.document().render(as: format.renderer)
        try ReportCommand.write(Array(text.utf8), to: out, context)
        return .success
    }

    /// Writes the report to `out`, or to standard output when no file is given.
    static func write(_ bytes: [UInt8], to out: String?, _ context: CommandContext)
        throws(SurveyError)
    {
        if let out {
            try OutputFile.write(out) { (output) throws(SurveyError) in try output.write(bytes) }
            try context.console.err("report written to \(out)")
        } else {
            try context.console.writeBytes(bytes)
        }
    }
}
