extension MentionAggregate {
    /// The sums of the current answers (one per state, or per respondent).
    public init(questionnaire: Questionnaire, current: CurrentAnswers) {
        threats = questionnaire.threats.map(\.id)
        let index = Dictionary(uniqueKeysWithValues: threats.enumerated().map { ($1, $0) })
        states = [:]
        carriesRespondents = false
        // One answer's priorities per threat, reused for every answer.
        var scratch = [Int32](repeating: SumsRow.notMentioned, count: threats.count)
        for (state, answers) in current.byState {
            var sums = StateSums(threats: threats.count)
            for s in answers {
                if s.response.respondent != nil { carriesRespondents = true }
                for t in scratch.indices { scratch[t] = SumsRow.notMentioned }
                // Negated prose matches are evidence, not mentions (Mention.counts).
                for mention in s.response.mentions where mention.counts {
                    guard let t = index[mention.threat] else { continue }
                    scratch[t] = SumsRow.merge(scratch[t], mention.priority)
                }
                scratch.withUnsafeBufferPointer { sums.addAnswer(priorities: $0) }
            }
            states[state] = sums
        }
    }
}
