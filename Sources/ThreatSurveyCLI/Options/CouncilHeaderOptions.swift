import ThreatSurvey

/// `--date`, `--reference`, `--from`, `--to`: the Council header of the documents `summary`,
/// `compile` and `plan` write (CONTRACT.md, "Council documents"), declared once for the three.
public struct CouncilHeaderOptions: ParsableArguments {
    @Option("DATE", help: "the document's date (default today in the questionnaire's time zone)")
    var date: CivilDate?
    @Option("TEXT", help: "the document number, e.g. 12345/15 (default blank, to fill in)")
    var reference: String?
    @Option("TEXT", help: "the From: line (default General Secretariat of the Council)")
    var from: String?
    @Option(
        "TEXT",
        help:
            "the To: line (default the questionnaire's working party, else the Customs Cooperation Working Party)"
    )
    var to: String?

    /// Every option at its default, ready for the parser.
    public init() {}

    /// The header of a document of `kind` about `questionnaire`, with `subject`.
    func header(questionnaire: Questionnaire, kind: String, subject: String) -> CouncilHeader {
        CouncilHeader(
            questionnaire: questionnaire, kind: kind, subject: subject,
            details: CouncilHeader.Details(
                date: date ?? DeadlineCheck.today(in: questionnaire.timeZone),
                reference: reference ?? "", from: from, to: to))
    }
}
