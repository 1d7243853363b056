/// Counts of the answers to a questionnaire's questions, overall and per region
/// (`tally`), from each Member State's current answer.
public struct Tally: Sendable {
    /// One question's counts.
    public struct QuestionTally: Sendable {
        /// The question.
        public var question: Question
        /// Per answer (in the question's option order: yes, no; or the options), the Member
        /// States giving it, protocol order.
        public var answers: [(value: String, memberStates: [String])]
        /// Responding Member States that did not answer this question.
        public var unanswered: [String]
        /// Per region id, per answer value, the count.
        public var byRegion: [(region: String, counts: [String: Int], unanswered: Int)]
    }

    /// The questionnaire.
    public var questionnaire: Questionnaire
    /// The grouping used for the per-region counts.
    public var grouping: Grouping
    /// Roster states with a current answer.
    public var responded: [String]
    /// One entry per question, in the questionnaire's order.
    public var questions: [QuestionTally]

    /// Tallies `submissions` (all of the questionnaire's), by `grouping`.
    public init(
        questionnaire: Questionnaire, submissions: [Submission], grouping: Grouping,
        options: RankingOptions = .init()
    ) {
        self.questionnaire = questionnaire
        self.grouping = grouping.restricted(to: questionnaire.roster)
        let cutoff = options.onTimeOnly ? questionnaire.onTimeCutoff : nil
        let current = CountedAnswers(
            questionnaire: questionnaire, submissions: submissions, asOf: options.asOf,
            receivedBefore: cutoff
        ).current
        let responded = questionnaire.roster.filter { current.byState[$0] != nil }
        self.responded = responded
        let regions = self.grouping.regions
        self.questions = questionnaire.questions.map { question in
            var byState: [String: String] = [:]
            for state in responded {
                // The latest current answer that answers this question.
                let answers = current.byState[state] ?? []  // in the one order
                for s in answers {
                    if let a = s.response.answers.last(where: { $0.question == question.id }) {
                        byState[state] = a.value
                    }
                }
            }
            var values = question.validAnswers
            for v in byState.values.sorted() where !values.contains(v) { values.append(v) }
            if case .text = question.kind { values = byState.isEmpty ? [] : ["answered"] }
            let valueOf: (String) -> String? = { state in
                guard let v = byState[state] else { return nil }
                if case .text = question.kind { return "answered" }
                return v
            }
            let answers = values.map { value in (value, responded.filter { valueOf($0) == value }) }
            let unanswered = responded.filter { valueOf($0) == nil }
            let byRegion = regions.map { region in
                let members = region.members.filter(responded.contains)
                var counts: [String: Int] = [:]
                for state in members { if let v = valueOf(state) { counts[v, default: 0] += 1 } }
                return (region.id, counts, members.filter { valueOf($0) == nil }.count)
            }
            return QuestionTally(
                question: question, answers: answers, unanswered: unanswered, byRegion: byRegion)
        }
    }
}
