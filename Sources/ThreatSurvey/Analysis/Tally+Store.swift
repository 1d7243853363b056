import Foundation

extension Tally {
    /// The tally of what `store` holds for `questionnaire`, without reading the rows of files
    /// stored by the streaming path.
    ///
    /// A streamed file (a long CSV of respondents) carries mentions and no answers to
    /// questions: all the tally needs of it is which Member States it names (they responded)
    /// and when it arrived (for `--as-of` and `--on-time-only`). Each such file is therefore
    /// stood in for by one answerless placeholder per Member State, made from its stored
    /// sums, so a million-respondent file costs a few hundred rows instead of a million
    /// submissions (before: 11 s and 2 GB). The result is the one reading every submission
    /// gives: a placeholder has a respondent of its own, so it supersedes nothing. When the
    /// files cannot be separated so (`StoredSums.separable(store:questionnaire:)`), every
    /// submission is read as before.
    ///
    /// - Complexity: O(regular submissions + streamed files × Member States × threats).
    public static func fromStore(
        _ store: Store, questionnaire: Questionnaire, grouping: Grouping,
        options: RankingOptions = .init()
    ) throws(SurveyError) -> Tally {
        guard
            let split = try StoredSums.separable(
                store: store, questionnaire: questionnaire, sharedRespondents: true)
        else {
            let all = try store.submissions(questionnaire: questionnaire.id)
            return Tally(
                questionnaire: questionnaire, submissions: all, grouping: grouping, options: options
            )
        }
        let submissions =
            split.regular + StoredSums.placeholders(for: split.files, questionnaire: questionnaire)
        return Tally(
            questionnaire: questionnaire, submissions: submissions, grouping: grouping,
            options: options)
    }
}
