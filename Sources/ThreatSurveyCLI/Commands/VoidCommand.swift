import Foundation
import ThreatSurvey

/// The `void` command: withdraws a submission entered by mistake, on the record.
///
/// `void SUBMISSION --reason TEXT [--by NAME]`
///
/// Nothing is deleted: the void is a dated decision with who and why, the submission and its
/// bytes stay in `history` and `show`, and each Member State's earlier answer becomes current.
struct VoidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "void",
        summary:
            "withdraw a submission (entered by mistake, wrong delegation); the earlier answer counts again",
        examples: [
            .init(
                "threatsurvey void 4 --reason \"stored under SE by mistake\"",
                "Withdraws submission #4; the Member State's earlier answer counts again.")
        ])

    @Argument("SUBMISSION", help: "the submission's number as shown by 'history' (3 or #3)")
    var submission: SubmissionNumber
    @Option("TEXT", help: "why (required; kept on the record)")
    var reason: String
    @Option("NAME", help: "who decides (default $USER)")
    var by: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        let id = submission.id
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else {
            throw .usage("void needs --reason TEXT (why, in your words; it goes on the record)")
        }
        let opened = try StoreOptions.existingOrMissing(store, context)
        guard let found = try opened.submission(id: id) else {
            throw .inputMissing(
                path: opened.path,
                reason: "no submission #\(id) in this store (see threatsurvey history)")
        }
        if let earlier = try opened.decisions(submission: id).first(where: { $0.action == .void }) {
            throw .usage("#\(id) is already voided (decision #\(earlier.id): \(earlier.reason))")
        }
        let recorded = try opened.record([
            Decision(submission: id, action: .void, reason: why, by: ReviewCommand.who(by, context))
        ])
        var lines = recorded.map { "#\(id) from \(found.delegation) voided: \($0.line)" }
        for state in found.memberStates {
            let now = try opened.currentSubmissionID(
                questionnaire: found.questionnaire, memberState: state,
                respondent: found.response.respondent)
            lines.append(
                "  \(state): " + (now.map { "#\($0) is current again" } ?? "no answer now"))
        }
        try context.console.say(lines.joined(separator: "\n") + "\n")
        return .success
    }
}
