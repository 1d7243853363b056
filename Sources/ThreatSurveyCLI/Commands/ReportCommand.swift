import Foundation
import ThreatSurvey

/// The `report` command.
///
/// `report [--out FILE] [--format html|markdown|json|docx|odt] [--questionnaire ID]
/// [--grouping G] [--today DATE]`: the figures come from one ``ReportModel``, whatever the
/// format.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "report",
        summary:
            "one self-contained HTML report: ranking chart, heat map, regions, deadline, robustness",
        discussion: """
            No script, nothing fetched: the file can be attached to an e-mail or printed on A4.
            --format docx or odt writes the same sections as a Word or OpenDocument file (a
            native bar chart in Word, the heat map on a landscape page).
            """,
        examples: [
            .init(
                "threatsurvey report --today 2015-09-30 --out report.html",
                "The HTML report as it stood at the end of 30 September."),
            .init(
                "threatsurvey report --today 2015-09-30 --format docx --out report.docx",
                "The same report as a Word document."),
        ])

    @OptionGroup var output: OutputOptions
    @Option(
        "FORMAT", help: "output format (docx and odt need --out FILE on a terminal)",
        values: [.html, .markdown, .json, .docx, .odt])
    var format: OutputFormat = .html
    @Option("ID", help: "the questionnaire (when more than one is in play)")
    var questionnaire: String?
    @OptionGroup var regions: GroupingOptions
    @Option("DATE", help: "the report as it stood at the end of this day (default today)")
    var today: CivilDate?
    @OptionGroup var store: StoreOptions
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        try output.check(format, context)
        let grouping = try regions.resolve()
        let opened = try store.forReading(context)
        let catalog = try questionnaires.catalog(with: opened)
        let chosen = try QuestionnaireResolver(catalog: catalog).resolve(
            explicit: questionnaire, store: opened)
        let model = try ReportModel.load(
            store: opened, questionnaire: chosen, grouping: grouping,
            today: today ?? DeadlineCheck.today(in: chosen.timeZone), generated: Date())
        if format == .html {
            // The HTML report draws its own charts and tiles from the same model.
            try context.write(
                Array(HTMLReport(model: model).render().utf8), to: output, what: "report")
        } else {
            try context.print(model.document(), format: format, to: output, what: "report")
        }
        return .success
    }
}
