extension Submission {
    /// The answers this submission gives, one per respondent where it gathers respondents
    /// (each numbered as the submission, and carrying its file and time), itself otherwise:
    /// what the "current answer" rule (`CurrentAnswers`) chooses among.
    ///
    /// A stored submission whose respondents were not loaded (the figures read its sums
    /// instead) is given as itself: one answer standing for them all.
    public var answers: [Submission] {
        guard !response.respondents.isEmpty else { return [self] }
        return response.respondents.map { respondent in
            var answer = self
            answer.response = respondent
            answer.response.delegation = response.delegation
            answer.response.cosignatories = response.cosignatories
            // A respondent's answer carries the file's warnings once, with the submission.
            answer.warnings = []
            return answer
        }
    }

    /// Whether this submission gathers respondents' answers (loaded or not).
    public var gathersRespondents: Bool { response.respondentCount > 0 }
}
