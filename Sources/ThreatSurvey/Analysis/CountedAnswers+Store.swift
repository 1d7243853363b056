package import Foundation

extension CountedAnswers {
    /// The counted answers `store` holds for `questionnaire`, as of a moment.
    ///
    /// The officer's decisions apply (``Store/countedSubmissions(questionnaire:respondents:)``).
    /// A submission gathering respondents is counted by the sums kept with it when that gives
    /// the same counts: no other answer of its Member States, as of the moment, names a
    /// respondent (which could replace one of its). A million respondents then cost a few
    /// hundred bytes per delegation. Otherwise its respondents' answers are read and each
    /// respondent's latest answer counts (``CurrentAnswers``).
    ///
    /// - Parameters:
    ///   - store: the store to read.
    ///   - questionnaire: the questionnaire whose answers count.
    ///   - asOf: only answers received at or before this instant count (`nil`: all).
    ///   - receivedBefore: only answers received before this instant count (`nil`: all).
    ///   - useCache: whether kept sums may stand for respondents' answers; `false` reads
    ///     every answer (for what needs each answer's text: `plan`, `compile`).
    /// - Returns: the counted answers, however they were read (`CountedAnswers/reading`).
    /// - Throws: ``SurveyError`` when the store cannot be read.
    /// - Complexity: O(n log n) for n submissions, plus the answers of the respondents read.
    package static func load(
        store: Store, questionnaire: Questionnaire, asOf: Date?, receivedBefore: Date? = nil,
        useCache: Bool = true
    ) throws(SurveyError) -> CountedAnswers {
        guard useCache else {
            return CountedAnswers(
                questionnaire: questionnaire,
                submissions: try store.countedSubmissions(questionnaire: questionnaire.id),
                asOf: asOf, receivedBefore: receivedBefore)
        }
        var submissions = try store.countedSubmissions(
            questionnaire: questionnaire.id, respondents: false)
        guard submissions.contains(where: \.gathersRespondents) else {
            return CountedAnswers(
                questionnaire: questionnaire, submissions: submissions, asOf: asOf,
                receivedBefore: receivedBefore)
        }
        var sums = try store.respondentSums(
            questionnaire: questionnaire.id, threats: questionnaire.threats.map(\.id))
        let read = packsToRead(
            submissions, sums: sums, asOf: asOf, receivedBefore: receivedBefore)
        if !read.isEmpty {
            var answers: [Int64: [Response]] = [:]
            for s in try store.submissions(ids: read.sorted()) {
                answers[s.id] = s.response.respondents
            }
            for i in submissions.indices where read.contains(submissions[i].id) {
                submissions[i].response.respondents = answers[submissions[i].id] ?? []
                sums[submissions[i].id] = nil
            }
        }
        var counted = CountedAnswers(
            questionnaire: questionnaire, submissions: submissions, asOf: asOf,
            receivedBefore: receivedBefore, packSums: sums)
        if !sums.isEmpty { counted.reading = .cachedSums }
        return counted
    }

    /// The submissions gathering respondents whose answers must be read: those without
    /// usable sums, and those sharing a Member State with another answer that names
    /// respondents, as of the moment (a later one may replace some of their respondents'
    /// answers, an earlier one be replaced by theirs).
    ///
    /// - Complexity: O(n) for n submissions.
    static func packsToRead(
        _ submissions: [Submission], sums: [Int64: MentionAggregate.StateSums], asOf: Date?,
        receivedBefore: Date?
    ) -> Set<Int64> {
        var out = sharingRespondents(submissions, asOf: asOf, receivedBefore: receivedBefore)
        for s in submissions where s.gathersRespondents && sums[s.id] == nil {
            if let asOf, s.received > asOf { continue }
            if let receivedBefore, s.received >= receivedBefore { continue }
            out.insert(s.id)
        }
        return out
    }

    /// The submissions gathering respondents that share a Member State with another answer
    /// naming respondents, as of the moment: which of their respondents' answers count
    /// depends on the others, so their answers must be read to tell.
    ///
    /// - Complexity: O(n) for n submissions.
    package static func sharingRespondents(
        _ submissions: [Submission], asOf: Date? = nil, receivedBefore: Date? = nil
    ) -> Set<Int64> {
        var byState: [String: [Submission]] = [:]
        for s in submissions {
            if let asOf, s.received > asOf { continue }
            if let receivedBefore, s.received >= receivedBefore { continue }
            guard s.gathersRespondents || s.response.respondent != nil else { continue }
            for state in s.memberStates { byState[state, default: []].append(s) }
        }
        var out = Set<Int64>()
        for answers in byState.values where answers.count > 1 {
            for s in answers where s.gathersRespondents { out.insert(s.id) }
        }
        return out
    }
}
