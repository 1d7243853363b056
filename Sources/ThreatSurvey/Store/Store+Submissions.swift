import Foundation

extension Store {
    /// Stores every file and its submissions in one transaction: all of them, or none.
    ///
    /// - Returns: the stored submissions, in order, with their new ids.
    /// - Throws: ``SurveyError/io(_:)`` when the store fails; nothing is then stored.
    public func insert(_ files: [PendingFile]) throws(SurveyError) -> [Submission] {
        try db.transaction { () throws(SurveyError) -> [Submission] in
            do {
                return try insertAll(files)
            } catch {
                throw fail(error)
            }
        }
    }

    private func insertAll(_ files: [PendingFile]) throws(SQLiteError) -> [Submission] {
        let insertFile = try db.prepare(
            "INSERT INTO files(name, bytes, sha256, size, stored_at) VALUES (?, ?, ?, ?, ?)")
        let insertSubmission = try db.prepare(
            """
            INSERT INTO submissions(questionnaire, delegation, respondent, received, received_ms,
                file_id, format, encoding, delimiter, dated, comments, first_line, warnings)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertCosignatory = try db.prepare(
            "INSERT INTO cosignatories(submission_id, member_state, position) VALUES (?, ?, ?)")
        let insertMention = try db.prepare(
            """
            INSERT INTO mentions(submission_id, threat, priority, comment, origin, phrase, line, col,
                negated, cue)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertAnswer = try db.prepare(
            "INSERT INTO answers(submission_id, question, value, line) VALUES (?, ?, ?, ?)")
        var stored: [Submission] = []
        let now = Timestamp.storage(Date())
        for file in files {
            let checksum = file.checksum
            try insertFile.execute([
                .text(file.name), .blob(file.bytes), .text(checksum),
                .integer(Int64(file.bytes.count)),
                .text(now),
            ])
            let fileID = db.lastInsertedRowID
            let receivedMillis = Int64((file.received.timeIntervalSince1970 * 1000).rounded())
            let received = Date(timeIntervalSince1970: Double(receivedMillis) / 1000)
            // The file's warnings are stored once, with its first submission.
            let warnings = file.warnings.joined(separator: "\n")
            for (index, response) in file.responses.enumerated() {
                try insertSubmission.execute([
                    .text(file.questionnaire), .text(response.delegation),
                    .optional(response.respondent),
                    .text(Timestamp.storage(received)), .integer(receivedMillis), .integer(fileID),
                    .text(file.format.rawValue), .text(file.encoding.rawValue),
                    .optional(file.delimiter),
                    .optional(response.dated?.description), .optional(response.comments),
                    .optional(response.line), .text(index == 0 ? warnings : ""),
                ])
                let id = db.lastInsertedRowID
                for (position, code) in response.cosignatories.enumerated() {
                    try insertCosignatory.execute([
                        .integer(id), .text(code), .integer(Int64(position)),
                    ])
                }
                for m in response.mentions {
                    try insertMention.execute([
                        .integer(id), .text(m.threat), .optional(m.priority), .optional(m.comment),
                        .text(m.origin.rawValue), .optional(m.phrase), .optional(m.line),
                        .optional(m.column),
                        .integer(m.negated ? 1 : 0), .optional(m.cue),
                    ])
                }
                for a in response.answers {
                    try insertAnswer.execute([
                        .integer(id), .text(a.question), .text(a.value), .optional(a.line),
                    ])
                }
                stored.append(
                    Submission(
                        id: id, questionnaire: file.questionnaire, received: received,
                        sourceFile: file.name, format: file.format,
                        encoding: file.encoding.rawValue,
                        delimiter: file.delimiter, checksum: checksum, fileID: fileID,
                        response: response, warnings: index == 0 ? file.warnings : []))
            }
        }
        return stored
    }

    /// Every submission, superseded ones included, in received order (then id).
    ///
    /// - Parameters:
    ///   - questionnaire: only this questionnaire's, or all when `nil`.
    ///   - excludingStreamed: leave out submissions stored by the streaming path, whose
    ///     sums ``streamedSums(questionnaire:)`` gives instead.
    public func submissions(questionnaire: String? = nil, excludingStreamed: Bool = false)
        throws(SurveyError) -> [Submission]
    {
        var conditions: [String] = []
        var values: [SQLValue] = []
        if let questionnaire {
            conditions.append("s.questionnaire = ?")
            values.append(.text(questionnaire))
        }
        if excludingStreamed { conditions.append("s.packed_mentions IS NULL") }
        do {
            return try fetch(
                where: conditions.isEmpty ? nil : (conditions.joined(separator: " AND "), values))
        } catch {
            throw fail(error)
        }
    }

    /// The submission with this id, or `nil`.
    public func submission(id: Int64) throws(SurveyError) -> Submission? {
        do {
            return try fetch(where: ("s.id = ?", [.integer(id)])).first
        } catch {
            throw fail(error)
        }
    }

    /// The bytes of a stored file exactly as received.
    public func originalBytes(fileID: Int64) throws(SurveyError) -> [UInt8] {
        var out: [UInt8] = []
        try writeOriginal(fileID: fileID) { out += $0 }
        return out
    }

    /// Hands the bytes of a stored file to `write` piece by piece (large files are kept in
    /// chunks and never held whole).
    public func writeOriginal(fileID: Int64, to write: ([UInt8]) -> Void) throws(SurveyError) {
        do {
            let whole = try db.query("SELECT bytes FROM files WHERE id = ?", [.integer(fileID)]) {
                $0.blob(0)
            }
            if let bytes = whole.first, !bytes.isEmpty { write(bytes) }
            let chunks = try db.prepare(
                "SELECT bytes FROM file_chunks WHERE file_id = ? ORDER BY seq")
            try chunks.bind([.integer(fileID)])
            while try chunks.step() { write(chunks.blob(0)) }
        } catch {
            throw fail(error)
        }
    }

    /// Per file stored by the streaming path: when it was received, its respondents' range,
    /// and its sums (in the questionnaire's threat order).
    public func streamedSums(questionnaire: Questionnaire) throws(SurveyError) -> [StreamedFileSums]
    {
        do {
            let files = try db.query(
                """
                SELECT file_id, received_ms, respondent_prefix, min_respondent, max_respondent, threats
                FROM bulk_files WHERE questionnaire = ? ORDER BY received_ms, file_id
                """, [.text(questionnaire.id)]
            ) { row in
                (row.int(0), row.int(1), row.text(2), Int(row.int(3)), Int(row.int(4)), row.text(5))
            }
            let ids = questionnaire.threats.map(\.id)
            let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            var out: [StreamedFileSums] = []
            for (fileID, received, prefix, low, high, threats) in files {
                let fileThreats = threats.split(separator: ",").map(String.init)
                var aggregate = MentionAggregate(threats: ids, carriesRespondents: true)
                let rows = try db.query(
                    """
                    SELECT member_state, threat, answers, mentions, priority_sum, priority_count, borda, firsts
                    FROM bulk_sums WHERE file_id = ?
                    """, [.integer(fileID)]
                ) { row in
                    (
                        row.text(0), Int(row.int(1)), Int(row.int(2)), Int(row.int(3)),
                        Int(row.int(4)), Int(row.int(5)),
                        row.double(6), Int(row.int(7))
                    )
                }
                for (state, t, answers, mentions, sum, count, borda, firsts) in rows {
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
                    aggregate.states[state] = sums
                }
                out.append(
                    StreamedFileSums(
                        received: Date(timeIntervalSince1970: Double(received) / 1000),
                        respondentPrefix: prefix,
                        respondents: low...max(low, high), aggregate: aggregate))
            }
            return out
        } catch {
            throw fail(error)
        }
    }

    /// The questionnaires the store holds answers to, with how many submissions each.
    public func questionnaireCounts() throws(SurveyError) -> [String: Int] {
        do {
            let rows = try db.query(
                "SELECT questionnaire, COUNT(*) FROM submissions GROUP BY questionnaire"
            ) { ($0.text(0), Int($0.int(1))) }
            return Dictionary(uniqueKeysWithValues: rows)
        } catch {
            throw fail(error)
        }
    }

    /// Mentions stored packed by the streaming path: 3 bytes each (threat index, priority as
    /// 16 bits, 0 for none), threat indices into the file's comma-separated threat list.
    static func unpack(_ bytes: [UInt8], threats: String) -> [Mention] {
        let ids = threats.split(separator: ",").map(String.init)
        var out: [Mention] = []
        var i = 0
        while i + 2 < bytes.count {
            let t = Int(bytes[i])
            let p = Int(bytes[i + 1]) << 8 | Int(bytes[i + 2])
            if t < ids.count {
                out.append(Mention(threat: ids[t], priority: p == 0 ? nil : p, origin: .structured))
            }
            i += 3
        }
        return out
    }

    /// A priority read from the store, or `nil` (with a warning, once) when it is outside
    /// 1...``Priority/maximum``: a store written before priorities were bounded may hold
    /// one, and it must not break every analysis for ever.
    func bounded(_ priority: Int?, submission: Int64) -> Int? {
        guard let priority else { return nil }
        if priority >= 1, priority <= Priority.maximum { return priority }
        warnOnce(
            "priority",
            "\(path): warning: submission \(submission) holds priority \(priority), outside 1–\(Priority.maximum) "
                + "(stored by an older threatsurvey); such priorities are ignored, the mentions are counted"
        )
        return nil
    }

    func fetch(where filter: (String, [SQLValue])?) throws(SQLiteError) -> [Submission] {
        let condition = filter.map { "WHERE \($0.0)" } ?? ""
        let values = filter?.1 ?? []
        var submissions = try db.query(
            """
            SELECT s.id, s.questionnaire, s.delegation, s.respondent, s.received_ms, f.name,
                s.format, s.encoding, s.delimiter, f.sha256, s.file_id, s.dated, s.comments,
                s.first_line, s.warnings, s.packed_mentions, b.threats
            FROM submissions s JOIN files f ON f.id = s.file_id LEFT JOIN bulk_files b ON b.file_id = s.file_id
            \(condition)
            ORDER BY s.received_ms, s.id
            """, values
        ) { row in
            var submission = Submission(
                id: row.int(0), questionnaire: row.text(1),
                received: Date(timeIntervalSince1970: Double(row.int(4)) / 1000),
                sourceFile: row.text(5), format: InputFormat(rawValue: row.text(6)) ?? .json,
                encoding: row.text(7), delimiter: row.optionalText(8), checksum: row.text(9),
                fileID: row.int(10),
                response: Response(
                    delegation: row.text(2), respondent: row.optionalText(3),
                    dated: row.optionalText(11).flatMap { CivilDate(iso: $0) },
                    comments: row.optionalText(12), line: row.optionalInt(13) ?? 1),
                warnings: row.text(14).split(separator: "\n").map(String.init))
            if !row.isNull(15) {
                submission.response.mentions = Store.unpack(row.blob(15), threats: row.text(16)).map
                { m in
                    var m = m
                    m.priority = self.bounded(m.priority, submission: row.int(0))
                    return m
                }
            }
            return submission
        }
        guard !submissions.isEmpty else { return [] }
        var position: [Int64: Int] = [:]
        for (index, s) in submissions.enumerated() { position[s.id] = index }
        let scope = "SELECT s.id FROM submissions s \(condition)"
        for (id, code) in try db.query(
            "SELECT submission_id, member_state FROM cosignatories WHERE submission_id IN (\(scope)) "
                + "ORDER BY submission_id, position", values, row: { ($0.int(0), $0.text(1)) })
        {
            if let i = position[id] { submissions[i].response.cosignatories.append(code) }
        }
        for (id, mention) in try db.query(
            """
            SELECT submission_id, threat, priority, comment, origin, phrase, line, col, negated, cue
            FROM mentions
            WHERE submission_id IN (\(scope)) ORDER BY submission_id, id
            """, values,
            row: { row in
                (
                    row.int(0),
                    Mention(
                        threat: row.text(1),
                        priority: self.bounded(row.optionalInt(2), submission: row.int(0)),
                        comment: row.optionalText(3),
                        origin: Mention.Origin(rawValue: row.text(4)) ?? .structured,
                        phrase: row.optionalText(5), line: row.optionalInt(6),
                        column: row.optionalInt(7),
                        negated: row.int(8) != 0, cue: row.optionalText(9))
                )
            })
        {
            if let i = position[id] { submissions[i].response.mentions.append(mention) }
        }
        for (id, answer) in try db.query(
            "SELECT submission_id, question, value, line FROM answers WHERE submission_id IN (\(scope)) "
                + "ORDER BY submission_id, rowid", values,
            row: {
                (
                    $0.int(0),
                    Response.Answer(
                        question: $0.text(1), value: $0.text(2), line: $0.optionalInt(3))
                )
            })
        {
            if let i = position[id] { submissions[i].response.answers.append(answer) }
        }
        return submissions
    }
}
