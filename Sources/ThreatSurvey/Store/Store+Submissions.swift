import Foundation

extension Store {
    /// Stores every file and its submissions in one transaction: all of them, or none.
    ///
    /// A response gathering respondents (``Response/gathered(_:)``) is one submission whose
    /// answers are packed (`RespondentPack`), with their sums over `threats`.
    ///
    /// - Parameters:
    ///   - files: the files and what was read from them.
    ///   - threats: the questionnaire's threat ids, in order, which respondents' sums are
    ///     kept over (empty: none kept; the figures then read the packed answers).
    /// - Returns: the stored submissions, in order, with their new ids.
    /// - Throws: ``SurveyError/io(_:)`` when the store fails; nothing is then stored.
    public func insert(_ files: [PendingFile], threats: [String] = []) throws(SurveyError)
        -> [Submission]
    {
        var stored: [Submission] = []
        do {
            try db.transaction {
                stored = try insertAll(files, threats: threats)
                return .commit
            }
        } catch {
            throw fail(error)
        }
        return stored
    }

    private func insertAll(_ files: [PendingFile], threats: [String]) throws(SQLiteError)
        -> [Submission]
    {
        let insertFile = try db.prepare(
            "INSERT INTO files(name, bytes, sha256, size, stored_at, compression) VALUES (?, ?, ?, ?, ?, ?)"
        )
        let insertSubmission = try db.prepare(
            """
            INSERT INTO submissions(questionnaire, delegation, respondent, received, received_ms,
                file_id, format, encoding, delimiter, dated, comments, first_line, warnings, part, part_sha256,
                source, respondents, respondent_count, sums)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
        // A mail with several answer attachments is kept once, shared by their submissions.
        var mailFileIDs: [String: Int64] = [:]
        for file in files {
            let checksum = file.checksum
            let fileID: Int64
            if file.part != nil, let known = mailFileIDs[file.name + "\u{1F}" + checksum] {
                fileID = known
            } else {
                // Kept compressed when that is smaller; the checksum and size are the original's.
                let compressed = ZlibStream.compress(file.bytes)
                try insertFile.execute([
                    .text(file.name), .blob(compressed ?? file.bytes), .text(checksum),
                    .integer(Int64(file.bytes.count)),
                    .text(now), compressed == nil ? .null : .text(Store.zlibCompression),
                ])
                fileID = db.lastInsertedRowID
                if file.part != nil { mailFileIDs[file.name + "\u{1F}" + checksum] = fileID }
            }
            let receivedMillis = Int64((file.received.timeIntervalSince1970 * 1000).rounded())
            let received = Date(timeIntervalSince1970: Double(receivedMillis) / 1000)
            // The file's warnings are stored once, with its first submission.
            let warnings = file.warnings.joined(separator: "\n")
            for (index, response) in file.responses.enumerated() {
                let pack = packed(response, threats: threats)
                if !response.respondents.isEmpty {
                    try insertMentionedThreats(
                        questionnaire: file.questionnaire,
                        threats: Set(response.respondents.flatMap { $0.mentions.map(\.threat) })
                            .sorted())
                }
                try insertSubmission.execute([
                    .text(file.questionnaire), .text(response.delegation),
                    .optional(response.respondent),
                    .text(Timestamp.storage(received)), .integer(receivedMillis), .integer(fileID),
                    .text(file.format.rawValue), .text(file.encoding.rawValue),
                    .optional(file.delimiter),
                    .optional(response.dated?.description), .optional(response.comments),
                    .optional(response.line), .text(index == 0 ? warnings : ""),
                    .optional(file.part?.name), .optional(file.part?.checksum),
                    .optional(file.source), pack.respondents,
                    .integer(Int64(response.respondents.count)), pack.sums,
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
                        response: response, warnings: index == 0 ? file.warnings : [],
                        part: file.part, source: file.source))
            }
        }
        return stored
    }

    /// The packed respondents of `response` and their sums over `threats`, as stored (both
    /// `NULL` for a delegation's own answer; sums `NULL` when no threats are given).
    private func packed(_ response: Response, threats: [String]) -> (
        respondents: SQLValue, sums: SQLValue
    ) {
        guard !response.respondents.isEmpty else { return (.null, .null) }
        let sums =
            threats.isEmpty
            ? SQLValue.null
            : .blob(
                PackedSums.encode(
                    response.respondentSums(threats: threats), threats: threats,
                    answersQuestions: response.respondents.contains { !$0.answers.isEmpty }))
        return (.blob(RespondentPack.encode(response.respondents)), sums)
    }

    /// Every submission, superseded ones included, in received order (then id).
    ///
    /// - Parameters:
    ///   - questionnaire: only this questionnaire's, or all when `nil`.
    ///   - respondents: whether submissions gathering respondents are given with their
    ///     respondents' answers (`false`: counted by ``Response/respondentCount`` only, for
    ///     the figures, which read their sums).
    /// - Returns: the submissions, in received order (then id).
    /// - Throws: ``SurveyError`` when the store cannot be read.
    public func submissions(
        questionnaire: String? = nil, respondents: Bool = true
    )
        throws(SurveyError) -> [Submission]
    {
        var conditions: [String] = []
        var values: [SQLValue] = []
        if let questionnaire {
            conditions.append("s.questionnaire = ?")
            values.append(.text(questionnaire))
        }
        do {
            return try fetch(
                where: conditions.isEmpty ? nil : (conditions.joined(separator: " AND "), values),
                respondents: respondents)
        } catch {
            throw fail(error)
        }
    }

    /// How many submissions ``submissions(questionnaire:respondents:)`` would give,
    /// counted by the store (an index scan) instead of loaded.
    ///
    /// - Throws: ``SurveyError`` when the store cannot be read.
    package func submissionCount(questionnaire: String)
        throws(SurveyError) -> Int
    {
        do {
            return try db.query(
                "SELECT COUNT(*) AS n FROM submissions WHERE questionnaire = ?",
                [.text(questionnaire)]
            ) { Int($0.int("n")) }.first ?? 0
        } catch {
            throw fail(error)
        }
    }

    /// The submissions with these ids (those that exist), with their respondents' answers,
    /// in received order (then id).
    ///
    /// - Throws: ``SurveyError`` when the store cannot be read.
    package func submissions(ids: [Int64]) throws(SurveyError) -> [Submission] {
        guard !ids.isEmpty else { return [] }
        do {
            var out: [Submission] = []
            // SQLite binds at most 32,766 values a statement.
            for start in stride(from: 0, to: ids.count, by: 10_000) {
                let part = ids[start..<min(ids.count, start + 10_000)]
                out += try fetch(
                    where: (
                        "s.id IN (" + part.map { _ in "?" }.joined(separator: ",") + ")",
                        part.map { .integer($0) }
                    ))
            }
            return out.sorted { ($0.received, $0.id) < ($1.received, $1.id) }
        } catch {
            throw fail(error)
        }
    }

    /// The answers of the first `limit` respondents of submission `id` (none when it gathers
    /// no respondents): what `show` lists without reading a hundred thousand.
    ///
    /// - Throws: ``SurveyError`` when the store cannot be read or the pack is damaged.
    package func respondentAnswers(of submission: Submission, limit: Int) throws(SurveyError)
        -> [Response]
    {
        do {
            guard
                let bytes = try db.query(
                    "SELECT respondents FROM submissions WHERE id = ? AND respondents IS NOT NULL",
                    [.integer(submission.id)], row: { $0.blob(0) }
                ).first
            else { return [] }
            let read = RespondentPack.decode(
                bytes, delegation: submission.delegation,
                cosignatories: submission.response.cosignatories, limit: limit)
            guard read.complete else {
                throw SurveyError.io(
                    "\(path): the respondents' answers of submission \(submission.id) cannot be "
                        + "read; the store is damaged")
            }
            return read.answers
        } catch {
            throw fail(error)
        }
    }

    /// The sums kept with each submission of `questionnaire` gathering respondents, by
    /// submission, where they were summed over `threats` (others are left out: their packs
    /// are read instead).
    ///
    /// - Throws: ``SurveyError`` when the store cannot be read.
    package func respondentSums(questionnaire: String, threats: [String]) throws(SurveyError)
        -> [Int64: MentionAggregate.StateSums]
    {
        do {
            var out: [Int64: MentionAggregate.StateSums] = [:]
            for (id, bytes) in try db.query(
                "SELECT id, sums FROM submissions WHERE questionnaire = ? AND sums IS NOT NULL",
                [.text(questionnaire)], row: { ($0.int(0), $0.blob(1)) })
            {
                if let sums = PackedSums.decode(bytes, threats: threats) { out[id] = sums }
            }
            return out
        } catch {
            throw fail(error)
        }
    }

    /// The submission with this id, or `nil`; with its respondents' answers unless
    /// `respondents` is `false`.
    public func submission(id: Int64, respondents: Bool = true) throws(SurveyError)
        -> Submission?
    {
        do {
            return try fetch(where: ("s.id = ?", [.integer(id)]), respondents: respondents).first
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

    /// How `files.compression` marks bytes kept as a ``ZlibStream`` (schema 11).
    static let zlibCompression = "zlib"

    /// Hands the bytes of a stored file to `write` piece by piece (large files are kept in
    /// chunks and never held whole), decompressing what is kept compressed.
    ///
    /// Decompression is bounded by the sizes recorded beside the bytes (the file's `size`, and
    /// each compressed chunk's): a damaged store never makes this hold more than the original,
    /// and bytes that do not give back exactly the recorded size are an error naming the store
    /// and the file, never a different original.
    ///
    /// - Throws: ``SurveyError/io(_:)`` when the store cannot be read or the kept bytes are
    ///   damaged.
    public func writeOriginal(fileID: Int64, to write: ([UInt8]) -> Void) throws(SurveyError) {
        do {
            guard
                let file = try db.query(
                    "SELECT name, bytes, size, compression FROM files WHERE id = ?",
                    [.integer(fileID)],
                    row: {
                        (
                            name: $0.text("name"), bytes: $0.blob("bytes"),
                            size: Int($0.int("size")), compression: $0.optionalText("compression")
                        )
                    }
                ).first
            else { return }
            func damaged(_ what: String, _ error: ZlibStreamError) -> SurveyError {
                .io(
                    "\(path): the original of file \(fileID) (\(file.name)) cannot be given back: "
                        + "\(what): \(error); the store is damaged")
            }
            var given = 0
            var compressed = false
            switch file.compression {
            case nil:
                if !file.bytes.isEmpty { write(file.bytes) }
                given = file.bytes.count
            case Store.zlibCompression?:
                do {
                    write(try ZlibStream.inflate(file.bytes, size: file.size))
                } catch {
                    throw damaged("its bytes", error)
                }
                given = file.size
                compressed = true
            case let other?:
                throw SurveyError.io(
                    "\(path): the original of file \(fileID) (\(file.name)) is kept compressed "
                        + "as '\(other)', which this threatsurvey cannot read; upgrade the tool")
            }
            let chunks = try db.prepare(
                "SELECT seq, bytes, size FROM file_chunks WHERE file_id = ? ORDER BY seq")
            try chunks.bind([.integer(fileID)])
            while try chunks.step() {
                let seq = chunks.int(0)
                guard let size = chunks.optionalInt(2) else {
                    let bytes = chunks.blob(1)
                    write(bytes)
                    given += bytes.count
                    continue
                }
                compressed = true
                // The recorded file size bounds every chunk: no chunk may give more than
                // what is left of it.
                let left = file.size - given
                guard size >= 0, size <= left else {
                    throw damaged(
                        "chunk \(seq)", .sizeMismatch(recorded: max(left, 0), actual: size))
                }
                do {
                    write(try ZlibStream.inflate(chunks.blob(1), size: size))
                } catch {
                    throw damaged("chunk \(seq)", error)
                }
                given += size
            }
            if compressed, given != file.size {
                throw damaged(
                    "its chunks", .sizeMismatch(recorded: file.size, actual: given))
            }
        } catch {
            throw fail(error)
        }
    }

    /// The questionnaires the store holds answers to.
    ///
    /// - Complexity: O(q log n) for q questionnaires: the index is skipped from one
    ///   questionnaire to the next (a loose index scan), so a million submissions of one
    ///   questionnaire cost what 28 do; counting them (`GROUP BY`) read every row.
    public func storedQuestionnaires() throws(SurveyError) -> [String] {
        do {
            return try db.query(
                """
                WITH RECURSIVE q(id) AS (
                    SELECT MIN(questionnaire) FROM submissions
                    UNION ALL
                    SELECT (SELECT MIN(questionnaire) FROM submissions WHERE questionnaire > q.id)
                    FROM q WHERE q.id IS NOT NULL
                )
                SELECT id FROM q WHERE id IS NOT NULL
                """
            ) { $0.text(0) }
        } catch {
            throw fail(error)
        }
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

    /// The submissions `filter` selects, in received order (then id), with their
    /// cosignatories, mentions, answers and, when `respondents`, their respondents' answers
    /// (a pack that cannot be read whole is an error naming the submission: nothing read from
    /// a damaged store is counted silently).
    func fetch(where filter: (String, [SQLValue])?, respondents: Bool = true)
        throws(SQLiteError) -> [Submission]
    {
        let condition = filter.map { "WHERE \($0.0)" } ?? ""
        let values = filter?.1 ?? []
        var packs: [(id: Int64, bytes: [UInt8])] = []
        var submissions = try db.query(
            """
            SELECT s.id AS id, s.questionnaire AS questionnaire, s.delegation AS delegation,
                s.respondent AS respondent, s.received_ms AS received_ms, f.name AS file_name,
                s.format AS format, s.encoding AS encoding, s.delimiter AS delimiter, f.sha256 AS sha256,
                s.file_id AS file_id, s.dated AS dated, s.comments AS comments, s.first_line AS first_line,
                s.warnings AS warnings, s.packed_mentions AS packed_mentions, b.threats AS threats,
                s.part AS part, s.part_sha256 AS part_sha256, s.source AS source,
                s.respondent_count AS respondent_count,
                \(respondents ? "s.respondents" : "NULL") AS respondents,
                \(respondents ? "NULL" : "s.sums") AS sums
            FROM submissions s JOIN files f ON f.id = s.file_id \(Store.packedThreatsJoin)
            \(condition)
            ORDER BY s.received_ms, s.id
            """, values
        ) { row in
            var submission = Submission(
                id: row.int("id"), questionnaire: row.text("questionnaire"),
                received: Date(timeIntervalSince1970: Double(row.int("received_ms")) / 1000),
                sourceFile: row.text("file_name"),
                format: InputFormat(rawValue: row.text("format")) ?? .json,
                encoding: row.text("encoding"), delimiter: row.optionalText("delimiter"),
                checksum: row.text("sha256"),
                fileID: row.int("file_id"),
                response: Response(
                    delegation: row.text("delegation"), respondent: row.optionalText("respondent"),
                    dated: row.optionalText("dated").flatMap { CivilDate(iso: $0) },
                    comments: row.optionalText("comments"), line: row.optionalInt("first_line") ?? 1
                ),
                warnings: row.text("warnings").split(separator: "\n").map(String.init),
                part: row.optionalText("part").map {
                    SourcePart(name: $0, checksum: row.optionalText("part_sha256") ?? "")
                }, source: row.optionalText("source"))
            submission.response.respondentCount = Int(row.int("respondent_count"))
            if !row.isNull("respondents") { packs.append((row.int("id"), row.blob("respondents"))) }
            if !row.isNull("sums") {
                submission.response.respondentThreats = PackedSums.mentionedThreats(
                    in: row.blob("sums"))
            }
            if !row.isNull("packed_mentions") {
                let id = row.int("id")
                submission.response.mentions = Store.unpack(
                    row.blob("packed_mentions"), threats: row.text("threats")
                )
                .map { m in
                    var m = m
                    m.priority = self.bounded(m.priority, submission: id)
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
                + "ORDER BY submission_id, position", values,
            row: { ($0.int("submission_id"), $0.text("member_state")) })
        {
            if let i = position[id] { submissions[i].response.cosignatories.append(code) }
        }
        for (id, bytes) in packs {
            guard let i = position[id] else { continue }
            let response = submissions[i].response
            let read = RespondentPack.decode(
                bytes, delegation: response.delegation, cosignatories: response.cosignatories)
            guard read.complete, read.answers.count == response.respondentCount else {
                throw SQLiteError(
                    code: SQLiteError.ResultCode.corrupt.rawValue,
                    message: "the respondents' answers of submission \(id) cannot be read "
                        + "(\(read.answers.count) of \(response.respondentCount)); the store is damaged",
                    sql: nil)
            }
            submissions[i].response.respondents = read.answers.map { answer in
                var answer = answer
                answer.mentions = answer.mentions.map { m in
                    var m = m
                    m.priority = self.bounded(m.priority, submission: id)
                    return m
                }
                return answer
            }
            submissions[i].response.respondentThreats =
                submissions[i].response.countedRespondentThreats()
        }
        for (id, mention) in try db.query(
            """
            SELECT submission_id, threat, priority, comment, origin, phrase, line, col, negated, cue
            FROM mentions
            WHERE submission_id IN (\(scope)) ORDER BY submission_id, id
            """, values,
            row: { row in
                (
                    row.int("submission_id"),
                    Mention(
                        threat: row.text("threat"),
                        priority: self.bounded(
                            row.optionalInt("priority"), submission: row.int("submission_id")),
                        comment: row.optionalText("comment"),
                        origin: Mention.Origin(rawValue: row.text("origin")) ?? .structured,
                        phrase: row.optionalText("phrase"), line: row.optionalInt("line"),
                        column: row.optionalInt("col"), negated: row.int("negated") != 0,
                        cue: row.optionalText("cue"))
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
                    $0.int("submission_id"),
                    Response.Answer(
                        question: $0.text("question"), value: $0.text("value"),
                        line: $0.optionalInt("line"))
                )
            })
        {
            if let i = position[id] { submissions[i].response.answers.append(answer) }
        }
        return submissions
    }
}
