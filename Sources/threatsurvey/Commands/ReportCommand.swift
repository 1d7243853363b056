import Foundation
import ThreatSurvey

/// `report [--out FILE] [--questionnaire ID] [--grouping G] [--today DATE]`
enum ReportCommand: Command {
    static let spec = CommandSpec(
        name: "report",
        summary: "one self-contained HTML report: ranking chart, heat map, regions, deadline, robustness",
        options: [
            .value("out", "FILE", "write the report here (default standard output)"),
            .value("questionnaire", "ID", "the questionnaire (when more than one is in play)"),
            .value("grouping", "G", "regions for the breakdown (default eurovoc)"),
            .value("groupings", "FILE", "user groupings (JSON)"),
            .value("today", "DATE", "the report as it stood at the end of this day (default today)"),
        ],
        discussion: "No script, nothing fetched: the file can be attached to an e-mail or printed on A4.")

    static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> ExitStatus {
        let catalog = try environment.catalog()
        let store = try environment.existingStore()
        let questionnaire = try catalog.choose(arguments.value("questionnaire"), store: store)
        let today = try AnalysisInput.today(arguments, questionnaire: questionnaire)
        let report = HTMLReport(
            questionnaire: questionnaire, submissions: try store?.submissions(questionnaire: questionnaire.id) ?? [],
            grouping: try AnalysisInput.grouping(arguments), today: today, generated: Date())
        let html = report.render()
        if let path = arguments.value("out") {
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw .cannotCreate(path: path, reason: error.localizedDescription)
            }
            environment.console.err("report written to \(path)")
        } else {
            environment.console.out(html)
        }
        return .success
    }
}
