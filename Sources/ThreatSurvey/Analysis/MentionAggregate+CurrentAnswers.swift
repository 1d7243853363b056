extension MentionAggregate {
    /// The sums of the current answers (one per state, or per respondent).
    public init(questionnaire: Questionnaire, current: CurrentAnswers) {
        threats = questionnaire.threats.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: threats.enumerated().map { ($1, $0) })
        states = [:]
        carriesRespondents = false
        for (state, answers) in current.byState {
            var sums = StateSums(threats: threats.count)
            for s in answers {
                if s.response.respondent != nil { carriesRespondents = true }
                let mentioned = s.response.threats.compactMap { t in
                    index[t].map { (index: $0, priority: s.response.priority(of: t)) }
                }
                sums.addAnswer(mentioned, total: threats.count)
            }
            states[state] = sums
        }
    }
}
