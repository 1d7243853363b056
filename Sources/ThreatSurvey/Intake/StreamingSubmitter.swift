public import Foundation

/// Stores one large long CSV by streaming it: the fast path reads the file in chunks while
/// the store writes its bytes and one submission per respondent, in one transaction, so
/// memory stays flat however large the file is.
///
/// This is the orchestration between FastPath (reading) and Store (writing): neither knows
/// the other. A file the fast path declines is left to the general reader (``Submitter``);
/// a file that fails leaves no trace, not even a store file when none existed before.
public struct StreamingSubmitter {
    /// Files at least this large (8 MiB) are streamed, when they are a long CSV or TSV; smaller
    /// ones take the general reader, whose diagnostics are richer.
    public static let threshold = 8 << 20

    /// The questionnaires known.
    public var catalog: QuestionnaireCatalog

    /// A streaming submitter over `catalog`.
    public init(catalog: QuestionnaireCatalog) {
        self.catalog = catalog
    }

    /// Stores the request's file by streaming when it is one large CSV with respondents.
    ///
    /// - Parameters:
    ///   - existing: opens the store when it exists already (`nil` when it does not); called
    ///     only for a request that is for streaming.
    ///   - create: creates the store; called only when there is none. If nothing is then
    ///     stored (the file is declined or fails), the new store file is removed again.
    /// - Returns: the receipt, or `nil` when the request is not for streaming or the file
    ///   needs the general reader (nothing is then stored).
    public func submit(
        _ request: SubmitRequest, existing openExisting: () throws(SurveyError) -> Store?,
        create: () throws(SurveyError) -> Store
    ) throws(SurveyError) -> StreamedReceipt? {
        guard !request.dryRun, request.delegation == nil, request.paths.count == 1, let path = request.paths.first,
            ["csv", "tsv"].contains((path as NSString).pathExtension.lowercased()),
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = (attributes[.size] as? NSNumber)?.intValue, size >= StreamingSubmitter.threshold
        else { return nil }
        let existing = try openExisting()
        let questionnaire: Questionnaire
        if let id = request.questionnaire {
            questionnaire = try catalog.find(id)
        } else if let only = catalog.only {
            questionnaire = only
        } else if let existing, let q = try? catalog.only(store: existing) {
            questionnaire = q
        } else {
            return nil
        }
        let received = request.received?.resolve(in: questionnaire.timeZone) ?? Date()
        if let existing {
            return try store(into: existing, path: path, questionnaire: questionnaire, received: received)
        }
        var createdPath: String?
        let outcome: Result<StreamedReceipt?, SurveyError>
        do {
            let store = try create()
            createdPath = store.path
            do {
                outcome = .success(try self.store(into: store, path: path, questionnaire: questionnaire, received: received))
            } catch {
                outcome = .failure(error)
            }
        }
        // The new store is closed here (its last reference is gone); remove it if unused.
        if let createdPath, (try? outcome.get()) == nil { Store.removeFiles(at: createdPath) }
        return try outcome.get()
    }

    /// Streams `path` into `store`: the file's bytes and answers as they are read, its sums at
    /// the end; `nil` when the fast path declines the file (nothing is then stored).
    ///
    /// - Parameter name: the name stored for the file (default: the last part of `path`).
    public func store(
        into store: Store, path: String, name: String? = nil, questionnaire: Questionnaire, received: Date
    ) throws(SurveyError) -> StreamedReceipt? {
        // The checksum is computed on the other core while this one parses and inserts.
        let hashing = BackgroundChecksum(path: path)
        let receipt = try store.insertStreamed(
            name: name ?? (path as NSString).lastPathComponent, questionnaire: questionnaire, received: received
        ) { (writer) throws(SurveyError) -> StreamedFileSummary? in
            let summary = try LongCSVAggregator.stream(
                path: path, questionnaire: questionnaire,
                onBytes: { (chunk) throws(SurveyError) in try writer.appendBytes(chunk) },
                onAnswer: { (answer) throws(SurveyError) in
                    try answer.priorities.withUnsafeBufferPointer { (priorities) throws(SurveyError) in
                        try writer.appendAnswer(
                            memberState: answer.memberState, respondent: answer.respondent, priorities: priorities)
                    }
                })
            let (checksum, size) = try hashing.wait()
            guard let summary else { return nil }
            return StreamedFileSummary(
                aggregate: summary.aggregate, rows: summary.rows, respondentPrefix: summary.respondentPrefix,
                respondents: summary.minRespondent...max(summary.minRespondent, summary.maxRespondent),
                checksum: checksum, size: size)
        }
        _ = try? hashing.wait()
        return receipt
    }

    /// The SHA-256 and size of a file, computed on another thread.
    private final class BackgroundChecksum: @unchecked Sendable {
        // `result` is written once by the worker before it signals `done`, and read only
        // after waiting on `done`: the semaphore orders the write before the read. `wait`
        // signals again so that it may be called more than once.
        private var result: Result<(String, Int), SurveyError>?
        private let done = DispatchSemaphore(value: 0)

        init(path: String) {
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                var hasher = SHA256.Hasher()
                var size = 0
                do throws(SurveyError) {
                    try BackgroundChecksum.readChunks(path) { chunk in
                        hasher.update(chunk)
                        size += chunk.count
                    }
                    result = .success((hasher.finalizeHex(), size))
                } catch {
                    result = .failure(error)
                }
                done.signal()
            }
        }

        func wait() throws(SurveyError) -> (String, Int) {
            done.wait()
            defer { done.signal() }
            switch result {
            case .success(let value): return value
            case .failure(let error): throw error
            case nil: throw .internalError("checksum not computed")
            }
        }

        /// Reads a file in 4 MiB chunks.
        static func readChunks(_ path: String, _ body: (UnsafeRawBufferPointer) -> Void) throws(SurveyError) {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw .inputMissing(path: path, reason: "no such file") }
            defer { close(fd) }
            let size = 4 << 20
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                let n = read(fd, buffer, size)
                if n < 0 { throw .io("\(path): read failed") }
                if n == 0 { return }
                body(UnsafeRawBufferPointer(start: buffer, count: n))
            }
        }
    }
}
