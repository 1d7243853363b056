public import Foundation

extension Store {
    /// The id of the current answer of `memberState` (as delegation or cosignatory) for
    /// `respondent` to `questionnaire`: the latest received (then highest id), or `nil`.
    ///
    /// Asked of SQLite directly so that `show N` and `submit` need neither every submission
    /// in memory nor time growing with the store: the index `submissions_by_answerer` (schema
    /// 7) leads straight to the newest answer of the delegation, and a joint answer is found
    /// through `cosignatories_by_member_state`. No respondent matches a stored `NULL` or `''`
    /// alike (a JSON answer may say `"respondent": ""`). A submission gathering respondents
    /// fills no such slot: which of its respondents' answers count is decided among the
    /// answers that name respondents (`respondentSubmissions(questionnaire:memberStates:)`).
    ///
    /// - Complexity: O(log n) for the delegation's own answers (plus any voided ones newer
    ///   than the current), O(j) for the Member State's joint answers; constant memory.
    public func currentSubmissionID(
        questionnaire: String, memberState: String, respondent: String?
    ) throws(SurveyError) -> Int64? {
        let named = respondent.flatMap { $0.isEmpty ? nil : $0 }
        do {
            return try db.query(
                Store.currentAnswerSQL,
                [
                    .text(questionnaire), .text(memberState), named.map { .text($0) } ?? .null,
                    .text(named ?? ""),
                ]
            ) { $0.int(0) }.first
        } catch {
            throw fail(error)
        }
    }

    /// The query behind ``currentSubmissionID(questionnaire:memberState:respondent:)``.
    ///
    /// Parameters: ?1 questionnaire, ?2 Member State, ?3 respondent or `NULL`, ?4 respondent
    /// or `''`.
    /// `CROSS JOIN` keeps SQLite from starting a joint answer's search at the questionnaire's
    /// submissions (a scan of all of them) when the store has no statistics.
    static let currentAnswerSQL: String = {
        let newest = "ORDER BY s.received_ms DESC, s.id DESC LIMIT 1"
        return """
            SELECT id FROM (
                SELECT * FROM (SELECT s.id, s.received_ms FROM submissions s
                    WHERE s.questionnaire = ?1 AND s.delegation = ?2 AND s.respondent IS ?3
                    AND s.respondent_count = 0 AND \(Store.notVoided) \(newest))
                UNION ALL SELECT * FROM (SELECT s.id, s.received_ms FROM submissions s
                    WHERE s.questionnaire = ?1 AND s.delegation = ?2 AND s.respondent = ?4
                    AND \(Store.notVoided) \(newest))
                UNION ALL SELECT * FROM (SELECT s.id, s.received_ms FROM cosignatories c
                    CROSS JOIN submissions s ON s.id = c.submission_id
                    WHERE c.member_state = ?2 AND s.questionnaire = ?1
                    AND COALESCE(s.respondent, '') = ?4 AND s.respondent_count = 0
                    AND \(Store.notVoided) \(newest))
            ) ORDER BY received_ms DESC, id DESC LIMIT 1
            """
    }()
}

extension Store {
    /// The `limit` most recently received submissions (of `questionnaire`, or of all), in
    /// received order: what `history --limit N` shows.
    ///
    /// - Complexity: each delegation's part of the index `submissions_by_delegation` is
    ///   walked from the newest and the walks merged, so the cost grows with `limit` and the
    ///   number of (questionnaire, delegation) pairs, not with the store (past
    ///   `latestMergeLimit` pairs, one sort of every id). Memory holds `limit` submissions.
    public func latestSubmissions(questionnaire: String?, limit: Int) throws(SurveyError)
        -> [Submission]
    {
        let bounded = Int64(max(0, limit))
        let newest = "ORDER BY received_ms DESC, id DESC LIMIT ?"
        do {
            var questionnaires = [questionnaire].compactMap { $0 }
            if questionnaire == nil { questionnaires = try storedQuestionnaires() }
            var pairs: [(String, String)] = []
            for q in questionnaires {
                for d in try delegations(questionnaire: q) { pairs.append((q, d)) }
                if pairs.count > Store.latestMergeLimit { break }
            }
            if pairs.isEmpty { return [] }
            var scope = "SELECT id, received_ms FROM submissions"
            var values: [SQLValue] = []
            if pairs.count <= Store.latestMergeLimit {
                scope = pairs.map { _ in
                    "SELECT * FROM (SELECT id, received_ms FROM submissions WHERE questionnaire = ? AND delegation = ? \(newest))"
                }.joined(separator: " UNION ALL ")
                for (q, d) in pairs { values += [.text(q), .text(d), .integer(bounded)] }
            } else if let questionnaire {
                scope += " WHERE questionnaire = ?"
                values.append(.text(questionnaire))
            }
            values.append(.integer(bounded))
            // Respondents' answers are not read: a line of history counts them.
            return try fetch(
                where: ("s.id IN (SELECT id FROM (\(scope)) \(newest))", values), respondents: false
            )
        } catch {
            throw fail(error)
        }
    }

    /// (Questionnaire, delegation) pairs beyond which `history --limit` sorts every id instead
    /// of merging each one's latest (SQLite allows 500 terms in a compound query).
    static let latestMergeLimit = 100
}

extension Store {
    /// The largest stored time (milliseconds since 1970) that is before `cutoff` by the rule
    /// the analyses apply to a loaded submission (`Date(millis / 1000) < cutoff`), so that an
    /// index seek and that rule agree to the millisecond.
    static func lastMillisecond(before cutoff: Date) -> Int64 {
        let scaled = cutoff.timeIntervalSince1970 * 1000
        guard scaled.isFinite else { return scaled > 0 ? Int64.max : Int64.min }
        let limit = 9_000_000_000_000_000.0  // well inside Int64, far past year 9999
        var millis = Int64(min(max(scaled.rounded(.down), -limit), limit))
        func before(_ m: Int64) -> Bool { Date(timeIntervalSince1970: Double(m) / 1000) < cutoff }
        // Floating-point rounding can put the boundary one step either way: two steps suffice.
        for _ in 0..<2 where !before(millis) { millis -= 1 }
        for _ in 0..<2 where before(millis + 1) { millis += 1 }
        return millis
    }

    /// The delegations that submitted answers to `questionnaire` (cosignatories not included).
    ///
    /// - Complexity: O(d log n) for d delegations: the index `submissions_by_delegation` is
    ///   skipped from one delegation to the next (a loose index scan).
    func delegations(questionnaire: String) throws(SQLiteError) -> [String] {
        try db.query(
            """
            WITH RECURSIVE d(state) AS (
                SELECT MIN(delegation) FROM submissions WHERE questionnaire = ?1
                UNION ALL
                SELECT (SELECT MIN(delegation) FROM submissions
                    WHERE questionnaire = ?1 AND delegation > d.state)
                FROM d WHERE d.state IS NOT NULL
            )
            SELECT state FROM d WHERE state IS NOT NULL
            """, [.text(questionnaire)]
        ) { $0.text(0) }
    }

    /// Per Member State (as delegation or cosignatory), its first and last answer to
    /// `questionnaire` received before `cutoff`, voided answers left out.
    ///
    /// This is the index-seek reading of the rule defined in Swift by
    /// ``FirstAndLastAnswer/of(_:before:)`` (and, for the times alone, by
    /// `CountedAnswers.answerTimes`) applied to the counted submissions: first is the least
    /// (received, id), last the greatest, the cutoff compared as a loaded submission's time
    /// is (`lastMillisecond(before:)`). The two must agree on every store;
    /// `FirstAndLastAnswerAgreementTests` holds them together on random ones.
    ///
    /// - Complexity: O(d log n) for the d delegations that answered (found by skipping
    ///   through the index `submissions_by_delegation`, schema 7, two seeks each), plus one
    ///   pass over the store's joint answers; flat memory. A pass over every submission cost
    ///   0.7 s on a million streamed respondents (loading them all, before that, gigabytes).
    public func firstAndLastAnswers(questionnaire: String, before cutoff: Date) throws(SurveyError)
        -> [String: FirstAndLastAnswer]
    {
        var out: [String: FirstAndLastAnswer] = [:]
        func add(_ state: String, _ id: Int64, _ millis: Int64) {
            let received = Date(timeIntervalSince1970: Double(millis) / 1000)
            guard received < cutoff else { return }
            if out[state] == nil {
                out[state] = FirstAndLastAnswer(first: (id, received), last: (id, received))
            } else {
                out[state]?.include(id: id, received: received)
            }
        }
        let bound = SQLValue.integer(Store.lastMillisecond(before: cutoff))
        do {
            let delegations = try self.delegations(questionnaire: questionnaire)
            let seek = { (order: String) throws(SQLiteError) -> Statement in
                try self.db.prepare(
                    """
                    SELECT s.id, s.received_ms FROM submissions s
                    WHERE s.questionnaire = ?1 AND s.delegation = ?2 AND s.received_ms <= ?3
                        AND \(Store.notVoided)
                    ORDER BY s.received_ms \(order), s.id \(order) LIMIT 1
                    """)
            }
            let first = try seek("ASC")
            let last = try seek("DESC")
            for state in delegations {
                for statement in [first, last] {
                    try statement.bind([.text(questionnaire), .text(state), bound])
                    while try statement.step() { add(state, statement.int(0), statement.int(1)) }
                }
            }
            let cosignatories = try db.prepare(
                """
                SELECT c.submission_id, s.received_ms, c.member_state FROM cosignatories c
                CROSS JOIN submissions s ON s.id = c.submission_id
                WHERE s.questionnaire = ? AND \(Store.notVoided)
                """)
            try cosignatories.bind([.text(questionnaire)])
            while try cosignatories.step() {
                add(cosignatories.text(2), cosignatories.int(0), cosignatories.int(1))
            }
        } catch {
            throw fail(error)
        }
        return out
    }
}

extension Store {
    /// The numbers of the submissions of `questionnaire` that gather respondents and speak for
    /// any of `memberStates` (as delegation or cosignatory).
    ///
    /// - Throws: ``SurveyError`` when the store cannot be read.
    package func gatheringSubmissionIDs(questionnaire: String, memberStates: [String])
        throws(SurveyError) -> [Int64]
    {
        guard !memberStates.isEmpty else { return [] }
        let marks = memberStates.map { _ in "?" }.joined(separator: ",")
        let states = memberStates.map { SQLValue.text($0) }
        do {
            return try db.query(
                """
                SELECT s.id FROM submissions s WHERE s.questionnaire = ? AND s.respondent_count > 0
                AND (s.delegation IN (\(marks)) OR s.id IN
                    (SELECT submission_id FROM cosignatories WHERE member_state IN (\(marks))))
                """, [.text(questionnaire)] + states + states
            ) { $0.int(0) }
        } catch {
            throw fail(error)
        }
    }

    /// The submissions of `questionnaire` that gather respondents or name one, speaking for
    /// any of `memberStates` (as delegation or cosignatory), with their respondents'
    /// answers when `respondents`: what decides which of a respondent submission's answers
    /// count.
    ///
    /// - Throws: ``SurveyError`` when the store cannot be read.
    package func respondentSubmissions(
        questionnaire: String, memberStates: [String], respondents: Bool = true
    )
        throws(SurveyError) -> [Submission]
    {
        guard !memberStates.isEmpty else { return [] }
        let marks = memberStates.map { _ in "?" }.joined(separator: ",")
        let states = memberStates.map { SQLValue.text($0) }
        do {
            return try fetch(
                where: (
                    """
                    s.questionnaire = ? AND (s.respondent_count > 0 OR s.respondent IS NOT NULL)
                    AND (s.delegation IN (\(marks)) OR s.id IN
                        (SELECT submission_id FROM cosignatories WHERE member_state IN (\(marks))))
                    """, [.text(questionnaire)] + states + states
                ), respondents: respondents)
        } catch {
            throw fail(error)
        }
    }
}
