extension CountedAnswers {
    /// The roster Member States with a counted answer, protocol order: who answered, as
    /// every figure counts it.
    ///
    /// - Complexity: O(r) for r roster states.
    package var responded: [String] {
        questionnaire.roster.filter { current.byState[$0] != nil }
    }

    /// How many submissions `store` holds for `questionnaire` (superseded and voided ones
    /// included) and how many roster Member States have a counted answer: the
    /// `questionnaires` listing's columns.
    ///
    /// Read through ``load(store:questionnaire:asOf:receivedBefore:useCache:)``, so that
    /// respondents are counted by the sums kept with their submissions, never loaded:
    /// loading a million respondents to count them took 45 s and 3 GB.
    ///
    /// - Throws: ``SurveyError`` when the store cannot be read.
    /// - Complexity: as `load`, plus an index scan to count the submissions.
    package static func answerCounts(store: Store, questionnaire: Questionnaire)
        throws(SurveyError) -> (submissions: Int, memberStates: Int)
    {
        let counted = try load(store: store, questionnaire: questionnaire, asOf: nil)
        return (try store.submissionCount(questionnaire: questionnaire.id), counted.responded.count)
    }
}
