extension AnalysisInput {
    /// The `tally` of the store for `request` (no `--from` files), read as
    /// ``Tally/fromStore(_:questionnaire:grouping:options:)`` does: respondents by their kept
    /// sums where those can stand for them.
    ///
    /// - Throws: ``SurveyError/usage(_:)`` for an unknown questionnaire or one that cannot be
    ///   told; the store's errors.
    /// - Complexity: O(n log n) for n submissions, plus the respondents' answers read.
    public static func storedTally(
        _ request: AnalysisRequest, grouping: Grouping, catalog: QuestionnaireCatalog, store: Store
    ) throws(SurveyError) -> Tally {
        let questionnaire = try QuestionnaireResolver(catalog: catalog).resolve(
            explicit: request.questionnaire, store: store)
        return try Tally.fromStore(
            store, questionnaire: questionnaire, grouping: grouping,
            options: try options(request, questionnaire: questionnaire))
    }
}
