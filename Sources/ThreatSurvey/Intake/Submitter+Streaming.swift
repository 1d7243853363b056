import Foundation

extension Submitter {
    /// The files the streaming store writer takes, and the questionnaire they answer.
    public struct StreamingPlan: Sendable {
        /// The files, in the order given.
        public var paths: [String]
        /// The questionnaire, known before the file is read.
        public var questionnaire: Questionnaire
    }

    /// Whether `request` is large long CSVs with respondents, stored by streaming (flat
    /// memory, sums kept); `nil` when a file is small or needs the general reader.
    ///
    /// Every file must be a CSV or TSV of at least ``StreamingSubmitter/threshold`` bytes: a
    /// request mixing a large file with a small one (or a mail) is read whole, so that its
    /// small files keep the general reader's diagnostics. Two 42 MB files read whole took
    /// 4.8 GB; streamed, memory stays flat however many there are.
    ///
    /// Streaming needs the questionnaire before reading: `--questionnaire`, the only one
    /// defined, or the one the store holds (``QuestionnaireResolver/resolveBeforeReading(explicit:store:)``).
    public func streamingPlan(_ request: SubmitRequest, store: Store?) throws(SurveyError)
        -> StreamingPlan?
    {
        guard !request.dryRun, request.delegation == nil, !request.paths.isEmpty,
            request.paths.allSatisfy({
                ["csv", "tsv"].contains(($0 as NSString).pathExtension.lowercased())
            })
        else { return nil }
        for path in request.paths {
            try InputFile.checkReadable(path)
            guard let size = InputFile.size(path), size >= Int64(StreamingSubmitter.threshold)
            else { return nil }
        }
        guard
            let questionnaire = try QuestionnaireResolver(catalog: catalog).resolveBeforeReading(
                explicit: request.questionnaire, store: store)
        else { return nil }
        return StreamingPlan(paths: request.paths, questionnaire: questionnaire)
    }
}
