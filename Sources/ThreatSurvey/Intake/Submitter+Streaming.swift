import Foundation

extension Submitter {
    /// The files the streaming store writer takes, and the questionnaire they answer.
    public struct StreamingPlan: Sendable {
        /// The files, in the order given.
        public var paths: [String]
        /// The questionnaire, known before the file is read.
        public var questionnaire: Questionnaire
    }

    /// How `submit` reads a request's files: streamed, or by the general reader with the
    /// route of each large CSV or TSV file saying why.
    public enum Routing: Sendable {
        /// Every file is a large CSV or TSV, streamed by the fast reader (which may still
        /// decline one while reading: ``StreamingSubmitter/Outcome/general(_:)``).
        case stream(StreamingPlan)
        /// The general reader reads every file; the routes say why for each file of at least
        /// ``StreamingSubmitter/threshold`` bytes that is a CSV or TSV (none when there is none).
        case general([SubmitRoute])
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
        guard case .stream(let plan) = try routing(request, store: store) else { return nil }
        return plan
    }

    /// How `request` is read: streamed when ``streamingPlan(_:store:)`` allows it, else by
    /// the general reader, with the reason for each large CSV or TSV file.
    ///
    /// In a dry run, a large file the questionnaire is known for is read once by the fast
    /// reader (without storing), so that the receipt can say whether a real submit would
    /// stream it, or why not.
    ///
    /// - Parameters:
    ///   - request: what to submit.
    ///   - store: the store, when it exists (its questionnaire may decide).
    /// - Returns: the plan to stream, or the routes of the general reader.
    /// - Throws: ``SurveyError/inputMissing(path:reason:)`` when a file meant for streaming
    ///   cannot be read.
    public func routing(_ request: SubmitRequest, store: Store?) throws(SurveyError) -> Routing {
        let large = Submitter.largeDelimitedFiles(request.paths)
        func general(_ reason: SubmitRoute.Reason) -> Routing {
            .general(
                large.map {
                    SubmitRoute(file: $0, path: .general, reason: reason, dryRun: request.dryRun)
                })
        }
        guard !large.isEmpty else { return .general([]) }
        if !request.dryRun, request.delegation == nil,
            request.paths.allSatisfy(Submitter.isDelimited)
        {
            // As before routes were said: a file meant for streaming that cannot be read
            // is refused here.
            for path in request.paths {
                try InputFile.checkReadable(path)
                guard let size = InputFile.size(path),
                    size >= Int64(StreamingSubmitter.threshold)
                else { break }
            }
        }
        guard large.count == request.paths.count else { return general(.mixedWithOtherFiles) }
        guard request.delegation == nil else { return general(.delegationGiven) }
        let resolver = QuestionnaireResolver(catalog: catalog)
        // A dry run is read by the general reader whatever the route: the questionnaire's
        // errors are its to report.
        let resolved =
            request.dryRun
            ? (try? resolver.resolveBeforeReading(explicit: request.questionnaire, store: store))
                ?? nil
            : try resolver.resolveBeforeReading(explicit: request.questionnaire, store: store)
        guard let questionnaire = resolved else { return general(.questionnaireNotKnown) }
        guard request.dryRun else {
            return .stream(StreamingPlan(paths: request.paths, questionnaire: questionnaire))
        }
        return .general(
            large.map { path in
                let outcome = try? LongCSVAggregator.streamOutcome(
                    path: path, questionnaire: questionnaire, onBytes: { _ in },
                    onAnswer: { _ in })
                let reason: SubmitRoute.Reason
                if case .declined(let decline) = outcome {
                    reason = .declined(decline)
                } else {
                    reason = .dryRun
                }
                return SubmitRoute(file: path, path: .general, reason: reason, dryRun: true)
            })
    }

    /// The routes of `request`'s large CSV and TSV files under `submit --each`, which reads
    /// every file on its own with the general reader.
    public static func eachRoutes(_ request: SubmitRequest) -> [SubmitRoute] {
        largeDelimitedFiles(request.paths).map {
            SubmitRoute(file: $0, path: .general, reason: .eachOnItsOwn, dryRun: request.dryRun)
        }
    }

    /// Whether `path` names a CSV or TSV file, the only kinds the fast reader takes.
    static func isDelimited(_ path: String) -> Bool {
        ["csv", "tsv"].contains((path as NSString).pathExtension.lowercased())
    }

    /// The CSV and TSV files of at least ``StreamingSubmitter/threshold`` bytes, in order.
    static func largeDelimitedFiles(_ paths: [String]) -> [String] {
        paths.filter {
            isDelimited($0) && (InputFile.size($0) ?? 0) >= Int64(StreamingSubmitter.threshold)
        }
    }
}
