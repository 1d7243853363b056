import Foundation

extension Store {
    /// Schema version 4: the officer's decisions, append-only.
    static let decisionsMigration = """
        CREATE TABLE decisions(
            id INTEGER PRIMARY KEY,
            submission_id INTEGER NOT NULL REFERENCES submissions(id),
            action TEXT NOT NULL CHECK(action IN ('accept', 'reject', 'priority', 'add', 'void')),
            mention INTEGER CHECK(mention IS NULL OR mention >= 1),
            threat TEXT,
            priority INTEGER CHECK(priority IS NULL OR priority >= 1),
            reason TEXT NOT NULL CHECK(length(trim(reason)) > 0),
            decided_by TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            decided_ms INTEGER NOT NULL
        );
        CREATE INDEX decisions_by_submission ON decisions(submission_id, id);
        CREATE TRIGGER decisions_never_deleted BEFORE DELETE ON decisions
            BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;
        CREATE TRIGGER decisions_never_changed BEFORE UPDATE ON decisions
            BEGIN SELECT RAISE(ABORT, 'decisions are never changed'); END;
        """

    /// Records `decisions` in one transaction (all or none), with their new ids.
    ///
    /// - Throws: ``SurveyError/io(_:)`` when the store fails; nothing is then recorded.
    @discardableResult
    public func record(_ decisions: [Decision]) throws(SurveyError) -> [Decision] {
        var out: [Decision] = []
        do {
            try db.transaction { () throws -> TransactionCompletion in
                let insert = try db.prepare(
                    """
                    INSERT INTO decisions(submission_id, action, mention, threat, priority, reason,
                        decided_by, decided_at, decided_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for var d in decisions {
                    let millis = Int64((d.at.timeIntervalSince1970 * 1000).rounded())
                    try insert.execute([
                        .integer(d.submission), .text(d.action.rawValue), .optional(d.mention),
                        .optional(d.threat), .optional(d.priority), .text(d.reason), .text(d.by),
                        .text(Timestamp.storage(d.at)), .integer(millis),
                    ])
                    d.id = db.lastInsertedRowID
                    d.at = Date(timeIntervalSince1970: Double(millis) / 1000)
                    out.append(d)
                }
                return .commit
            }
        } catch {
            throw fail(error)
        }
        return out
    }

    /// The decisions recorded about `submission` (or, with `nil`, about every submission to
    /// `questionnaire`, or every decision), in the order recorded.
    ///
    /// - Complexity: one indexed query; O(d) rows for d decisions.
    public func decisions(submission: Int64? = nil, questionnaire: String? = nil)
        throws(SurveyError) -> [Decision]
    {
        var condition = ""
        var values: [SQLValue] = []
        if let submission {
            condition = "WHERE d.submission_id = ?"
            values = [.integer(submission)]
        } else if let questionnaire {
            // From the decisions (a handful) to their submissions, never the other way: on a
            // million streamed respondents that read every submission (0.2 s per command).
            condition =
                "CROSS JOIN submissions s ON s.id = d.submission_id WHERE s.questionnaire = ?"
            values = [.text(questionnaire)]
        }
        do {
            return try db.query(
                """
                SELECT d.id, d.submission_id, d.action, d.mention, d.threat, d.priority, d.reason,
                    d.decided_by, d.decided_ms
                FROM decisions d \(condition) ORDER BY d.id
                """, values
            ) { row in
                Decision(
                    id: row.int(0), submission: row.int(1),
                    action: Decision.Action(rawValue: row.text(2)) ?? .reject,
                    mention: row.optionalInt(3), threat: row.optionalText(4),
                    priority: row.optionalInt(5),
                    reason: row.text(6), by: row.text(7),
                    at: Date(timeIntervalSince1970: Double(row.int(8)) / 1000))
            }
        } catch {
            throw fail(error)
        }
    }

    /// The submissions as they count: the reading with the officer's decisions applied,
    /// voided ones left out (see ``Decision/apply(_:to:)``), in received order.
    ///
    /// Every analysis reads its answers through here, so that a decision changes every
    /// figure at once.
    ///
    /// - Complexity: as ``submissions(questionnaire:respondents:)``, plus O(d) for
    ///   d decisions.
    public func countedSubmissions(
        questionnaire: String? = nil, respondents: Bool = true
    )
        throws(SurveyError)
        -> [Submission]
    {
        let all = try submissions(
            questionnaire: questionnaire, respondents: respondents)
        let decisions = try self.decisions(questionnaire: questionnaire)
        guard !decisions.isEmpty else { return all }
        let bySubmission = Dictionary(grouping: decisions, by: \.submission)
        return all.compactMap { s in
            guard let mine = bySubmission[s.id] else { return s }
            return Decision.apply(mine, to: s)
        }
    }

    /// The void recorded for each voided submission (of `questionnaire`, or all).
    public func voids(questionnaire: String? = nil) throws(SurveyError) -> [Int64: Decision] {
        var out: [Int64: Decision] = [:]
        for d in try decisions(questionnaire: questionnaire)
        where d.action == .void && out[d.submission] == nil {
            out[d.submission] = d
        }
        return out
    }
}

extension Store {
    /// SQL condition on a submission `s`: no decision voided it.
    static let notVoided =
        "NOT EXISTS (SELECT 1 FROM decisions v WHERE v.submission_id = s.id AND v.action = 'void')"
}
