extension HTMLReport {
    /// Takes the store's streamed files for the report's questionnaire into the report: who
    /// answered and when from each file, and what each counts — its own sums, or, when files
    /// share respondents, the sums of its answers still current as of ``asOf`` (one pass over
    /// their rows in index order, flat memory).
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
}
