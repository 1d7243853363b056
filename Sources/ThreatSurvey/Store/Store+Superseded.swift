import Foundation

extension Store {
    /// The current submission of each (Member State, respondent) in `keys` for
    /// `questionnaire`: what a new submission naming them would supersede.
    ///
    /// `submit` used to load every submission of the questionnaire to tell this (a million
    /// for a streamed consultation); each key is now asked of the index through the one
    /// "current answer" rule (``currentSubmissionID(questionnaire:memberState:respondent:)``),
    /// and only the winners are loaded whole.
    ///
    /// - Parameters:
    ///   - questionnaire: the questionnaire's id.
    ///   - keys: Member State code and respondent (`""` for none).
    /// - Returns: the current submissions, each once, in received order (then id).
    /// - Throws: ``SurveyError`` when the store cannot be read.
    /// - Complexity: one indexed query per key: grows with what is submitted, not with the
    ///   store.
    public func currentSubmissions(
        questionnaire: String, keys: Set<SubmissionKey>
    ) throws(SurveyError) -> [Submission] {
        var winners = Set<Int64>()
        for key in keys {
            if let id = try currentSubmissionID(
                questionnaire: questionnaire, memberState: key.memberState,
                respondent: key.respondent)
            {
                winners.insert(id)
            }
        }
        var out: [Submission] = []
        for id in winners.sorted() {
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
