import Foundation
import ThreatSurvey

/// The `summary` command.
///
/// `summary [--questionnaire ID] [--language en|fr] [--attribute] [--date DATE]
/// [--reference TEXT] [--from TEXT] [--to TEXT] [--format FORMAT] [--out FILE]`
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "summary",
        summary: "a draft paragraph for the outcome of proceedings, in the Council's style",
        discussion: """
            Quantifiers: one, two, a few (3-4), then by share of those who replied: several
            (under 35%), a number of (under 50%), many (under 75%), a large majority, all.
            """,
        examples: [
            .init(
                "threatsurvey summary",
                "The draft paragraph in English, naming no Member State."),
            .init(
                "threatsurvey summary --language fr --attribute",
                "In French, naming the Member States behind each threat."),
        ])

    @OptionGroup var analysis: AnswerScopeOptions
    @Option("LANG", help: "the paragraph's language")
    var language: SummaryWriter.Language = .en
    @Flag(help: "name the Member States behind each threat")
    var attribute: Bool
    @OptionGroup var regions: GroupingOptions
    @OptionGroup var council: DocumentOutputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var questionnaires: QuestionnairesOptions

    func run(_ context: CommandContext) throws(SurveyError) -> ExitStatus {
        try council.check(context)
        let request = try analysis.request()
        let grouping = try regions.resolve()
        let input = try analysis.load(
            request, store: store, questionnaires: questionnaires, context)
        let options = input.options
        let ranking = input.ranking(options)
        let breakdown = input.breakdown(
            grouping, alpha: RegionalBreakdown.defaultAlpha, options: options)
        let writer = SummaryWriter(
            ranking: ranking, breakdown: breakdown,
            lateCount: options.onTimeOnly ? 0 : SummaryCommand.lateCount(input, ranking: ranking),
            attribute: attribute)
        let text = SummaryCommand.guillemetsKept(writer.paragraph(language))
        if council.format == .table, council.out != nil || !context.console.outIsTerminal {
            // A file or a pipe: the paragraph on one line, for the word processor to wrap.
            try council.print(text: TerminalText.safe(text) + "\n", what: "summary", context)
            return .success
        }
        // The Council's header goes with the document, never into the paragraph itself.
        let heading = council.header.header(
            questionnaire: input.questionnaire, kind: CouncilHeader.outcomeOfProceedings,
            subject: input.questionnaire.title)
        let json: JSONValue = .object([
            "questionnaire": .string(input.questionnaire.id),
            "language": .string(language.rawValue), "summary": .string(text),
            "header": heading.json,
        ])
        var document = Document(blocks: [.councilHeader(heading), .text(text)], json: json)
        document.title = heading.subject
        document.language = language.rawValue
        try council.print(document, what: "summary", context)
        return .success
    }
}

extension SummaryCommand {
    /// `text` with French guillemets bound to the words they quote (U+00A0 inside « … »),
    /// so that no wrapping, here or in a word processor, leaves one alone at a line's end.
    static func guillemetsKept(_ text: String) -> String {
        text.replacingOccurrences(of: "« ", with: "«\u{00A0}").replacingOccurrences(
            of: " »", with: "\u{00A0}»")
    }

    /// How many Member States replied after the deadline: late Member States (their first
    /// answer came late, ``Lateness``), so that the summary agrees with `deadline` and the
    /// report, whether the answers were read one by one or summed.
    static func lateCount(_ input: AnalysisInput, ranking: Ranking) -> Int {
        input.lateMemberStates.count
    }
}
