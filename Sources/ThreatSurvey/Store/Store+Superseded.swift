import Foundation

extension Store {
    /// The current submission of each (Member State, respondent) in `keys` for
    /// `questionnaire`: what a new submission naming them would supersede.
    ///
    /// `submit` used to load every submission of the questionnaire to tell this (a million
    /// for a streamed consultation); only the few columns that decide "current" are read
    /// here, row by row, and only the winners for the keys asked are loaded whole.
    ///
    /// - Parameters:
    ///   - questionnaire: the questionnaire's id.
    ///   - keys: Member State code and respondent (`""` for none).
    /// - Returns: the current submissions, each once, in received order (then id).
    /// - Throws: ``SurveyError`` when the store cannot be read.
    /// - Complexity: one pass over the questionnaire's submissions and cosignatories in
    ///   SQLite; memory grows with `keys`, not with the store.
    public func currentSubmissions(
        questionnaire: String, keys: Set<SubmissionKey>
    ) throws(SurveyError) -> [Submission] {
        guard !keys.isEmpty else { return [] }
        let states = Set(keys.map(\.memberState))
        var best: [SubmissionKey: (received: Int64, id: Int64)] = [:]
        func consider(_ state: String, _ respondent: String, _ received: Int64, _ id: Int64) {
            guard states.contains(state) else { return }
            let key = SubmissionKey(memberState: state, respondent: respondent)
            guard keys.contains(key) else { return }
            if let known = best[key], (known.received, known.id) >= (received, id) { return }
            best[key] = (received, id)
        }
        do {
            let own = try db.prepare(
                "SELECT delegation, COALESCE(respondent, ''), received_ms, id FROM submissions WHERE questionnaire = ?"
            )
            try own.bind([.text(questionnaire)])
            while try own.step() { consider(own.text(0), own.text(1), own.int(2), own.int(3)) }
            let joint = try db.prepare(
                """
                SELECT c.member_state, COALESCE(s.respondent, ''), s.received_ms, s.id
                FROM cosignatories c JOIN submissions s ON s.id = c.submission_id WHERE s.questionnaire = ?
                """)
            try joint.bind([.text(questionnaire)])
            while try joint.step() {
                consider(joint.text(0), joint.text(1), joint.int(2), joint.int(3))
            }
        } catch {
            throw fail(error)
        }
        var out: [Submission] = []
        for id in Set(best.values.map(\.id)).sorted() {
            if let found = try submission(id: id) { out.append(found) }
        }
        return out.sorted { ($0.received, $0.id) < ($1.received, $1.id) }
    }

    /// The highest submission id of `questionnaire` (0 when it has none): where a dry run
    /// numbers its submissions from.
    public func highestSubmissionID(questionnaire: String) throws(SurveyError) -> Int64 {
        do {
            return try db.query(
                "SELECT COALESCE(MAX(id), 0) FROM submissions WHERE questionnaire = ?",
                [.text(questionnaire)]
            ) { $0.int(0) }.first ?? 0
        } catch {
            throw fail(error)
        }
    }
}
