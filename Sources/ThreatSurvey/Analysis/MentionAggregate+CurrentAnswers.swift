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
                StateSums.fill(&scratch, with: s.response.mentions, index: index)
                sums.addAnswer(priorities: scratch)
            }
            states[state] = sums
        }
    }
}

extension MentionAggregate.StateSums {
    /// Writes one answer's priorities per threat into `scratch` (`SumsRow/notMentioned`
    /// where it names none): the one reading of an answer's mentions that every sum is
    /// built from, whether the answer was loaded or streamed back from the store.
    ///
    /// - Complexity: O(threats + mentions).
    static func fill(_ scratch: inout [Int32], with mentions: [Mention], index: [String: Int]) {
        for t in scratch.indices { scratch[t] = SumsRow.notMentioned }
        // Negated prose matches are evidence, not mentions (Mention.counts).
        for mention in mentions where mention.counts {
            guard let t = index[mention.threat], t < scratch.count else { continue }
            scratch[t] = SumsRow.merge(scratch[t], mention.priority)
        }
    }
}
