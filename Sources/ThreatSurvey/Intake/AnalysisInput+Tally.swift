extension AnalysisInput {
    /// The `tally` of the store for `request` (no `--from` files), read as
    /// ``Tally/fromStore(_:questionnaire:grouping:options:)`` does: streamed files by their sums,
    /// not their rows.
    ///
    /// - Throws: ``SurveyError/usage(_:)`` for an unknown questionnaire or one that cannot be
    ///   told; the store's errors.
    /// - Complexity: O(regular submissions + streamed files × Member States × threats).
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
