public import Foundation

extension ReportModel {
    /// Builds every figure of the report from `inputs`, as they stood at the end of their day.
    ///
    /// The phases: the answers counted (`CountedAnswers`: the current answers, a delegation's
    /// respondents by their kept sums where those stand for them), who is late in each
    /// meaning (``Lateness``), then each section's figures from those.
    ///
    /// - Complexity: O(n log n) for n counted answers, plus O(states² × threats log threats)
    ///   for the robustness check.
    public init(_ inputs: ReportInputs) {
        let questionnaire = inputs.questionnaire
        let asOf = inputs.asOf
        let counted = inputs.countedAnswers
        let aggregate = counted.aggregate
        let ranking = Ranking(counted: counted)
        let deadline = DeadlineCheck(
            questionnaire: questionnaire, submissions: counted.submissions, today: inputs.today)
        self.init(
            questionnaire: questionnaire,
            headline: Headline(
                questionnaire: questionnaire.id, title: questionnaire.title,
                deadline: questionnaire.deadline, deadlineInstant: questionnaire.deadlineInstant,
                timeZone: questionnaire.timeZone, today: inputs.today, generated: inputs.generated,
                roster: questionnaire.roster.count, responded: ranking.responded.count,
                onTime: deadline.onTime.count, late: deadline.late.count,
                missing: deadline.missing.count, note: questionnaire.note),
            ranking: ranking,
            borda: Ranking(counted: counted, options: .init(method: .borda)),
            lateMemberStates: counted.lateStates(.memberState),
            heatMap: HeatMap(
                questionnaire: questionnaire, ranking: ranking, aggregate: aggregate,
                current: counted.current),
            regions: RegionalBreakdown(counted: counted, grouping: inputs.grouping),
            deadline: deadline,
            tally: Tally(
                counted: counted, grouping: inputs.grouping, options: RankingOptions(asOf: asOf)),
            robustness: Robustness(questionnaire: questionnaire, aggregate: aggregate),
            provenance: Self.provenance(inputs, counted: counted))
    }

    /// Builds the report of what `store` holds for `questionnaire` as of the end of `today`.
    ///
    /// - Throws: ``SurveyError`` when the store cannot be read.
    public static func load(
        store: Store, questionnaire: Questionnaire, grouping: Grouping, today: CivilDate,
        generated: Date
    ) throws(SurveyError) -> ReportModel {
        ReportModel(
            try ReportInputs.load(
                store: store, questionnaire: questionnaire, grouping: grouping, today: today,
                generated: generated))
    }
}

extension ReportModel.HeatMap {
    /// The heat map of `aggregate` (the counted answers' sums), threats in `ranking`'s order.
    ///
    /// A cell is read from the sums, so an answer counts the same whether its respondents were
    /// read or counted by their kept sums: the best priority given, else whether a structured
    /// answer named it (respondents counted by their sums: taken as structured, as a table's
    /// rows are), else written comments did.
    ///
    /// - Complexity: O(roster × threats + mentions of the current answers).
    init(
        questionnaire: Questionnaire, ranking: Ranking, aggregate: MentionAggregate,
        current: CurrentAnswers
    ) {
        let index = Dictionary(
            uniqueKeysWithValues: aggregate.threats.enumerated().map { ($1, $0) })
        threats = ranking.threats.map(\.id)
        memberStates = questionnaire.roster
        cells = questionnaire.roster.map { state in
            guard let sums = aggregate.states[state] else {
                return ranking.threats.map { _ in .empty }
            }
            var structured = Set<String>()
            var summed = false
            for answer in current.byState[state] ?? [] {
                if answer.gathersRespondents, answer.response.respondents.isEmpty { summed = true }
                for mention in answer.response.mentions
                where mention.counts && mention.origin == .structured {
                    structured.insert(mention.threat)
                }
            }
            return ranking.threats.map { threat -> Cell in
                guard let t = index[threat.id], t < sums.mentions.count, sums.mentions[t] > 0
                else { return .empty }
                let best = sums.bestPriority[t]
                if best > 0 { return .priority(best) }
                return .named(structured: summed || structured.contains(threat.id))
            }
        }
    }
}
