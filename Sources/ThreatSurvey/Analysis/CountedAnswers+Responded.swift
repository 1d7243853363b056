extension CountedAnswers {
    /// The roster Member States with a counted answer, loaded or streamed, protocol order:
    /// who answered, as every figure counts it.
    ///
    /// - Complexity: O(r + s) for r roster states and s states with answers.
    package var responded: [String] {
        var states = streamedStates
        states.formUnion(current.byState.keys)
        return questionnaire.roster.filter(states.contains)
    }

    /// How many submissions `store` holds for `questionnaire` (superseded and voided ones
    /// included) and how many roster Member States have a counted answer: the
    /// `questionnaires` listing's columns.
    ///
    /// Read through ``load(store:questionnaire:asOf:receivedBefore:useCache:)``, so that a
    /// streamed file is counted by its cached sums and its submission numbers, never by its
    /// rows: loading a million respondents to count them took 45 s and 3 GB.
    ///
    /// - Throws: ``SurveyError`` when the store cannot be read.
    /// - Complexity: as `load`, plus an index scan to count the other submissions.
    package static func answerCounts(store: Store, questionnaire: Questionnaire)
        throws(SurveyError) -> (submissions: Int, memberStates: Int)
    {
        let counted = try load(store: store, questionnaire: questionnaire, asOf: nil)
        let submissions: Int
        if counted.reading == .cachedSums {
            // Voided ones are not among the counted submissions: count the stored ones.
            let others = try store.submissionCount(
                questionnaire: questionnaire.id, excludingStreamed: true)
            submissions = counted.files.reduce(others) { $0 + $1.submissions.count }
        } else {
            submissions = try store.submissionCount(questionnaire: questionnaire.id)
        }
        return (submissions, counted.responded.count)
    }
}
