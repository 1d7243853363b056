import Foundation

extension Submitter {
    /// A file the streaming store writer takes, and the questionnaire it answers.
    public struct StreamingPlan: Sendable {
        /// The file.
        public var path: String
        /// The questionnaire, known before the file is read.
        public var questionnaire: Questionnaire
    }

    /// Whether `request` is one large long CSV with respondents, stored by streaming (flat
    /// memory, sums kept); `nil` when the file is small or needs the general reader.
    ///
    /// Streaming needs the questionnaire before reading: `--questionnaire`, the only one
    /// defined, or the one the store holds (``QuestionnaireResolver/resolveBeforeReading(explicit:store:)``).
    public func streamingPlan(_ request: SubmitRequest, store: Store?) throws(SurveyError)
        -> StreamingPlan?
    {
        guard !request.dryRun, request.delegation == nil, request.paths.count == 1,
            let path = request.paths.first,
            ["csv", "tsv"].contains((path as NSString).pathExtension.lowercased())
        else { return nil }
        try InputFile.checkReadable(path)
        guard let size = InputFile.size(path), size >= Int64(StreamingSubmitter.threshold),
            let questionnaire = try QuestionnaireResolver(catalog: catalog).resolveBeforeReading(
                explicit: request.questionnaire, store: store)
        else { return nil }
        return StreamingPlan(path: path, questionnaire: questionnaire)
    }
}
