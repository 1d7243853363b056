import Foundation

extension Tally {
    /// The tally of the counted answers: the loaded submissions' answers to questions, and
    /// who answered and when for the streamed files (`CountedAnswers/standIns`; a streamed
    /// file carries mentions and no answers to questions).
    ///
    /// - Complexity: O(n log n) for the n loaded submissions and stand-ins.
    package init(counted: CountedAnswers, grouping: Grouping, options: RankingOptions = .init()) {
        self.init(
            questionnaire: counted.questionnaire, submissions: counted.submissions,
            grouping: grouping, options: options)
    }

    /// The tally of what `store` holds for `questionnaire`, without reading the rows of files
    /// stored by the streaming path.
    ///
    /// Read through `CountedAnswers/load(store:questionnaire:asOf:receivedBefore:useCache:)`,
    /// so a million-respondent file costs a few hundred rows instead of a million
    /// submissions (before: 11 s and 2 GB), and the officer's decisions apply as in every
    /// other figure.
    ///
    /// - Complexity: O(other submissions + streamed files × Member States × threats).
    public static func fromStore(
        _ store: Store, questionnaire: Questionnaire, grouping: Grouping,
        options: RankingOptions = .init()
    ) throws(SurveyError) -> Tally {
        let counted = try CountedAnswers.load(
            store: store, questionnaire: questionnaire, asOf: options.asOf,
            receivedBefore: options.onTimeOnly ? questionnaire.onTimeCutoff : nil)
        return Tally(counted: counted, grouping: grouping, options: options)
    }
}
