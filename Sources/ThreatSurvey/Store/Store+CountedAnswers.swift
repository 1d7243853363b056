import Foundation

/// The store's side of the counted-answers module (`CountedAnswers`, in Analysis): the only
/// reader of the per-file sums cached for streamed files (`bulk_files`, `bulk_sums`) and of
/// packed answers one respondent at a time. Nothing else in the store's readers, the
/// figures or the commands names that cache.
extension Store {
    /// The join that gives a packed answer its file's threat list (what its threat numbers
    /// index), for the submission readers.
    static let packedThreatsJoin = "LEFT JOIN bulk_files b ON b.file_id = s.file_id"

    /// Hands `body` the current answer of each (Member State, respondent) among the
    /// submissions streamed in `files`, one at a time: the latest received, then the highest
    /// id, as everywhere (``CurrentAnswers``).
    ///
    /// Two streamed files that share respondents cannot simply have their sums added (the
    /// later answer replaces the earlier); loading every submission to apply the rule took
    /// 1.1 GB for 500,000. Here the rows come in the order of the index
    /// `submissions_by_answerer` (schema 7), so one answer per respondent is held at a time.
    ///
    /// - Parameters:
    ///   - questionnaire: the questionnaire's id.
    ///   - files: the streamed files to read, each with its threat list (the order its
    ///     packed mentions index).
    ///   - body: called with the file, the Member State and the answer's mentions (priorities
    ///     outside 1…``Priority/maximum`` dropped, as when a submission is loaded).
    /// - Throws: ``SurveyError`` when the store cannot be read.
    /// - Complexity: O(n) rows in index order, flat memory.
    package func forEachCurrentPackedAnswer(
        questionnaire: String, files: [Int64: String],
        _ body: (_ fileID: Int64, _ memberState: String, _ mentions: [Mention]) -> Void
    ) throws(SurveyError) {
        guard !files.isEmpty else { return }
        let ids = files.mapValues { $0.split(separator: ",").map(String.init) }
        var held: (key: String, respondent: String, file: Int64, id: Int64, packed: [UInt8])?
        func emit() {
            guard let held, let threats = ids[held.file] else { return }
            var mentions = Store.unpack(held.packed, ids: threats)
            for i in mentions.indices {
                mentions[i].priority = bounded(mentions[i].priority, submission: held.id)
            }
            body(held.file, held.key, mentions)
        }
        do {
            let rows = try db.prepare(
                """
                SELECT s.delegation, s.respondent, s.file_id, s.id, s.packed_mentions
                FROM submissions s
                WHERE s.questionnaire = ? AND s.packed_mentions IS NOT NULL
                ORDER BY s.delegation, s.respondent, s.received_ms, s.id
                """)
            try rows.bind([.text(questionnaire)])
            while try rows.step() {
                let file = rows.int(2)
                guard files[file] != nil else { continue }
                let state = rows.text(0)
                let respondent = rows.text(1)
                if let current = held, current.key != state || current.respondent != respondent {
                    emit()
                }
                held = (state, respondent, file, rows.int(3), rows.blob(4))
            }
            emit()
        } catch {
            throw fail(error)
        }
    }

    /// Per file stored by the streaming path: when it was received, its respondents' range,
    /// and its cached sums (in the questionnaire's threat order).
    package func cachedFileSums(questionnaire: Questionnaire) throws(SurveyError)
        -> [CachedFileSums]
    {
        do {
            let files = try db.query(
                """
                SELECT b.file_id, b.received_ms, b.respondent_prefix, b.min_respondent,
                    b.max_respondent, b.threats, b.first_submission, b.last_submission, b.rows,
                    f.name, f.sha256
                FROM bulk_files b JOIN files f ON f.id = b.file_id
                WHERE b.questionnaire = ? ORDER BY b.received_ms, b.file_id
                """, [.text(questionnaire.id)]
            ) { row in
                (
                    row.int("file_id"), row.int("received_ms"), row.text("respondent_prefix"),
                    Int(row.int("min_respondent")), Int(row.int("max_respondent")),
                    row.text("threats"),
                    (
                        name: row.text("name"), checksum: row.text("sha256"),
                        first: row.int("first_submission"), last: row.int("last_submission"),
                        rows: Int(row.int("rows"))
                    )
                )
            }
            let ids = questionnaire.threats.map(\.id)
            let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            var out: [CachedFileSums] = []
            for (fileID, received, prefix, low, high, threats, file) in files {
                let fileThreats = threats.split(separator: ",").map(String.init)
                var aggregate = MentionAggregate(threats: ids, carriesRespondents: true)
                let rows = try db.query(
                    """
                    SELECT member_state, threat, answers, mentions, priority_sum, priority_count, borda, firsts,
                        best_priority
                    FROM bulk_sums WHERE file_id = ?
                    """, [.integer(fileID)]
                ) { row in
                    (
                        row.text("member_state"), Int(row.int("threat")), Int(row.int("answers")),
                        Int(row.int("mentions")), Int(row.int("priority_sum")),
                        Int(row.int("priority_count")),
                        row.double("borda"), Int(row.int("firsts")),
                        row.optionalInt("best_priority")
                    )
                }
                for (state, t, answers, mentions, sum, count, borda, firsts, best) in rows {
                    guard t < fileThreats.count, let target = index[fileThreats[t]] else {
                        continue
                    }
                    var sums =
                        aggregate.states[state] ?? MentionAggregate.StateSums(threats: ids.count)
                    sums.answers = answers
                    sums.mentions[target] = mentions
                    sums.prioritySum[target] = sum
                    sums.priorityCount[target] = count
                    sums.borda[target] = borda
                    sums.firsts[target] = firsts
                    // Stored before schema 9: a priority was given, the best is not known.
                    sums.bestPriority[target] =
                        best ?? (count > 0 ? SumsRow.unknownBestPriority : 0)
                    aggregate.states[state] = sums
                }
                out.append(
                    CachedFileSums(
                        fileID: fileID,
                        received: Date(timeIntervalSince1970: Double(received) / 1000),
                        respondentPrefix: prefix,
                        respondents: low...max(low, high), threatList: threats,
                        aggregate: aggregate, name: file.name, checksum: file.checksum,
                        submissions: file.first...max(file.first, file.last), rows: file.rows))
            }
            return out
        } catch {
            throw fail(error)
        }
    }

    /// How many mentions of `threat` the cached sums of `questionnaire`'s streamed files
    /// count (their packed mentions are not in `mentions`), saturating.
    func cachedMentionCount(questionnaire: String, threat: String) throws(SQLiteError) -> Int {
        var count = 0
        let files = try db.query(
            "SELECT file_id, threats FROM bulk_files WHERE questionnaire = ?",
            [.text(questionnaire)]
        ) { ($0.int(0), $0.text(1)) }
        for (file, threats) in files {
            guard
                let position = threats.split(separator: ",", omittingEmptySubsequences: false)
                    .firstIndex(where: { $0 == threat })
            else { continue }
            let sum =
                try db.query(
                    "SELECT COALESCE(SUM(mentions), 0) FROM bulk_sums WHERE file_id = ? AND threat = ?",
                    [.integer(file), .integer(Int64(position))]
                ) { $0.int(0) }.first ?? 0
            let (total, overflow) = count.addingReportingOverflow(Int(clamping: sum))
            count = overflow ? Int.max : total
        }
        return count
    }

    /// Per Member State of `file`, the numbers of its first and last submissions in the
    /// file: what the deadline check names as a state's first (and latest) answer, without
    /// reading the file's rows.
    ///
    /// - Complexity: O(s log n) for s Member States: two seeks each in the index
    ///   `submissions_by_delegation` (schema 7); one query asking both would read the range.
    package func submissionRange(of file: CachedFileSums, questionnaire: String)
        throws(SurveyError) -> [String: ClosedRange<Int64>]
    {
        let millis = Int64((file.received.timeIntervalSince1970 * 1000).rounded())
        let condition =
            "FROM submissions WHERE questionnaire = ? AND delegation = ? AND received_ms = ? "
            + "AND id BETWEEN ? AND ?"
        do {
            let first = try db.prepare("SELECT MIN(id) " + condition)
            let last = try db.prepare("SELECT MAX(id) " + condition)
            var out: [String: ClosedRange<Int64>] = [:]
            for state in file.aggregate.states.keys {
                let values: [SQLValue] = [
                    .text(questionnaire), .text(state), .integer(millis),
                    .integer(file.submissions.lowerBound), .integer(file.submissions.upperBound),
                ]
                try first.bind(values)
                try last.bind(values)
                guard try first.step(), !first.isNull(0), try last.step(), !last.isNull(0)
                else { continue }
                out[state] = first.int(0)...max(first.int(0), last.int(0))
            }
            return out
        } catch {
            throw fail(error)
        }
    }
}
