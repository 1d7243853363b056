public import Foundation

extension ReportModel {
    /// Builds every figure of the report from `inputs`, as they stood at the end of their day.
    ///
    /// The phases: the answers counted (current submissions plus the streamed files' sums),
    /// who is late in each meaning (``Lateness``), then each section's figures from those.
    ///
    /// - Complexity: O(n log n) for n submissions, plus O(states² × threats log threats) for
    ///   the robustness check; streamed files cost their sums, not their rows.
    public init(_ inputs: ReportInputs) {
        let questionnaire = inputs.questionnaire
        let asOf = inputs.asOf
        let visible = inputs.submissions.filter { $0.received <= asOf }
        let current = CurrentAnswers(visible)
        let visibleFiles = inputs.streamed.filter { $0.received <= asOf }
        let countedFiles = Self.countedFiles(visibleFiles, current: inputs.currentStreamedSums)
        let aggregate = Self.aggregate(
            questionnaire: questionnaire, current: current, files: countedFiles,
            anyStreamed: !inputs.streamed.isEmpty)
        // Who answered, and when, in streamed files: one answerless placeholder per state.
        let placeholders = StoredSums.placeholders(
            for: inputs.streamed, questionnaire: questionnaire)
        let lateAnswers = Lateness.lateStates(
            .answer, questionnaire: questionnaire, submissions: visible, files: visibleFiles)
        let lateStates = Lateness.lateStates(
            .memberState, questionnaire: questionnaire, submissions: visible, files: visibleFiles)

        let ranking = Ranking(
            questionnaire: questionnaire, aggregate: aggregate, lateAnswers: lateAnswers)
        var regions = RegionalBreakdown(
            questionnaire: questionnaire, aggregate: aggregate, grouping: inputs.grouping,
            lateAnswers: lateAnswers)
        regions.markJointAnswers(current)
        let deadline = DeadlineCheck(
            questionnaire: questionnaire, submissions: inputs.submissions + placeholders,
            today: inputs.today)
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
            borda: Ranking(
                questionnaire: questionnaire, aggregate: aggregate,
                options: .init(method: .borda), lateAnswers: lateAnswers),
            lateMemberStates: lateStates,
            heatMap: HeatMap(
                questionnaire: questionnaire, ranking: ranking, aggregate: aggregate,
                current: current, files: countedFiles),
            regions: regions,
            deadline: deadline,
            tally: Tally(
                questionnaire: questionnaire,
                submissions: visible + placeholders.filter { $0.received <= asOf },
                grouping: inputs.grouping),
            robustness: Robustness(questionnaire: questionnaire, aggregate: aggregate),
            provenance: Self.provenance(inputs, visibleFiles: visibleFiles))
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

    /// What each visible streamed file counts: its own sums, or those of its answers still
    /// current when files share respondents.
    static func countedFiles(
        _ files: [StreamedFileSums], current: [Int64: [String: MentionAggregate.StateSums]]?
    ) -> [StreamedFileSums] {
        files.map { file in
            var counted = file
            if let sums = current?[file.fileID] { counted.aggregate.states = sums }
            return counted
        }
    }

    /// The sums every figure is counted from: the current submissions' plus the files'.
    static func aggregate(
        questionnaire: Questionnaire, current: CurrentAnswers, files: [StreamedFileSums],
        anyStreamed: Bool
    ) -> MentionAggregate {
        var aggregate = MentionAggregate(questionnaire: questionnaire, current: current)
        if anyStreamed { aggregate.carriesRespondents = true }
        for file in files {
            for (state, sums) in file.aggregate.states {
                var total =
                    aggregate.states[state]
                    ?? MentionAggregate.StateSums(threats: aggregate.threats.count)
                total.add(sums)
                aggregate.states[state] = total
            }
        }
        return aggregate
    }
}

extension ReportModel.HeatMap {
    /// The heat map of `aggregate` (the counted answers' sums), threats in `ranking`'s order.
    ///
    /// A cell is read from the sums, so an answer counts the same whether it was loaded or
    /// streamed: the best priority given, else whether a structured answer (or a streamed
    /// file, always structured) named it, else written comments did.
    ///
    /// - Complexity: O(roster × threats + mentions of the current answers).
    init(
        questionnaire: Questionnaire, ranking: Ranking, aggregate: MentionAggregate,
        current: CurrentAnswers, files: [StreamedFileSums]
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
            for answer in current.byState[state] ?? [] {
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
                if best == SumsRow.unknownBestPriority { return .prioritised }
                let inFile = files.contains { file in
                    (file.aggregate.states[state]?.mentions).map { t < $0.count && $0[t] > 0 }
                        ?? false
                }
                return .named(structured: inFile || structured.contains(threat.id))
            }
        }
    }
}
