extension Store {
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
    public func forEachCurrentStreamedAnswer(
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
}
