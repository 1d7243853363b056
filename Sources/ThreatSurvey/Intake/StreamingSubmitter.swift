public import Foundation

/// Stores large long CSVs by streaming them: the fast path reads each file in chunks while
/// the store writes its bytes and packs each delegation's respondents (one submission per
/// delegation, the shape the general reader stores too), all in one transaction, so memory
/// holds the packs, not the file.
///
/// This is the orchestration between FastPath (reading) and Store (writing): neither knows
/// the other. A file the fast path declines is left to the general reader (``Submitter``);
/// a file that fails leaves no trace, not even a store file when none existed before.
public struct StreamingSubmitter {
    /// Files at least this large (8 MiB) are streamed, when they are a long CSV or TSV; smaller
    /// ones take the general reader, whose diagnostics are richer.
    public static var threshold: Int { thresholdForTesting ?? 8 << 20 }

    /// A lower ``threshold`` for tests, so that a route can be tested on a file of kilobytes.
    ///
    /// A declined 8 MiB file takes the general reader about 8 s. Set it for one task with
    /// `StreamingSubmitter.$thresholdForTesting.withValue(64 << 10) { … }`; `nil` (always,
    /// outside tests) keeps 8 MiB. Internal: no command or library user can change it.
    @TaskLocal static var thresholdForTesting: Int?

    /// The questionnaires known.
    public var catalog: QuestionnaireCatalog

    /// A streaming submitter over `catalog`.
    public init(catalog: QuestionnaireCatalog) {
        self.catalog = catalog
    }

    /// Stores the request's files by streaming when they are large CSVs with respondents.
    ///
    /// - Parameters:
    ///   - request: what to submit.
    ///   - openExisting: opens the store when it exists already (`nil` when it does not); called
    ///     only for a request that is for streaming.
    ///   - create: creates the store; called only when there is none. If nothing is then
    ///     stored (the file is declined or fails), the new store file is removed again.
    /// - Returns: one receipt per file, or `nil` when the request is not for streaming or a
    ///   file needs the general reader (nothing is then stored).
    /// - Throws: ``SurveyError`` when the store cannot be opened or written, or the file read.
    public func submit(
        _ request: SubmitRequest, existing openExisting: () throws(SurveyError) -> Store?,
        create: () throws(SurveyError) -> Store
    ) throws(SurveyError) -> [StreamedReceipt]? {
        guard
            case .streamed(let receipts) = try submitRouted(
                request, existing: openExisting, create: create)
        else { return nil }
        return receipts
    }

    /// What a streamed submit came to.
    public enum Outcome: Sendable {
        /// Every file was streamed and stored.
        case streamed([StreamedReceipt])
        /// Nothing was stored: the general reader is to read the request, and the routes say
        /// why for each large CSV or TSV file (``Submitter/routing(_:store:)``).
        case general([SubmitRoute])
    }

    /// Stores the request's files by streaming, as ``submit(_:existing:create:)`` does, and
    /// says why when the general reader must read them instead.
    ///
    /// - Parameters:
    ///   - request: what to submit.
    ///   - openExisting: opens the store when it exists already (`nil` when it does not).
    ///   - create: creates the store; called only when there is none and the request is for
    ///     streaming. If nothing is then stored, the new store file is removed again.
    /// - Returns: the receipts, or the routes for the general reader (nothing stored).
    /// - Throws: ``SurveyError`` when the store cannot be opened or written, or a file read.
    public func submitRouted(
        _ request: SubmitRequest, existing openExisting: () throws(SurveyError) -> Store?,
        create: () throws(SurveyError) -> Store
    ) throws(SurveyError) -> Outcome {
        // Which requests stream is decided in one place (Submitter.routing).
        let existing = try openExisting()
        let plan: Submitter.StreamingPlan
        switch try Submitter(catalog: catalog).routing(request, store: existing) {
        case .general(let routes): return .general(routes)
        case .stream(let streaming): plan = streaming
        }
        let paths = plan.paths
        let questionnaire = plan.questionnaire
        let received = request.received?.resolve(in: questionnaire.timeZone) ?? Date()
        if let existing {
            return try storeRouted(
                into: existing, paths: paths, questionnaire: questionnaire, received: received)
        }
        var createdPath: String?
        let outcome: Result<Outcome, SurveyError>
        do {
            let store = try create()
            createdPath = store.path
            do {
                outcome = .success(
                    try storeRouted(
                        into: store, paths: paths, questionnaire: questionnaire,
                        received: received))
            } catch {
                outcome = .failure(error)
            }
        }
        // The new store is closed here (its last reference is gone); remove it if unused.
        var stored = false
        if case .success(.streamed) = outcome { stored = true }
        if let createdPath, !stored { Store.removeFiles(at: createdPath) }
        return try outcome.get()
    }

    /// Streams `paths` into `store` in one transaction, then keeps the questionnaire's
    /// definition with them; when the fast path declines a file, nothing is stored and the
    /// routes say why, for that file and the others.
    private func storeRouted(
        into store: Store, paths: [String], questionnaire: Questionnaire, received: Date
    ) throws(SurveyError) -> Outcome {
        var declined: (index: Int, reason: FastPathDecline)?
        let receipts = try self.store(
            into: store, paths: paths, names: nil, questionnaire: questionnaire,
            received: received, declined: { declined = ($0, $1) })
        if let receipts {
            // The definition the files were validated against is kept with them, while the
            // store is open (a store stands alone; no link per answer for millions of them).
            if !receipts.isEmpty {
                try Submitter(catalog: catalog).keepDefinition(
                    of: questionnaire, for: [], in: store)
            }
            return .streamed(receipts)
        }
        guard let declined else { return .general([]) }
        let name = (paths[declined.index] as NSString).lastPathComponent
        return .general(
            paths.indices.map {
                SubmitRoute(
                    file: paths[$0], path: .general,
                    reason: $0 == declined.index
                        ? .declined(declined.reason) : .withDeclinedFile(name))
            })
    }

    /// Streams `path` into `store`: the file's bytes and answers as they are read, its sums at
    /// the end; `nil` when the fast path declines the file (nothing is then stored).
    ///
    /// - Parameters:
    ///   - store: the store to write.
    ///   - path: the CSV file to stream.
    ///   - name: the name stored for the file (default: the last part of `path`).
    ///   - questionnaire: the questionnaire the file answers.
    ///   - received: when the file was received.
    /// - Returns: the receipt, or `nil` when the fast path declines the file.
    /// - Throws: ``SurveyError`` when the file cannot be read or the store written.
    public func store(
        into store: Store, path: String, name: String? = nil, questionnaire: Questionnaire,
        received: Date
    ) throws(SurveyError) -> StreamedReceipt? {
        try self.store(
            into: store, paths: [path], names: name.map { [$0] }, questionnaire: questionnaire,
            received: received)?.first
    }

    /// Streams `paths` into `store` one after the other, in one transaction: every file is
    /// stored, or none (`nil` when the fast path declines any of them).
    ///
    /// - Parameters:
    ///   - store: the store to write.
    ///   - paths: the CSV files to stream.
    ///   - names: the names stored for the files (default: the last part of each path).
    ///   - questionnaire: the questionnaire the files answer.
    ///   - received: when the files were received.
    /// - Returns: one receipt per file, or `nil` when the fast path declines a file.
    /// - Throws: ``SurveyError`` when a file cannot be read or the store written.
    public func store(
        into store: Store, paths: [String], names: [String]? = nil,
        questionnaire: Questionnaire, received: Date
    ) throws(SurveyError) -> [StreamedReceipt]? {
        try self.store(
            into: store, paths: paths, names: names, questionnaire: questionnaire,
            received: received, declined: { _, _ in })
    }

    /// Streams `paths` into `store`, telling `declined` which file the fast path declined and
    /// why (then nothing is stored and `nil` returned).
    private func store(
        into store: Store, paths: [String], names: [String]?, questionnaire: Questionnaire,
        received: Date, declined: (Int, FastPathDecline) -> Void
    ) throws(SurveyError) -> [StreamedReceipt]? {
        var chunks: Int64 = 0
        return try store.insertStreamed(
            names: names ?? paths.map { ($0 as NSString).lastPathComponent },
            questionnaire: questionnaire, received: received
        ) { (index, writer) throws(SurveyError) -> StreamedFileSummary? in
            let outcome = try LongCSVAggregator.streamOutcome(
                path: paths[index], questionnaire: questionnaire,
                onBytes: { (chunk) throws(SurveyError) in
                    try writer.appendBytes(chunk)
                    chunks += 1
                    store.afterStoredChunk?(chunks)
                },
                onAnswer: { (answer) throws(SurveyError) in
                    answer.priorities.withUnsafeBufferPointer { priorities in
                        writer.appendAnswer(
                            memberState: answer.memberState, respondent: answer.respondent,
                            line: answer.line,
                            priorities: priorities)
                    }
                })
            let summary: LongCSVAggregator.StreamSummary
            switch outcome {
            case .declined(let reason):
                declined(index, reason)
                return nil
            case .streamed(let streamed):
                summary = streamed
            }
            return StreamedFileSummary(
                aggregate: summary.aggregate, rows: summary.rows,
                respondentPrefix: summary.respondentPrefix,
                respondents: summary
                    .minRespondent...max(summary.minRespondent, summary.maxRespondent))
        }
    }
}
