import ThreatSurvey

/// A share of the replying Member States, from 0 to 1 (`--min-share 0.5`: half of them).
struct Share: ExpressibleByArgument, Sendable {
    var value: Double

    init(_ value: Double) { self.value = value }

    init?(argument text: String) {
        guard text.count <= 32, let parsed = Double(text), parsed >= 0, parsed <= 1 else {
            return nil
        }
        value = parsed
    }

    static var expectation: String { "a share from 0 to 1 (0.5: half of those who replied)" }
    var argumentText: String { String(value) }
}

/// A count of at least 1 (`--max-actions`, `--number`).
struct PositiveCount: ExpressibleByArgument, Sendable {
    var value: Int

    init(_ value: Int) { self.value = value }

    init?(argument text: String) {
        guard let parsed = Int(argument: text), parsed >= 1, parsed <= 1000 else { return nil }
        value = parsed
    }

    static var expectation: String { "a whole number from 1 to 1000" }
    var argumentText: String { String(value) }
}

/// The `plan` command.
///
/// `plan [--questionnaire ID] [--min-share S] [--max-actions N] [--grouping G] [--alpha A]
/// [--number P] [--out FILE]`
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "plan",
        summary: "a draft of the next Action Plan: EU-wide and regional actions from the replies",
        discussion: """
            EU-wide actions: the threats named by at least --min-share of the Member States that
            replied, ranked at most --max-actions (a tie at the cut keeps every tied threat).
            Regional actions: the signals of 'regions' whose threat is not EU-wide. Leads: the
            Member States giving the threat priority 1, else its best priority, else to be
            decided. The figures are those of 'rank' and 'regions'.
            """,
        examples: [
            .init(
                "threatsurvey plan --questionnaire 9396/1/15 --format docx --out plan.docx",
                "The draft Action Plan as a Word document, with the Council's header."),
            .init(
                "threatsurvey plan --min-share 0.6 --max-actions 5 --format json",
                "Fewer EU-wide actions: named by 60% of the replies, ranked 5 or better."),
        ])

    @OptionGroup var analysis: AnswerScopeOptions
    @Option("S", help: "least share of the replying Member States for an EU-wide action")
    var minShare: Share = Share(0.5)
    @Option("N", help: "EU-wide actions for the threats ranked at most N")
    var maxActions: PositiveCount = PositiveCount(10)
    @OptionGroup var regions: GroupingOptions
    @Option("A", help: "significance threshold for regional signals")
    var alpha: Significance = Significance(RegionalBreakdown.defaultAlpha)
    @Option(
        "P", help: "the plan's number, 8 numbers actions 8.1, 8.2 (default the questionnaire's)")
    var number: PositiveCount?
    @OptionGroup var council: DocumentOutputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        try council.check(context)
        let request = try analysis.request(allowSums: true)
        let grouping = try regions.resolve()
        let input = try analysis.load(
            request, store: store, questionnaires: questionnaires, context)
        let plan = ActionPlan(
            ranking: input.ranking(input.options),
            breakdown: input.breakdown(grouping, alpha: alpha.value, options: input.options),
            counted: input.counted,
            options: ActionPlan.Options(
                minShare: minShare.value, maxActions: maxActions.value, number: number?.value))
        let heading = council.header.header(
            questionnaire: input.questionnaire, kind: CouncilHeader.note, subject: plan.subject)
        try council.print(
            plan.document(header: heading), what: "draft plan", context)
        return .success
    }
}
