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
            INSERT INTO mentions(submission_id, threat, priority, comment, origin, phrase, line, col)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertAnswer = try db.prepare(
            "INSERT INTO answers(submission_id, question, value, line) VALUES (?, ?, ?, ?)")
        var stored: [Submission] = []
        let now = Timestamp.storage(Date())
        for file in files {
            let checksum = file.checksum
            try insertFile.execute([
                .text(file.name), .blob(file.bytes), .text(checksum), .integer(Int64(file.bytes.count)),
                .text(now),
            ])
            let fileID = db.lastInsertedRowID
            let receivedMillis = Int64((file.received.timeIntervalSince1970 * 1000).rounded())
            let received = Date(timeIntervalSince1970: Double(receivedMillis) / 1000)
            for response in file.responses {
                try insertSubmission.execute([
                    .text(file.questionnaire), .text(response.delegation), .optional(response.respondent),
                    .text(Timestamp.storage(received)), .integer(receivedMillis), .integer(fileID),
                    .text(file.format.rawValue), .text(file.encoding.rawValue), .optional(file.delimiter),
                    .optional(response.dated?.description), .optional(response.comments),
                    .optional(response.line), .text(file.warnings.joined(separator: "\n")),
                ])
                let id = db.lastInsertedRowID
                for (position, code) in response.cosignatories.enumerated() {
                    try insertCosignatory.execute([.integer(id), .text(code), .integer(Int64(position))])
                }
                for m in response.mentions {
                    try insertMention.execute([
                        .integer(id), .text(m.threat), .optional(m.priority), .optional(m.comment),
                        .text(m.origin.rawValue), .optional(m.phrase), .optional(m.line), .optional(m.column),
                    ])
                }
                for a in response.answers {
                    try insertAnswer.execute([.integer(id), .text(a.question), .text(a.value), .optional(a.line)])
                }
                stored.append(
                    Submission(
                        id: id, questionnaire: file.questionnaire, received: received,
                        sourceFile: file.name, format: file.format, encoding: file.encoding.rawValue,
                        delimiter: file.delimiter, checksum: checksum, fileID: fileID,
                        response: response, warnings: file.warnings))
            }
        }
        return stored
    }

    /// Every submission, superseded ones included, in received order (then id).
    ///
    /// - Parameter questionnaire: only this questionnaire's, or all when `nil`.
    public func submissions(questionnaire: String? = nil) throws(SurveyError) -> [Submission] {
        do {
            return try fetch(where: questionnaire.map { ("s.questionnaire = ?", [.text($0)]) })
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
        do {
            return try db.query("SELECT bytes FROM files WHERE id = ?", [.integer(fileID)]) { $0.blob(0) }
                .first ?? []
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

    private func fetch(where filter: (String, [SQLValue])?) throws(SQLiteError) -> [Submission] {
        let condition = filter.map { "WHERE \($0.0)" } ?? ""
        let values = filter?.1 ?? []
        var submissions = try db.query(
            """
            SELECT s.id, s.questionnaire, s.delegation, s.respondent, s.received_ms, f.name,
                s.format, s.encoding, s.delimiter, f.sha256, s.file_id, s.dated, s.comments,
                s.first_line, s.warnings
            FROM submissions s JOIN files f ON f.id = s.file_id
            \(condition)
            ORDER BY s.received_ms, s.id
            """, values
        ) { row in
            Submission(
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
            SELECT submission_id, threat, priority, comment, origin, phrase, line, col FROM mentions
            WHERE submission_id IN (\(scope)) ORDER BY submission_id, id
            """, values,
            row: { row in
                (
                    row.int(0),
                    Mention(
                        threat: row.text(1), priority: row.optionalInt(2), comment: row.optionalText(3),
                        origin: Mention.Origin(rawValue: row.text(4)) ?? .structured,
                        phrase: row.optionalText(5), line: row.optionalInt(6), column: row.optionalInt(7))
                )
            })
        {
            if let i = position[id] { submissions[i].response.mentions.append(mention) }
        }
        for (id, answer) in try db.query(
            "SELECT submission_id, question, value, line FROM answers WHERE submission_id IN (\(scope)) "
                + "ORDER BY submission_id, rowid", values,
            row: { ($0.int(0), Response.Answer(question: $0.text(1), value: $0.text(2), line: $0.optionalInt(3))) })
        {
            if let i = position[id] { submissions[i].response.answers.append(answer) }
        }
        return submissions
    }
}
