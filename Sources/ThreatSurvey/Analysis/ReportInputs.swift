public import Foundation

/// What a report is built from: a questionnaire's submissions, the officer's decisions, and
/// the sums of the files stored by the streaming path, as the store gives them
/// (``load(store:questionnaire:grouping:today:generated:)``) or a test assembles them.
public struct ReportInputs: Sendable {
    /// The questionnaire.
    public var questionnaire: Questionnaire
    /// Its submissions (superseded ones included, for provenance); not the rows of the files
    /// in ``streamed``.
    public var submissions: [Submission]
    /// The grouping for the regional section.
    public var grouping: Grouping
    /// The day the report is as of.
    public var today: CivilDate
    /// When the report is made (shown in the headline).
    public var generated: Date
    /// The officer's decisions about these submissions, voids included (for provenance).
    public var decisions: [Decision] = []
    /// The submissions withdrawn by a void (listed in provenance, counted nowhere).
    public var voided: [Submission] = []
    /// Files stored by the streaming path, by their sums; their rows are then not in
    /// ``submissions`` (see ``StoredSums/separable(store:questionnaire:sharedRespondents:)``),
    /// so a store of a million respondents is reported from a few hundred rows.
    public var streamed: [StreamedFileSums] = []
    /// When streamed files share respondents, each visible file's sums over its answers still
    /// current as of ``asOf`` (``StoredSums/currentSums(_:store:questionnaire:)``), by file:
    /// they replace the files' own sums in every figure, while who answered and when still
    /// comes from ``streamed``.
    public var currentStreamedSums: [Int64: [String: MentionAggregate.StateSums]]?

    /// The instant the report judges as of: the end of ``today`` in the questionnaire's zone.
    public var asOf: Date { today.endOfDay(in: questionnaire.timeZone) }

    /// Inputs of submissions only (no decision, no streamed file).
    public init(
        questionnaire: Questionnaire, submissions: [Submission], grouping: Grouping = .eurovoc,
        today: CivilDate, generated: Date
    ) {
        self.questionnaire = questionnaire
        self.submissions = submissions
        self.grouping = grouping
        self.today = today
        self.generated = generated
    }

    /// Takes the store's streamed files into the inputs: who answered and when from each
    /// file, and what each counts — its own sums, or, when files share respondents, the sums
    /// of its answers still current as of ``asOf`` (one pass over their rows in index order,
    /// flat memory).
    ///
    /// - Parameters:
    ///   - files: the streamed files (``StoredSums/separable(store:questionnaire:sharedRespondents:)``).
    ///   - store: the store they were read from.
    /// - Throws: ``SurveyError`` when the store cannot be read.
    public mutating func include(streamed files: [StreamedFileSums], from store: Store)
        throws(SurveyError)
    {
        streamed = files
        currentStreamedSums = nil
        if StoredSums.overlap(files) {
            currentStreamedSums = try StoredSums.currentSums(
                files.filter { $0.received <= asOf }, store: store, questionnaire: questionnaire)
        }
    }

    /// Everything the report needs of `store` for `questionnaire`.
    ///
    /// Streamed files are taken by their sums when they can be (flat memory on a million
    /// respondents); with decisions on record, every counted submission is read instead.
    ///
    /// - Throws: ``SurveyError`` when the store cannot be read.
    /// - Complexity: O(regular submissions + streamed files × Member States × threats), plus
    ///   one pass over the streamed rows when streamed files share respondents.
    public static func load(
        store: Store, questionnaire: Questionnaire, grouping: Grouping, today: CivilDate,
        generated: Date
    ) throws(SurveyError) -> ReportInputs {
        let decisions = try store.decisions(questionnaire: questionnaire.id)
        let split =
            decisions.isEmpty
            ? try StoredSums.separable(
                store: store, questionnaire: questionnaire, sharedRespondents: true) : nil
        let submissions: [Submission]
        if let split {
            submissions = split.regular
        } else {
            submissions = try store.countedSubmissions(questionnaire: questionnaire.id)
        }
        var inputs = ReportInputs(
            questionnaire: questionnaire, submissions: submissions, grouping: grouping,
            today: today, generated: generated)
        if let files = split?.files { try inputs.include(streamed: files, from: store) }
        inputs.decisions = decisions
        let voids = Set(decisions.filter { $0.action == .void }.map(\.submission))
        if !voids.isEmpty {
            inputs.voided = try store.submissions(questionnaire: questionnaire.id).filter {
                voids.contains($0.id)
            }
        }
        return inputs
    }
}
