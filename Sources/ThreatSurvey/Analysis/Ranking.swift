import Foundation

/// Threats ranked by how many Member States mention them (<doc:Figures>).
///
/// This is the question the Working Party asked. Counting distinct Member States, not
/// answers, means a joint answer counts once for each state it speaks for and a resubmission
/// replaces, never adds. Every threat of the questionnaire is listed, unmentioned ones last,
/// so that "nobody named it" is visible too.
public struct Ranking: Sendable {
    /// The questionnaire ranked.
    public var questionnaire: Questionnaire
    /// How it was computed.
    public var options: RankingOptions
    /// The roster Member States counted (in the region, if one was given), protocol order.
    public var roster: [String]
    /// The roster states with a current answer, protocol order.
    public var responded: [String]
    /// Distinct respondents with a current answer, where answers carry respondents.
    public var respondents: Int?
    /// Current answers that arrived after the deadline (left out with `onTimeOnly`): late
    /// answers, ``Lateness/Meaning/answer``.
    public var lateAnswers: [String]
    /// Every threat, ranked.
    public var threats: [RankedThreat]

    /// Ranks the threats of `questionnaire` from `submissions` (all of its submissions),
    /// through the same counted answers (`CountedAnswers`) every figure is built from.
    ///
    /// - Complexity: O(s log s + m + t log t) for s submissions, m mentions, t threats.
    public init(
        questionnaire: Questionnaire, submissions: [Submission], options: RankingOptions = .init()
    ) {
        self.init(
            counted: CountedAnswers(
                questionnaire: questionnaire, submissions: submissions, asOf: options.asOf,
                receivedBefore: options.onTimeOnly ? questionnaire.onTimeCutoff : nil),
            options: options)
    }

    /// Ranks the counted answers (their sums; late answers as they judge them).
    ///
    /// - Complexity: O(states × threats + t log t).
    package init(counted: CountedAnswers, options: RankingOptions = .init()) {
        self.init(
            questionnaire: counted.questionnaire, aggregate: counted.aggregate, options: options,
            lateAnswers: counted.lateStates(.answer))
    }

    /// Ranks the threats of `questionnaire` from per-state sums.
    ///
    /// - Parameters:
    ///   - questionnaire: the questionnaire whose threats are ranked.
    ///   - aggregate: the per-state sums.
    ///   - options: how to rank.
    ///   - lateAnswers: roster states whose current answer came after the deadline.
    /// - Complexity: O(states × threats + t log t).
    public init(
        questionnaire: Questionnaire, aggregate: MentionAggregate,
        options: RankingOptions = .init(),
        lateAnswers: [String] = []
    ) {
        self.questionnaire = questionnaire
        self.options = options
        var roster = questionnaire.roster
        if let members = options.memberStates { roster = roster.filter(members.contains) }
        self.roster = roster
        let answering = roster.filter { (aggregate.states[$0]?.answers ?? 0) > 0 }
        self.responded = answering
        self.lateAnswers = lateAnswers.filter(roster.contains)

        let count = aggregate.threats.count
        var total = MentionAggregate.StateSums(threats: count)
        var mentionedBy = [[String]](repeating: [], count: count)
        for state in answering {
            guard let sums = aggregate.states[state] else { continue }
            total.add(sums)
            for t in 0..<count where sums.mentions[t] > 0 { mentionedBy[t].append(state) }
        }
        let carries = aggregate.carriesRespondents
        self.respondents = carries ? total.answers : nil
        let byID = Dictionary(uniqueKeysWithValues: aggregate.threats.enumerated().map { ($1, $0) })
        var lines = questionnaire.threats.map { threat -> RankedThreat in
            guard let t = byID[threat.id] else {
                return RankedThreat(
                    rank: 0, tied: false, id: threat.id, title: threat.title, memberStates: 0,
                    share: 0,
                    mentionedBy: [], meanPriority: nil, firstPreferences: 0, bordaPoints: 0,
                    respondents: carries ? 0 : nil)
            }
            let states = mentionedBy[t]
            return RankedThreat(
                rank: 0, tied: false, id: threat.id, title: threat.title,
                memberStates: states.count,
                share: answering.isEmpty ? 0 : Double(states.count) / Double(answering.count),
                mentionedBy: states,
                meanPriority: total.priorityCount[t] == 0
                    ? nil : Double(total.prioritySum[t]) / Double(total.priorityCount[t]),
                firstPreferences: total.firsts[t], bordaPoints: total.borda[t],
                respondents: carries ? total.mentions[t] : nil)
        }
        lines.sort(by: options.method == .borda ? Ranking.bordaOrder : Ranking.countOrder)
        let score: (RankedThreat) -> Double =
            options.method == .borda ? { $0.bordaPoints } : { Double($0.memberStates) }
        for index in lines.indices {
            let s = score(lines[index])
            if index > 0, score(lines[index - 1]) == s {
                lines[index].rank = lines[index - 1].rank
            } else {
                lines[index].rank = index + 1
            }
        }
        for index in lines.indices {
            let s = score(lines[index])
            lines[index].tied = lines.indices.contains { $0 != index && score(lines[$0]) == s }
        }
        self.threats = lines
    }

    /// Count order: more Member States first, then lower mean priority (none after some),
    /// then id.
    static func countOrder(_ a: RankedThreat, _ b: RankedThreat) -> Bool {
        if a.memberStates != b.memberStates { return a.memberStates > b.memberStates }
        return priorityThenID(a, b)
    }

    /// Borda order: more points first, then the count order.
    static func bordaOrder(_ a: RankedThreat, _ b: RankedThreat) -> Bool {
        if a.bordaPoints != b.bordaPoints { return a.bordaPoints > b.bordaPoints }
        return countOrder(a, b)
    }

    private static func priorityThenID(_ a: RankedThreat, _ b: RankedThreat) -> Bool {
        switch (a.meanPriority, b.meanPriority) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.id < b.id
        }
    }
}
