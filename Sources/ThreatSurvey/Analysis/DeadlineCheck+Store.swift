extension DeadlineCheck {
    /// The check of `questionnaire`'s answers in `store` as they stood at the end of `today`.
    ///
    /// Each Member State's first and last answer is asked of the store
    /// (``Store/firstAndLastAnswers(questionnaire:before:)``: index seeks, flat memory), the
    /// same rule as ``FirstAndLastAnswer/of(_:before:)`` applies to loaded submissions, with
    /// the officer's voids honoured; a million streamed respondents cost a few milliseconds
    /// instead of loading them.
    ///
    /// - Throws: ``SurveyError`` when the store cannot be read.
    /// - Complexity: O(d log n) for d delegations among n submissions, plus the joint answers.
    package static func load(store: Store, questionnaire: Questionnaire, today: CivilDate)
        throws(SurveyError) -> DeadlineCheck
    {
        let answers = try store.firstAndLastAnswers(
            questionnaire: questionnaire.id,
            before: cutoff(today: today, questionnaire: questionnaire))
        return DeadlineCheck(questionnaire: questionnaire, answers: answers, today: today)
    }
}
