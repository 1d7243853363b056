import Foundation
import ThreatSurvey

/// `deadline [--questionnaire ID] [--today DATE] [--reminders DIR] [--contacts FILE] [--strict]`
enum DeadlineCommand: Command {
    static let spec = CommandSpec(
        name: "deadline",
        summary: "who answered on time, late, or not at all; writes reminder drafts",
        options: [
            .value("questionnaire", "ID", "the questionnaire (when more than one is in play)"),
            .value("today", "DATE", "check as it stood at the end of this day (default today, Brussels time)"),
            .value("reminders", "DIR", "write one reminder draft (.eml, English and French) per missing Member State"),
            .value("contacts", "FILE", "CSV of delegation,email for the drafts' To header"),
            .value("sender", "ADDRESS", "the drafts' From header (default a placeholder to replace)"),
            .flag("strict", "exit 1 when the deadline has passed and a Member State is missing"),
        ],
        formats: [.table, .markdown, .csv, .json, .html],
        discussion: "Nothing is ever sent: drafts are files for the officer to check and send.")

    static func run(_ arguments: ParsedArguments, _ environment: Environment) throws(SurveyError) -> ExitStatus {
        let catalog = try environment.catalog()
        let store = try environment.existingStore()
        let questionnaire = try catalog.choose(arguments.value("questionnaire"), store: store)
        let today = try AnalysisInput.today(arguments, questionnaire: questionnaire)
        var contacts: ContactList?
        if let path = arguments.value("contacts") {
            contacts = try ContactList.load(bytes: try Submitter.readFromDisk(path), file: path)
        }
        // First and last answer per Member State, asked of the store: flat memory.
        let cutoff = DeadlineCheck.cutoff(today: today, questionnaire: questionnaire)
        let answers = try store?.firstAndLastAnswers(questionnaire: questionnaire.id, before: cutoff) ?? [:]
        let check = DeadlineCheck(questionnaire: questionnaire, answers: answers, today: today)
        environment.print(check.document(), format: arguments.format(spec))

        if let folder = arguments.value("reminders") {
            let date = arguments.value("today") == nil ? Date() : today.at(hour: 9, in: questionnaire.timeZone)
            let writer = ReminderWriter(
                questionnaire: questionnaire, today: today, date: date,
                sender: arguments.value("sender") ?? ReminderWriter.placeholderSender, contacts: contacts)
            let written = try write(check.missing, with: writer, into: folder)
            let console = environment.console
            console.err("\(written.count) reminder draft\(written.count == 1 ? "" : "s") written to \(folder) (nothing sent)")
            let withoutAddress = check.missing.filter { contacts?.addresses[$0]?.isEmpty ?? true }
            if !withoutAddress.isEmpty {
                console.err(
                    "no address for \(withoutAddress.joined(separator: " ")): their drafts have no To header; "
                        + "fill it in the mail client or pass --contacts FILE")
            }
            if arguments.value("sender") == nil {
                console.err("the drafts' From header is a placeholder; pass --sender \"Name <address>\" to set it")
            }
        }
        if arguments.flag("strict") && check.passed && !check.missing.isEmpty { return .checkFailed }
        return .success
    }

    private static func write(_ codes: [String], with writer: ReminderWriter, into folder: String) throws(SurveyError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: folder, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        var written: [String] = []
        for code in codes {
            guard let state = MemberState.withCode(code) else { continue }
            let path = (folder as NSString).appendingPathComponent(writer.fileName(for: state))
            do {
                try Data(writer.message(for: state).utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw .cannotCreate(path: path, reason: error.localizedDescription)
            }
            written.append(path)
        }
        return written
    }
}
