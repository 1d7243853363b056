import CSQLite
public import Foundation

/// What storing a large consultation file did.
public struct StreamedReceipt: Sendable {
    /// The store's number for the file.
    public var fileID: Int64
    /// The first and last submission numbers (one per respondent).
    public var submissions: ClosedRange<Int64>
    /// Data rows read.
    public var rows: Int
    /// Member States with answers, protocol order.
    public var memberStates: [String]
    /// SHA-256 of the file.
    public var checksum: String
    /// File size in bytes.
    public var size: Int
    /// The file name.
    public var name: String
    /// When it was received.
    public var received: Date
    /// The questionnaire.
    public var questionnaire: Questionnaire
    /// The sums, for the receipt's threat counts.
    public var aggregate: MentionAggregate
}

extension Store {
    /// Files at least this large with a respondent column are stored by streaming.
    public static let streamingThreshold = 8 << 20

    /// Stores a large consultation file without holding it in memory: its bytes in 4 MiB
    /// chunks, one submission per respondent with packed mentions, and per-state sums so that
    /// ranking never rescans the rows. All in one transaction.
    ///
    /// - Returns: the receipt, or `nil` when the file needs the general reader (nothing is
    ///   then stored).
    public func insertStreamed(
        path: String, name: String, questionnaire: Questionnaire, received: Date
    ) throws(SurveyError) -> StreamedReceipt? {
        // The checksum is computed over the bytes as they are stored, in the same pass: a
        // file that grows or changes while it is read still gets the checksum of what was
        // kept. The file row, which carries it, is written last (foreign keys are checked at
        // commit).
        let receivedMillis = Int64((received.timeIntervalSince1970 * 1000).rounded())
        let receivedText = Timestamp.storage(
            Date(timeIntervalSince1970: Double(receivedMillis) / 1000))
        let result: StreamedReceipt
        do {
            result = try db.transaction { () throws(SurveyError) -> StreamedReceipt in
                try insertStreamedRows(
                    path: path, name: name, questionnaire: questionnaire,
                    receivedMillis: receivedMillis,
                    receivedText: receivedText)
            }
        } catch {
            if case .internalError(let m) = error, m == "streaming declined" { return nil }
            throw error
        }
        return result
    }

    /// Thrown inside the transaction to roll it back when the file needs the general reader.
    static let streamingDeclined = SurveyError.internalError("streaming declined")

    /// The body of ``insertStreamed(path:name:questionnaire:received:)``, inside its transaction.
    private func insertStreamedRows(
        path: String, name: String, questionnaire: Questionnaire, receivedMillis: Int64,
        receivedText: String
    ) throws(SurveyError) -> StreamedReceipt {
        let fileID: Int64
        do {
            try db.execute("PRAGMA defer_foreign_keys = ON")
            // Inside the write transaction, so no other writer can take this id.
            fileID =
                try db.query("SELECT COALESCE(MAX(id), 0) + 1 FROM files") { $0.int(0) }.first ?? 1
        } catch {
            throw fail(error)
        }
        let insertChunk: Statement
        let insertSubmission: Statement
        do {
            insertChunk = try db.prepare(
                "INSERT INTO file_chunks(file_id, seq, bytes) VALUES (?, ?, ?)")
            insertSubmission = try db.prepare(
                """
                INSERT INTO submissions(questionnaire, delegation, respondent, received, received_ms, file_id,
                    format, encoding, delimiter, warnings, packed_mentions)
                VALUES (?, ?, ?, ?, ?, ?, 'csv-long', 'UTF-8', ',', '', ?)
                """)
        } catch {
            throw fail(error)
        }
        do {
            try insertSubmission.bind([
                .text(questionnaire.id), .null, .null, .text(receivedText),
                .integer(receivedMillis),
                .integer(fileID), .null,
            ])
        } catch {
            throw fail(error)
        }
        var seq: Int64 = 0
        var hasher = SHA256.Hasher()
        var size = 0
        var first: Int64 = 0
        var last: Int64 = 0
        let summary = try LongCSVAggregator.stream(
            path: path, questionnaire: questionnaire,
            onBytes: { (chunk) throws(SurveyError) in
                do {
                    try insertChunk.execute([
                        .integer(fileID), .integer(seq),
                        .blob(Array(chunk.bindMemory(to: UInt8.self))),
                    ])
                } catch {
                    throw self.fail(error)
                }
                hasher.update(chunk)
                size += chunk.count
                seq += 1
                self.afterStoredChunk?(seq)
            },
            onAnswer: { (answer) throws(SurveyError) in
                var packed: [UInt8] = []
                packed.reserveCapacity(24)
                for (t, p) in answer.priorities.enumerated() where p >= 0 {
                    packed.append(UInt8(t))
                    packed.append(UInt8(truncatingIfNeeded: p >> 8))
                    packed.append(UInt8(truncatingIfNeeded: p))
                }
                do {
                    // Columns 1, 4, 5 and 6 are the same for every row and bound once.
                    try insertSubmission.bind(.text(answer.memberState), at: 2)
                    try insertSubmission.bind(.text(answer.respondent), at: 3)
                    try insertSubmission.bind(.blob(packed), at: 7)
                    try insertSubmission.run()
                } catch {
                    throw self.fail(error)
                }
                last = self.db.lastInsertedRowID
                if first == 0 { first = last }
            })
        guard let summary, first > 0 else { throw Store.streamingDeclined }
        let checksum = hasher.finalizeHex()
        do {
            try db.run(
                "INSERT INTO files(id, name, bytes, sha256, size, stored_at) VALUES (?, ?, x'', ?, ?, ?)",
                [
                    .integer(fileID), .text(name), .text(checksum), .integer(Int64(size)),
                    .text(Timestamp.storage(Date())),
                ])
            let insertSum = try db.prepare(
                """
                INSERT INTO bulk_sums(file_id, member_state, threat, answers, mentions, priority_sum,
                    priority_count, borda, firsts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (code, sums) in summary.aggregate.states {
                for t in sums.mentions.indices {
                    try insertSum.execute([
                        .integer(fileID), .text(code), .integer(Int64(t)),
                        .integer(Int64(sums.answers)),
                        .integer(Int64(sums.mentions[t])), .integer(Int64(sums.prioritySum[t])),
                        .integer(Int64(sums.priorityCount[t])), .real(sums.borda[t]),
                        .integer(Int64(sums.firsts[t])),
                    ])
                }
            }
            try db.run(
                """
                INSERT INTO bulk_files(file_id, questionnaire, received_ms, first_submission, last_submission, rows,
                    respondent_prefix, min_respondent, max_respondent, threats) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .integer(fileID), .text(questionnaire.id), .integer(receivedMillis),
                    .integer(first),
                    .integer(last), .integer(Int64(summary.rows)), .text(summary.respondentPrefix),
                    .integer(Int64(summary.minRespondent)), .integer(Int64(summary.maxRespondent)),
                    .text(summary.aggregate.threats.joined(separator: ",")),
                ])
        } catch {
            throw fail(error)
        }
        return StreamedReceipt(
            fileID: fileID, submissions: first...last, rows: summary.rows,
            memberStates: MemberState.sortedByProtocol(summary.aggregate.states.keys),
            checksum: checksum,
            size: size, name: name,
            received: Date(timeIntervalSince1970: Double(receivedMillis) / 1000),
            questionnaire: questionnaire, aggregate: summary.aggregate)
    }

    /// Reads a file in 4 MiB chunks.
    static func readChunks(_ path: String, _ body: (UnsafeRawBufferPointer) -> Void)
        throws(SurveyError)
    {
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
