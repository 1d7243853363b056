import Foundation
import ThreatSurvey

/// The `deadline` command.
///
/// `deadline [--questionnaire ID] [--today DATE] [--reminders DIR] [--contacts FILE] [--strict]`
struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "deadline",
        summary: "who answered on time, late, or not at all; writes reminder drafts",
        discussion: "Nothing is ever sent: drafts are files for the officer to check and send.",
        examples: [
            .init(
                "threatsurvey deadline --today 2015-09-08",
                "Who had answered on time, late, or not at all by the end of 8 September."),
            .init(
                "threatsurvey deadline --reminders drafts/ --contacts contacts.csv",
                "Also writes a reminder draft (.eml) for each Member State still missing."),
            .init(
                "threatsurvey deadline --strict",
                "Exits 1 once the deadline has passed with answers missing (for a scheduled job)."),
        ])

    @Option("ID", help: "the questionnaire (when more than one is in play)")
    var questionnaire: String?
    @Option("DATE", help: "check as it stood at the end of this day (default today, Brussels time)")
    var today: CivilDate?
    @Option(
        "DIR", help: "write one reminder draft (.eml, English and French) per missing Member State",
        completion: .directory)
    var reminders: String?
    @Option("FILE", help: "CSV of delegation,email for the drafts' To header", completion: .file)
    var contacts: String?
    @Option("ADDRESS", help: "the drafts' From header (default a placeholder to replace)")
    var sender: String?
    @Flag(help: "exit 1 when the deadline has passed and a Member State is missing")
    var strict: Bool
    @Option("FORMAT", help: "output format", values: [.table, .markdown, .csv, .json, .html])
    var format: OutputFormat = .table
    @OptionGroup var store: StoreOptions
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        let opened = try store.forReading(context)
        let catalog = try questionnaires.catalog(with: opened)
        let chosen = try QuestionnaireResolver(catalog: catalog).resolve(
            explicit: questionnaire, store: opened)
        let day = today ?? DeadlineCheck.today(in: chosen.timeZone)
        var contactList: ContactList?
        if let path = contacts {
            contactList = try ContactList.load(bytes: try Submitter.readFromDisk(path), file: path)
        }
        let check = try DeadlineCheck.load(store: opened, questionnaire: chosen, today: day)
        try context.print(check.document(), format: format)

        if let folder = reminders {
            let date = today == nil ? Date() : day.at(hour: 9, in: chosen.timeZone)
            let writer = ReminderWriter(
                questionnaire: chosen, today: day, date: date,
                sender: sender ?? ReminderWriter.placeholderSender, contacts: contactList)
            let written = try write(check.missing, with: writer, into: folder)
            let console = context.console
            try console.err(
                "\(written.count) reminder draft\(written.count == 1 ? "" : "s") written to \(folder) (nothing sent)"
            )
            let withoutAddress = check.missing.filter {
                contactList?.addresses[$0]?.isEmpty ?? true
            }
            if !withoutAddress.isEmpty {
                try console.err(
                    "no address for \(withoutAddress.joined(separator: " ")): their drafts have no To header; "
                        + "fill it in the mail client or pass --contacts FILE")
            }
            if sender == nil {
                try console.err(
                    "the drafts' From header is a placeholder; pass --sender \"Name <address>\" to set it"
                )
            }
        }
        if strict && check.passed && !check.missing.isEmpty { return .checkFailed }
        return .success
    }

    /// One draft per missing Member State, each written to a temporary file and renamed.
    private func write(_ codes: [String], with writer: ReminderWriter, into folder: String)
        throws(SurveyError) -> [String]
    {
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(
                path: folder, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        var written: [String] = []
        for code in codes {
            guard let state = MemberState.withCode(code) else { continue }
            let path = (folder as NSString).appendingPathComponent(writer.fileName(for: state))
            let message = Array(writer.message(for: state).utf8)
            try OutputFile.write(path) { (output) throws(SurveyError) in try output.write(message) }
            written.append(path)
        }
        return written
    }
}
