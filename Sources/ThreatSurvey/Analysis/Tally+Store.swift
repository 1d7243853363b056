import Foundation

extension Tally {
    /// The tally of the counted answers: their answers to questions (respondents' too:
    /// kept sums never stand for respondents who answered questions), and who answered.
    ///
    /// - Complexity: O(n log n) for the n counted answers.
    package init(counted: CountedAnswers, grouping: Grouping, options: RankingOptions = .init()) {
        self.init(
            questionnaire: counted.questionnaire, submissions: counted.submissions,
            grouping: grouping, options: options)
    }

    /// The tally of what `store` holds for `questionnaire`, without reading respondents'
    /// answers that their kept sums stand for.
    ///
    /// Read through `CountedAnswers/load(store:questionnaire:asOf:receivedBefore:useCache:)`,
    /// so a million respondents cost a few submissions instead of a million (before: 11 s and
    /// 2 GB), and the officer's decisions apply as in every other figure.
    ///
    /// - Complexity: O(n log n) for n submissions, plus the respondents' answers read.
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
