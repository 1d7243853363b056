import CSQLite
public import Foundation

extension Store {
    /// Stores a large consultation file without holding it in memory, in one transaction.
    ///
    /// `body` hands its bytes and one answer per respondent to the ``StreamedFileWriter``
    /// while it reads the file, then returns what the file held (its sums, respondents and
    /// checksum). The file is stored as the general reader stores it: one submission per
    /// delegation, its respondents' answers packed inside with their sums.
    ///
    /// The store knows nothing of how the file is read: the caller (Intake) streams it.
    ///
    /// - Returns: the receipt, or `nil` when `body` returns `nil` (the file needs the general
    ///   reader, or holds no answer): nothing is then stored.
    /// - Throws: the first error `body` throws, or the store's failure; nothing is then stored.
    public func insertStreamed(
        name: String, questionnaire: Questionnaire, received: Date,
        _ body: (StreamedFileWriter) throws(SurveyError) -> StreamedFileSummary?
    ) throws(SurveyError) -> StreamedReceipt? {
        try insertStreamed(names: [name], questionnaire: questionnaire, received: received) {
            (_, writer) throws(SurveyError) in try body(writer)
        }?.first
    }

    /// Stores several large files by streaming, all in one transaction: a submit stores
    /// every file or none, whether it is read whole or streamed.
    ///
    /// - Parameters:
    ///   - names: the names stored for the files, in the order they are streamed.
    ///   - questionnaire: the questionnaire every file answers.
    ///   - received: when the files were received.
    ///   - body: streams file `index` into its writer, as in
    ///     ``insertStreamed(name:questionnaire:received:_:)``.
    /// - Returns: one receipt per file, or `nil` when `body` returns `nil` for any file
    ///   (nothing is then stored).
    /// - Throws: the first error `body` throws, or the store's failure; nothing is then stored.
    public func insertStreamed(
        names: [String], questionnaire: Questionnaire, received: Date,
        _ body: (_ index: Int, StreamedFileWriter) throws(SurveyError) -> StreamedFileSummary?
    ) throws(SurveyError) -> [StreamedReceipt]? {
        let receivedMillis = Int64((received.timeIntervalSince1970 * 1000).rounded())
        let receivedText = Timestamp.storage(
            Date(timeIntervalSince1970: Double(receivedMillis) / 1000))
        var receipts: [StreamedReceipt] = []
        do {
            try db.transaction { () throws -> TransactionCompletion in
                try db.execute("PRAGMA defer_foreign_keys = ON")
                for (index, name) in names.enumerated() {
                    // Inside the write transaction, so no other writer can take this id.
                    let fileID =
                        try db.query("SELECT COALESCE(MAX(id), 0) + 1 AS next FROM files") {
                            $0.int("next")
                        }.first ?? 1
                    let writer = try StreamedFileWriter(
                        db: db, path: path, fileID: fileID, questionnaire: questionnaire.id,
                        receivedMillis: receivedMillis,
                        receivedText: receivedText)
                    guard var summary = try body(index, writer) else { return .rollback }
                    (summary.checksum, summary.size) = try writer.finish()
                    try insertFileRow(fileID: fileID, name: name, summary: summary)
                    try writer.insertSubmissions(
                        threats: summary.aggregate.threats, sums: summary.aggregate.states)
                    guard let submissions = writer.submissions else { return .rollback }
                    try insertMentionedThreats(questionnaire.id, summary: summary)
                    receipts.append(
                        StreamedReceipt(
                            fileID: fileID, submissions: submissions, rows: summary.rows,
                            memberStates: MemberState.sortedByProtocol(
                                summary.aggregate.states.keys),
                            checksum: summary.checksum, size: summary.size, name: name,
                            received: Date(timeIntervalSince1970: Double(receivedMillis) / 1000),
                            questionnaire: questionnaire, aggregate: summary.aggregate))
                }
                return .commit
            }
        } catch {
            throw fail(error)
        }
        return receipts.count == names.count && !names.isEmpty ? receipts : nil
    }

    /// The file row: its name, checksum and size (its bytes are in its chunks).
    private func insertFileRow(fileID: Int64, name: String, summary: StreamedFileSummary)
        throws(SQLiteError)
    {
        try db.run(
            "INSERT INTO files(id, name, bytes, sha256, size, stored_at) VALUES (?, ?, x'', ?, ?, ?)",
            [
                .integer(fileID), .text(name), .text(summary.checksum),
                .integer(Int64(summary.size)),
                .text(Timestamp.storage(Date())),
            ])
    }

    /// The threats the file mentions, for the "still defined?" check (no trigger sees
    /// packed answers).
    private func insertMentionedThreats(_ questionnaire: String, summary: StreamedFileSummary)
        throws(SQLiteError)
    {
        let threats = summary.aggregate.threats
        var mentioned = Set<Int>()
        for sums in summary.aggregate.states.values {
            for t in sums.mentions.indices where sums.mentions[t] > 0 && t < threats.count {
                mentioned.insert(t)
            }
        }
        try insertMentionedThreats(
            questionnaire: questionnaire, threats: mentioned.sorted().map { threats[$0] })
    }
}
