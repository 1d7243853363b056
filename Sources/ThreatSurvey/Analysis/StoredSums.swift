/// The sums of a questionnaire's current answers in a store, using the per-file sums kept
/// for large streamed files, so that ranking a million stored answers reads a few hundred
/// rows instead of millions.
public enum StoredSums {
    /// The sums and the late states, or `nil` when the store holds no streamed file for the
    /// questionnaire or the per-file sums cannot simply be added: two streamed files share
    /// respondents (one may replace the other's answers), or ordinary submissions carry
    /// respondents. The caller then reads every submission.
    public static func aggregate(
        store: Store, questionnaire: Questionnaire, options: RankingOptions
    ) throws(SurveyError) -> (aggregate: MentionAggregate, lateAnswers: [String])? {
        let files = try store.streamedSums(questionnaire: questionnaire)
        guard !files.isEmpty else { return nil }
        for (i, a) in files.enumerated() {
            for b in files[(i + 1)...]
            where a.respondentPrefix == b.respondentPrefix && a.respondents.overlaps(b.respondents)
            {
                return nil
            }
        }
        let regular = try store.submissions(
            questionnaire: questionnaire.id, excludingStreamed: true)
        guard regular.allSatisfy({ $0.response.respondent == nil }) else { return nil }
        let cutoff =
            options.onTimeOnly ? questionnaire.deadline.next.start(in: questionnaire.timeZone) : nil
        let counted = files.filter { file in
            (options.asOf.map { file.received <= $0 } ?? true)
                && (cutoff.map { file.received < $0 } ?? true)
        }
        var aggregate = MentionAggregate(
            questionnaire: questionnaire,
            current: CurrentAnswers(regular, asOf: options.asOf, receivedBefore: cutoff))
        aggregate.carriesRespondents = true
        for file in counted {
            for (state, sums) in file.aggregate.states {
                var total =
                    aggregate.states[state]
                    ?? MentionAggregate.StateSums(threats: aggregate.threats.count)
                total.add(sums)
                aggregate.states[state] = total
            }
        }
        // A state's latest answer decides whether it counts as late.
        let all = CurrentAnswers(regular, asOf: options.asOf)
        let visible = files.filter { file in options.asOf.map { file.received <= $0 } ?? true }
        let late = questionnaire.roster.filter { state in
            var latest = all.current(for: state)?.received
            for file in visible where file.aggregate.states[state] != nil {
                if latest.map({ file.received > $0 }) ?? true { latest = file.received }
            }
            return latest.map { !questionnaire.isOnTime($0) } ?? false
        }
        return (aggregate, late)
    }
}
