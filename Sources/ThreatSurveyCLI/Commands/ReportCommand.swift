import Foundation
import ThreatSurvey

/// The `report` command.
///
/// `report [--out FILE] [--questionnaire ID] [--grouping G] [--today DATE]`
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "report",
        summary:
            "one self-contained HTML report: ranking chart, heat map, regions, deadline, robustness",
        discussion:
            "No script, nothing fetched: the file can be attached to an e-mail or printed on A4.",
        examples: [
            .init(
                "threatsurvey report --today 2015-09-30 --out report.html",
                "The HTML report as it stood at the end of 30 September.")
        ])

    @Option("FILE", help: "write the report here (default standard output)", completion: .file)
    var out: String?
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
        let decisions = try opened.decisions(questionnaire: chosen.id)
        // Streamed files by their sums when they can be (flat memory on a million
        // respondents); with decisions on record, every counted submission is read instead.
        let split =
            decisions.isEmpty
            ? try StoredSums.separable(
                store: opened, questionnaire: chosen, sharedRespondents: true) : nil
        let submissions: [Submission]
        if let split {
            submissions = split.regular
        } else {
            submissions = try opened.countedSubmissions(questionnaire: chosen.id)
        }
        var report = HTMLReport(
            questionnaire: chosen, submissions: submissions,
            grouping: grouping, today: today ?? DeadlineCheck.today(in: chosen.timeZone),
            generated: Date())
        if let files = split?.files { try report.include(streamed: files, from: opened) }
        report.decisions = decisions
        let voids = Set(report.decisions.filter { $0.action == .void }.map(\.submission))
        if !voids.isEmpty {
            report.voided = try opened.submissions(questionnaire: chosen.id).filter {
                voids.contains($0.id)
            }
        }
        let html = Array(report.render().utf8)
        if let out {
            try OutputFile.write(out) { (output) throws(SurveyError) in try output.write(html) }
            try context.console.err("report written to \(out)")
        } else {
            try context.console.writeBytes(html)
        }
        return .success
    }
}
