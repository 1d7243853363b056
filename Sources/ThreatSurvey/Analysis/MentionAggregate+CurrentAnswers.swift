extension MentionAggregate {
    /// The sums of the current answers (one per state, or per respondent).
    ///
    /// - Parameters:
    ///   - questionnaire: the questionnaire, whose threats the sums are kept over.
    ///   - current: the current answers.
    ///   - packSums: the sums kept with submissions gathering respondents whose answers were
    ///     not read (``Submission/answers`` gives such a submission as one answer).
    public init(
        questionnaire: Questionnaire, current: CurrentAnswers,
        packSums: [Int64: MentionAggregate.StateSums] = [:]
    ) {
        threats = questionnaire.threats.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: threats.enumerated().map { ($1, $0) })
        states = [:]
        carriesRespondents = false
        // One answer's priorities per threat, reused for every answer.
        var scratch = [Int32](repeating: SumsRow.notMentioned, count: threats.count)
        for (state, answers) in current.byState {
            var sums = StateSums(threats: threats.count)
            for s in answers {
                if s.response.respondent != nil || s.gathersRespondents {
                    carriesRespondents = true
                }
                if s.gathersRespondents, s.response.respondents.isEmpty {
                    if let kept = packSums[s.id] { sums.add(kept) }
                    continue
                }
                StateSums.fill(&scratch, with: s.response.mentions, index: index)
                sums.addAnswer(priorities: scratch)
            }
            states[state] = sums
        }
    }
}
