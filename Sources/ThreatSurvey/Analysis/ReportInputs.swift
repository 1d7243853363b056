public import Foundation

/// What a report is built from: a questionnaire's counted answers (`CountedAnswers`) and
/// the officer's decisions, as the store gives them
/// (``load(store:questionnaire:grouping:today:generated:)``) or a test assembles them.
public struct ReportInputs: Sendable {
    /// The questionnaire.
    public var questionnaire: Questionnaire
    /// Its submissions (superseded ones included, for provenance); not the rows of streamed
    /// files `counted` counts by their sums.
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
    /// The counted answers as of ``asOf``, when read from a store.
    ///
    /// Read by `CountedAnswers/load(store:questionnaire:asOf:receivedBefore:useCache:)`:
    /// ``submissions`` are then theirs, and files stored by the streaming path are counted by
    /// their sums, so a store of a million respondents is reported from a few hundred rows.
    /// `nil` for inputs a test assembles: the report counts ``submissions``.
    package var counted: CountedAnswers?

    /// The instant the report judges as of: the end of ``today`` in the questionnaire's zone.
    public var asOf: Date { today.endOfDay(in: questionnaire.timeZone) }

    /// Inputs of submissions only (no decision, no stored counted answers).
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

    /// The counted answers every figure of the report is built from: those read from the
    /// store, or those of ``submissions``.
    package var countedAnswers: CountedAnswers {
        counted
            ?? CountedAnswers(questionnaire: questionnaire, submissions: submissions, asOf: asOf)
    }

    /// Everything the report needs of `store` for `questionnaire`.
    ///
    /// A delegation's respondents are taken by their kept sums when those can stand for them
    /// (a million respondents cost a few submissions; see `CountedAnswers`).
    ///
    /// - Throws: ``SurveyError`` when the store cannot be read.
    /// - Complexity: O(n log n) for n submissions, plus the respondents' answers read where
    ///   two submissions of a Member State name respondents.
    public static func load(
        store: Store, questionnaire: Questionnaire, grouping: Grouping, today: CivilDate,
        generated: Date
    ) throws(SurveyError) -> ReportInputs {
        let decisions = try store.decisions(questionnaire: questionnaire.id)
        let asOf = today.endOfDay(in: questionnaire.timeZone)
        let counted = try CountedAnswers.load(
            store: store, questionnaire: questionnaire, asOf: asOf)
        var inputs = ReportInputs(
            questionnaire: questionnaire, submissions: counted.submissions, grouping: grouping,
            today: today, generated: generated)
        inputs.counted = counted
        inputs.decisions = decisions
        let voids = Set(decisions.filter { $0.action == .void }.map(\.submission))
        if !voids.isEmpty {
            inputs.voided = try store.submissions(
                questionnaire: questionnaire.id, respondents: false
            ).filter {
                voids.contains($0.id)
            }
        }
        return inputs
    }
}
